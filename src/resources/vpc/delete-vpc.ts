// DeleteVpc: refused while the VPC's router has router interfaces, or while interfaces of other
// routers still name it as their opposite router, or while custom route entries exist.
import { defineAction } from '../../engine/action.js';
import { owned } from '../shared/owned.js';
import { countInterfacesOnRouter, interfacesLinkedTo } from '../router-interface/queries.js';
import { countEntriesInTable } from '../route-entry/queries.js';
import { ROUTE_TABLES, ROUTERS, VPCS } from './storage.js';

export const deleteVpc = defineAction({
  product: 'Vpc',
  name: 'DeleteVpc',
  mode: 'write',
  handler: async (input, ctx) => {
    const vpc = await owned(ctx, VPCS, input.VpcId, input.RegionId, 'InvalidVpcId.NotFound');
    if (vpc.status !== 'Available') throw ctx.error('IncorrectVpcStatus');
    if ((await countInterfacesOnRouter(ctx.tx, vpc.vRouterId)) > 0) throw ctx.error('DependencyViolation.RouterInterface');
    if ((await interfacesLinkedTo(ctx.tx, vpc.vRouterId)).length > 0) throw ctx.error('DependencyViolation.OppositeRouterInterface');
    if ((await countEntriesInTable(ctx.tx, vpc.routeTableId)) > 0) throw ctx.error('DependencyViolation.RouteEntry');
    if (input.DryRun) throw ctx.error('DryRunOperation');
    await ctx.tx.repo(ROUTE_TABLES).delete(vpc.routeTableId);
    await ctx.tx.repo(ROUTERS).delete(vpc.vRouterId);
    await ctx.tx.repo(VPCS).delete(vpc.id);
    return {};
  },
});
