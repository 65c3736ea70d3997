// DeleteVirtualBorderRouter: by its owner or the owner of its physical connection; refused while
// router interfaces hang on it or route entries remain in its route table. Gone at once.
import { defineAction } from '../../engine/action.js';
import { countInterfacesOnRouter } from '../router-interface/queries.js';
import { countEntriesInTable } from '../route-entry/queries.js';
import { removeRouter } from '../vpc/queries.js';
import { VBRS } from './storage.js';

export const deleteVirtualBorderRouter = defineAction({
  product: 'Vpc',
  name: 'DeleteVirtualBorderRouter',
  mode: 'write',
  handler: async (input, ctx) => {
    const vbrs = ctx.tx.repo(VBRS);
    const vbr = await vbrs.get(input.VbrId);
    if (!vbr || vbr.regionId !== input.RegionId || (vbr.accountId !== ctx.caller.id && vbr.physicalConnectionOwnerId !== ctx.caller.id)) {
      throw ctx.error('InvalidVbrId.NotFound');
    }
    if ((await countInterfacesOnRouter(ctx.tx, vbr.id)) > 0) throw ctx.error('InvalidOperation.RouterInterfaceNotDeleted');
    if ((await countEntriesInTable(ctx.tx, vbr.routeTableId)) > 0)
      throw ctx.error('DependencyViolation.RouterInterfaceReferedByRouteEntry');
    await removeRouter(ctx.tx, vbr.id, vbr.routeTableId);
    await vbrs.delete(vbr.id);
    return {};
  },
});
