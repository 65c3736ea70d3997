// DeleteVpc: only an Available VPC of the caller; refused while it holds vSwitches
// (DependencyViolation.VSwitch, which Terraform retries), custom route tables
// (DependencyViolation.RouteTable), router interfaces on its router, interfaces of other routers
// that still name it as their opposite router, or custom route entries. With DryRun the checks
// run and DryRunOperation answers. Gone at once (Terraform waits until it is not found).
import { defineAction } from '../../engine/action.js';
import { owned } from '../shared/owned.js';
import { idempotent } from '../shared/client-token.js';
import { countInterfacesOnRouter, interfacesLinkedTo } from '../router-interface/queries.js';
import { countEntriesInTable } from '../route-entry/queries.js';
import { vswitchesOfVpc } from '../vswitch/queries.js';
import { ROUTE_TABLES, ROUTERS, VPCS } from './storage.js';
import { routeTablesOfVpc } from './queries.js';

export const deleteVpc = defineAction({
  product: 'Vpc',
  name: 'DeleteVpc',
  mode: 'write',
  handler: (input, ctx) =>
    idempotent(ctx, 'DeleteVpc', input, async () => {
      const vpc = await owned(ctx, VPCS, input.VpcId, input.RegionId, 'InvalidVpcId.NotFound');
      if (vpc.status !== 'Available') throw ctx.error('IncorrectVpcStatus');
      if ((await vswitchesOfVpc(ctx.tx, vpc.id)).length > 0) throw ctx.error('DependencyViolation.VSwitch');
      if ((await routeTablesOfVpc(ctx.tx, vpc.id)).some((t) => t.type === 'Custom')) throw ctx.error('DependencyViolation.RouteTable');
      if ((await countInterfacesOnRouter(ctx.tx, vpc.vRouterId)) > 0) throw ctx.error('DependencyViolation.RouterInterface');
      if ((await interfacesLinkedTo(ctx.tx, vpc.vRouterId)).length > 0) throw ctx.error('DependencyViolation.OppositeRouterInterface');
      if ((await countEntriesInTable(ctx.tx, vpc.routeTableId)) > 0) throw ctx.error('DependencyViolation.RouteEntry');
      if (input.DryRun) throw ctx.error('DryRunOperation');
      await ctx.tx.repo(ROUTE_TABLES).delete(vpc.routeTableId);
      await ctx.tx.repo(ROUTERS).delete(vpc.vRouterId);
      await ctx.tx.repo(VPCS).delete(vpc.id);
      return {};
    }),
});
