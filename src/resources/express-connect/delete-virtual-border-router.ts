// DeleteVirtualBorderRouter: by its owner or the owner of its physical connection; only when
// unconfirmed, active or terminated; refused while router interfaces hang on it or route entries
// remain in its route table. Gone at once (LocalVPC does not show `deleting`).
import { defineAction } from '../../engine/action.js';
import { idempotent } from '../shared/client-token.js';
import { countInterfacesOnRouter } from '../router-interface/queries.js';
import { countEntriesInTable } from '../route-entry/queries.js';
import { removeRouter } from '../vpc/queries.js';
import { visibleVbr } from './lookup.js';
import { vbrMay } from './states.js';
import { VBRS } from './storage.js';

export const deleteVirtualBorderRouter = defineAction({
  product: 'Vpc',
  name: 'DeleteVirtualBorderRouter',
  mode: 'write',
  handler: (input, ctx) =>
    idempotent(ctx, 'DeleteVirtualBorderRouter', input, async () => {
      const { vbr } = await visibleVbr(ctx, input.RegionId, input.VbrId);
      if (!vbrMay(vbr, 'delete')) throw ctx.error('InvalidOperation.OperationNotAllowedInState');
      if ((await countInterfacesOnRouter(ctx.tx, vbr.id)) > 0) throw ctx.error('InvalidOperation.RouterInterfaceNotDeleted');
      if ((await countEntriesInTable(ctx.tx, vbr.routeTableId)) > 0)
        throw ctx.error('DependencyViolation.RouterInterfaceReferedByRouteEntry');
      await removeRouter(ctx.tx, vbr.id, vbr.routeTableId);
      await ctx.tx.repo(VBRS).delete(vbr.id);
      return {};
    }),
});
