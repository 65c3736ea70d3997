// DeleteRouterInterface: only Idle or Inactive; refused while a route entry uses it as next hop.
// Deleting, then gone; the other end stays as it is and shows OppositeInterfaceStatus Deleted.
import { defineAction } from '../../actions/registry-types.js';
import { idempotent } from '../shared/client-token.js';
import { ownInterface, startTransition } from './lookup.js';
import { allowed } from './states.js';

interface Input {
  RegionId: string;
  RouterInterfaceId: string;
  ClientToken?: string;
}

export const deleteRouterInterface = defineAction({
  product: 'Vpc',
  name: 'DeleteRouterInterface',
  mode: 'write',
  handler: (input: Input, ctx) =>
    idempotent(ctx, 'DeleteRouterInterface', input.ClientToken, () => {
      const { repos } = ctx.services;
      const ri = ownInterface(ctx, input.RegionId, input.RouterInterfaceId);
      if (!allowed(ri, 'delete')) throw ctx.error('InvalidInstance.StatusError');
      if (repos.routeEntries.count({ nextHopId: ri.id }) > 0) throw ctx.error('RouterInterfaceReferredByRouteEntry');
      startTransition(ctx, 'RouterInterface.delete', ri, 'delete');
      return {};
    }),
});
