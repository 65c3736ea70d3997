import { defineAction } from '../../actions/registry-types.js';

interface Input {
  RegionId: string;
  VbrId: string;
  ClientToken?: string;
}

export const deleteVirtualBorderRouter = defineAction({
  product: 'Vpc',
  name: 'DeleteVirtualBorderRouter',
  mode: 'write',
  handler: (input: Input, ctx) => {
    const { repos } = ctx.services;
    const vbr = repos.vbrs.get(input.VbrId);
    if (!vbr || vbr.regionId !== input.RegionId || (vbr.accountId !== ctx.account.id && vbr.physicalConnectionOwnerId !== ctx.account.id)) {
      throw ctx.error('InvalidVbrId.NotFound');
    }
    if (repos.routerInterfaces.count({ routerId: vbr.id }) > 0) throw ctx.error('InvalidOperation.RouterInterfaceNotDeleted');
    if (repos.routeEntries.count({ routeTableId: vbr.routeTableId }) > 0)
      throw ctx.error('DependencyViolation.RouterInterfaceReferedByRouteEntry');
    repos.routeTables.delete(vbr.routeTableId);
    repos.routers.delete(vbr.id);
    repos.vbrs.delete(vbr.id);
    return {};
  },
});
