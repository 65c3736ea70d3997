// DeleteRouterInterface: only Idle or Inactive; refused while a route entry uses it as next hop.
// Deleting, then gone; the other end stays as it is and shows OppositeInterfaceStatus Deleted.
import { defineAction } from '../../engine/action.js';
import { found, runChecks, type Check } from '../../engine/checks.js';
import { idempotent } from '../shared/client-token.js';
import { countEntriesWithNextHop } from '../route-entry/queries.js';
import { ownInterface, startTransition } from './lookup.js';
import type { RouterInterface } from './model.js';
import { allowed } from './states.js';
import { RI_TRANSITIONS } from './transitions.js';

export interface DeleteState {
  regionId: string;
  id: string;
  ri?: RouterInterface;
}

const ri = (s: DeleteState) => found(s.ri, 'the interface');

/** The checks of DeleteRouterInterface, run by the handler and by explain. */
export const DELETE_CHECKS: readonly Check<DeleteState>[] = [
  {
    label: "the interface is the caller's, in RegionId",
    codes: ['InvalidRouterInterfaceId.NotFound'],
    run: async (s, ctx) => void (s.ri = await ownInterface(ctx, s.regionId, s.id)),
  },
  {
    label: 'it is Idle or Inactive',
    codes: ['InvalidInstance.StatusError'],
    needs: ['ri'],
    run: (s, ctx) => {
      if (!allowed(ri(s), 'delete')) throw ctx.error('InvalidInstance.StatusError');
    },
  },
  {
    label: 'no route entry uses it as next hop',
    codes: ['RouterInterfaceReferredByRouteEntry'],
    needs: ['ri'],
    run: async (s, ctx) => {
      if ((await countEntriesWithNextHop(ctx.tx, ri(s).id)) > 0) throw ctx.error('RouterInterfaceReferredByRouteEntry');
    },
  },
];

export const deleteRouterInterface = defineAction({
  product: 'Vpc',
  name: 'DeleteRouterInterface',
  mode: 'write',
  handler: (input, ctx) =>
    idempotent(ctx, 'DeleteRouterInterface', input, async () => {
      const s = await runChecks(DELETE_CHECKS, { regionId: input.RegionId, id: input.RouterInterfaceId }, ctx);
      await startTransition(ctx, RI_TRANSITIONS.delete, ri(s), 'delete');
      return {};
    }),
});
