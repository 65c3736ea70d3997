// DeleteRouterInterface: only Idle or Inactive; refused while a route entry uses it as next hop.
// Deleting, then gone; the other end stays as it is and shows OppositeInterfaceStatus Deleted.
import { defineAction } from '../../engine/action.js';
import { idempotent } from '../shared/client-token.js';
import { countEntriesWithNextHop } from '../route-entry/queries.js';
import { ownInterface, startTransition } from './lookup.js';
import { allowed } from './states.js';
import { RI_TRANSITIONS } from './transitions.js';

export const deleteRouterInterface = defineAction({
  product: 'Vpc',
  name: 'DeleteRouterInterface',
  mode: 'write',
  handler: (input, ctx) =>
    idempotent(ctx, 'DeleteRouterInterface', input, async () => {
      const ri = await ownInterface(ctx, input.RegionId, input.RouterInterfaceId);
      if (!allowed(ri, 'delete')) throw ctx.error('InvalidInstance.StatusError');
      if ((await countEntriesWithNextHop(ctx.tx, ri.id)) > 0) throw ctx.error('RouterInterfaceReferredByRouteEntry');
      await startTransition(ctx, RI_TRANSITIONS.delete, ri, 'delete');
      return {};
    }),
});
