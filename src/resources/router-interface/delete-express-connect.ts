// DeleteExpressConnect (Alibaba's newer metadata only): deletes an Express Connect instance, both
// ends of the router-interface pair ("包含发起端和接收端"), as Terraform's provider does for a
// FastLinkMode interface. Any interface of the caller is accepted; its peer (the interface it is
// linked to, when that one names it back) goes with it, whichever account owns the peer.
// Checks, in order:
//  1 the interface is the caller's, in RegionId                InvalidRouterInterfaceId.NotFound (404)
//  2 each end is Idle or Inactive, or Active with Force        IncorrectStatus.RouterInterface
//    (an end in a transitional state is refused even with Force)
//  3 without Force, no route entry has either end as next hop DependencyViolation.RouterInterfaceReferedByRouteEntry
// With Force, the route entries through either end are deleted, and an Active pair is deactivated
// and deleted in one step: both ends go straight to Deleting (no Deactivating is shown), then are
// gone after the delete transition, like DeleteRouterInterface's.
import { defineAction, type HandlerContext } from '../../engine/action.js';
import { idempotent } from '../shared/client-token.js';
import { countEntriesWithNextHop, deleteEntriesWithNextHop } from '../route-entry/queries.js';
import type { RouterInterface } from './model.js';
import { linkedPeer, ownInterface } from './lookup.js';
import { allowed } from './states.js';
import { ROUTER_INTERFACES } from './storage.js';
import { RI_TRANSITIONS } from './transitions.js';

/** The messages of DeleteExpressConnect's own documentation (the spec's first entries are another action's). */
const MESSAGES = {
  status: 'This openeration would not be allowed because the status of this RouterInterface is not correct.',
  referred: 'RouterInterface cannot be deleted when it is refered by a route table entry as next hop.',
};

function deletable(ri: RouterInterface, force: boolean): boolean {
  return allowed(ri, 'delete') || (force && ri.status === 'Active');
}

/** The end in Deleting, gone when the plan says (back where it was under an injected fault). */
function deleting(ctx: HandlerContext, ri: RouterInterface, dueAt: number, revert: boolean): RouterInterface {
  return { ...ri, status: 'Deleting', pendingStatus: revert ? ri.status : 'Deleted', dueAt: Math.max(dueAt, 1), modifiedAt: ctx.now };
}

export const deleteExpressConnect = defineAction({
  product: 'Vpc',
  name: 'DeleteExpressConnect',
  mode: 'write',
  handler: (input, ctx) =>
    idempotent(ctx, 'DeleteExpressConnect', input, async () => {
      const force = input.Force ?? false;
      const ri = await ownInterface(ctx, input.RegionId, input.RouterInterfaceId);
      const peer = await linkedPeer(ctx, ri);
      const ends = peer ? [ri, peer] : [ri];
      if (!ends.every((e) => deletable(e, force))) throw ctx.error('IncorrectStatus.RouterInterface').withMessage(MESSAGES.status);
      if (force) {
        for (const e of ends) await deleteEntriesWithNextHop(ctx.tx, e.id);
      } else {
        for (const e of ends) {
          if ((await countEntriesWithNextHop(ctx.tx, e.id)) > 0) {
            throw ctx.error('DependencyViolation.RouterInterfaceReferedByRouteEntry').withMessage(MESSAGES.referred);
          }
        }
      }
      const plan = ctx.plan(RI_TRANSITIONS.delete);
      const ris = ctx.tx.repo(ROUTER_INTERFACES);
      await ris.update(deleting(ctx, ri, plan.dueAt, plan.revert === 'self'));
      if (peer) await ris.update(deleting(ctx, peer, plan.dueAt, plan.revert === 'peer'));
      return {};
    }),
});
