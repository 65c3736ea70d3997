// CreateRouteTable: a custom route table of an Available VPC of the caller, for vSwitches (the
// default AssociateType) or gateways. At most 10 route tables per VPC, its system table included
// (Alibaba's documented quota). Pending, then Available.
import { defineAction } from '../../engine/action.js';
import { idempotent } from '../shared/client-token.js';
import { owned } from '../shared/owned.js';
import { isLooseName, isValidDescription, tagsJson, validTags } from '../shared/validation.js';
import { ROUTE_TABLES, VPCS } from './storage.js';
import { routeTablesOfVpc } from './queries.js';
import { ROUTE_TABLE_TRANSITIONS } from './transitions.js';

/** Route tables one VPC may hold, its system table included. */
export const ROUTE_TABLES_PER_VPC = 10;

export const createRouteTable = defineAction({
  product: 'Vpc',
  name: 'CreateRouteTable',
  mode: 'write',
  handler: async (input, ctx) => {
    if (input.RouteTableName !== undefined && !isLooseName(input.RouteTableName))
      throw ctx.error('InvalidParameter.RouteTableName.Malformed');
    if (input.Description !== undefined && !isValidDescription(input.Description))
      throw ctx.error('InvalidParameter.Description.Malformed');
    if (input.AssociateType !== undefined && input.AssociateType !== 'VSwitch' && input.AssociateType !== 'Gateway') {
      throw ctx.error('InvalidParameter', 'AssociateType');
    }
    if (!validTags(input.Tag)) throw ctx.error('InvalidTagKey');
    const vpc = await owned(ctx, VPCS, input.VpcId, input.RegionId, 'InvalidVpcId.NotFound');
    if (vpc.status !== 'Available') throw ctx.error('IncorrectVpcStatus');
    return idempotent(ctx, 'CreateRouteTable', input, async () => {
      if ((await routeTablesOfVpc(ctx.tx, vpc.id)).length >= ROUTE_TABLES_PER_VPC) throw ctx.error('QuotaExceeded.RouteTable');
      const id = ctx.ids.resource('vtb', vpc.regionId);
      await ctx.tx.repo(ROUTE_TABLES).insert({
        id,
        accountId: ctx.caller.id,
        regionId: vpc.regionId,
        routerId: vpc.vRouterId,
        routerType: 'VRouter',
        vpcId: vpc.id,
        type: 'Custom',
        associateType: input.AssociateType ?? 'VSwitch',
        name: input.RouteTableName ?? '',
        description: input.Description ?? '',
        routePropagationEnable: true,
        resourceGroupId: vpc.resourceGroupId, // a VPC's tables are in its resource group
        tags: tagsJson(input.Tag),
        status: 'Pending',
        createdAt: ctx.now,
        pendingStatus: 'Available',
        dueAt: ctx.plan(ROUTE_TABLE_TRANSITIONS.create).dueAt,
      });
      return { RouteTableId: id };
    });
  },
});
