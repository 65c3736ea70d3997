// DeleteVpc: refused while the VPC's router has router interfaces, or while interfaces of other
// routers still name it as their opposite router, or while custom route entries exist.
import { defineAction } from '../../actions/registry-types.js';
import { owned } from '../shared/owned.js';

interface Input {
  VpcId: string;
  RegionId?: string;
  ForceDelete?: boolean;
  DryRun?: boolean;
}

export const deleteVpc = defineAction({
  product: 'Vpc',
  name: 'DeleteVpc',
  mode: 'write',
  handler: (input: Input, ctx) => {
    const { repos } = ctx.services;
    const vpc = owned(ctx, repos.vpcs, input.VpcId, input.RegionId, 'InvalidVpcId.NotFound');
    if (vpc.status !== 'Available') throw ctx.error('IncorrectVpcStatus');
    if (repos.routerInterfaces.count({ routerId: vpc.vRouterId }) > 0) throw ctx.error('DependencyViolation.RouterInterface');
    if (repos.routerInterfaces.find({ oppositeRouterId: vpc.vRouterId }).some((ri) => ri.status !== 'Idle' && !ri.oppositeDeleted)) {
      throw ctx.error('DependencyViolation.OppositeRouterInterface');
    }
    if (repos.routeEntries.count({ routeTableId: vpc.routeTableId }) > 0) throw ctx.error('DependencyViolation.RouteEntry');
    if (input.DryRun) throw ctx.error('DryRunOperation');
    repos.routeTables.delete(vpc.routeTableId);
    repos.routers.delete(vpc.vRouterId);
    repos.vpcs.delete(vpc.id);
    return {};
  },
});
