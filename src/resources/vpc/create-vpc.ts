// CreateVpc: a VPC with its vRouter and system route table. `Pending`, then `Available` after the
// transition delay, as the real service does.
import { defineAction } from '../../engine/action.js';
import { idempotent } from '../shared/client-token.js';
import { isValidDescription, isValidName, parseCidr, tagsJson, validTags } from '../shared/validation.js';
import { defaultResourceGroup } from './model.js';
import { ROUTE_TABLES, ROUTERS, VPCS } from './storage.js';
import { VPC_TRANSITIONS } from './transitions.js';
import { systemRouteTable } from './queries.js';

/** RFC 1918 and the other ranges Alibaba accepts for a VPC; 100.64/10, 224/4, 127/8 and 169.254/16 are refused. */
export function validVpcCidr(s: string): boolean {
  const c = parseCidr(s);
  if (!c || c.bits < 8 || c.bits > 28) return false;
  const first = c.base >>> 24;
  const second = (c.base >>> 16) & 0xff;
  if (first === 127 || first >= 224 || (first === 169 && second === 254) || (first === 100 && second >= 64 && second < 128)) return false;
  return true;
}

export const createVpc = defineAction({
  product: 'Vpc',
  name: 'CreateVpc',
  mode: 'write',
  handler: async (input, ctx) => {
    const cidr = input.CidrBlock ?? '172.16.0.0/12';
    if (!validVpcCidr(cidr)) throw ctx.error('InvalidParameter');
    if (input.VpcName !== undefined && !isValidName(input.VpcName)) throw ctx.error('InvalidVpcName.Malformed');
    if (input.Description !== undefined && !isValidDescription(input.Description)) throw ctx.error('InvalidVpcDiscription.Malformed');
    if (!validTags(input.Tag)) throw ctx.error('InvalidParameter');
    if (input.DryRun) throw ctx.error('DryRunOperation');
    return idempotent(ctx, 'CreateVpc', input, async () => {
      const vpcId = ctx.ids.resource('vpc', input.RegionId);
      const vRouterId = ctx.ids.resource('vrt', input.RegionId);
      const routeTableId = ctx.ids.resource('vtb', input.RegionId);
      const resourceGroupId = input.ResourceGroupId ?? defaultResourceGroup(ctx.caller.id);
      // The shared fields are written out, not spread: V8 copies a spread followed by new fields
      // one by one, tens of µs for these three rows.
      const accountId = ctx.caller.id;
      const regionId = input.RegionId;
      const createdAt = ctx.now;
      await ctx.tx.repo(VPCS).insert({
        accountId,
        regionId,
        createdAt,
        id: vpcId,
        name: input.VpcName ?? '',
        description: input.Description ?? '',
        cidrBlock: cidr,
        secondaryCidrs: '[]',
        dnsHostnameStatus: input.EnableDnsHostname ? 'ENABLED' : 'DISABLED',
        status: 'Pending',
        vRouterId,
        routeTableId,
        resourceGroupId,
        isDefault: false,
        tags: tagsJson(input.Tag),
        pendingStatus: 'Available',
        dueAt: ctx.plan(VPC_TRANSITIONS.create).dueAt,
      });
      await ctx.tx.repo(ROUTERS).insert({
        accountId,
        regionId,
        createdAt,
        id: vRouterId,
        kind: 'VRouter',
        vpcId,
        accessPointId: '',
        routeTableId,
        name: '',
        description: '',
      });
      const table = systemRouteTable({
        accountId,
        regionId,
        createdAt,
        id: routeTableId,
        routerId: vRouterId,
        routerType: 'VRouter',
        vpcId,
        name: '',
        description: '',
      });
      await ctx.tx.repo(ROUTE_TABLES).insert(Object.assign(table, { resourceGroupId }));
      return { VpcId: vpcId, VRouterId: vRouterId, RouteTableId: routeTableId, ResourceGroupId: resourceGroupId };
    });
  },
});
