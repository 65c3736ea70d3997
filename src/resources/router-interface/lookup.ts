// Finding interfaces as a caller may see them: only the caller's own, in the named region.
// Another account's interface is "not found", exactly like one that does not exist.
import type { HandlerContext, TransitionKind } from '../../engine/action.js';
import type { Account } from '../accounts/model.js';
import type { RouterInterface } from './model.js';
import { owned } from '../shared/owned.js';
import { allowed, begin, type TransitionName } from './states.js';
import { ROUTER_INTERFACES } from './storage.js';

export function ownInterface(ctx: HandlerContext, regionId: string, id: string): Promise<RouterInterface> {
  return owned(ctx, ROUTER_INTERFACES, id, regionId, 'InvalidRouterInterfaceId.NotFound');
}

/** The interface at the other end, when it exists and names this one back (no peeking across accounts otherwise). */
export async function linkedPeer(ctx: HandlerContext, ri: RouterInterface): Promise<RouterInterface | undefined> {
  if (!ri.oppositeInterfaceId) return undefined;
  const peer = await ctx.tx.repo(ROUTER_INTERFACES).get(ri.oppositeInterfaceId);
  if (!peer || peer.oppositeInterfaceId !== ri.id) return undefined;
  return peer;
}

export function businessStatus(account: Account | undefined): string {
  return account?.financialLocked ? 'FinancialLocked' : 'Normal';
}

/**
 * Starts transition `t` on `ri` and, when given and allowed, `peerT` on its peer, both due at the
 * same time (an injected fault may revert one end).
 */
export async function startTransition(
  ctx: HandlerContext,
  kind: TransitionKind,
  ri: RouterInterface,
  t: TransitionName,
  peer?: RouterInterface,
  peerT: TransitionName = t,
): Promise<void> {
  const plan = ctx.plan(kind);
  const ris = ctx.tx.repo(ROUTER_INTERFACES);
  await ris.update(begin(ri, t, ctx.now, plan.dueAt, plan.revert === 'self'));
  if (peer && allowed(peer, peerT)) await ris.update(begin(peer, peerT, ctx.now, plan.dueAt, plan.revert === 'peer'));
}
