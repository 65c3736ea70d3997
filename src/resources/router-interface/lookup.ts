// Finding interfaces as a caller may see them: only the caller's own, in the named region.
// Another account's interface is "not found", exactly like one that does not exist.
import type { ActionContext } from '../../actions/registry-types.js';
import type { Account } from '../accounts/model.js';
import type { RouterInterface } from './model.js';
import { owned } from '../shared/owned.js';
import type { TransitionKind } from '../../core/transition-policy.js';
import { allowed, begin, type TransitionName } from './states.js';

export function ownInterface(ctx: ActionContext, regionId: string, id: string): RouterInterface {
  return owned(ctx, ctx.services.repos.routerInterfaces, id, regionId, 'InvalidRouterInterfaceId.NotFound');
}

/** The interface at the other end, when it exists and names this one back (no peeking across accounts otherwise). */
export function linkedPeer(ctx: ActionContext, ri: RouterInterface): RouterInterface | undefined {
  if (!ri.oppositeInterfaceId) return undefined;
  const peer = ctx.services.repos.routerInterfaces.get(ri.oppositeInterfaceId);
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
export function startTransition(
  ctx: ActionContext,
  kind: TransitionKind,
  ri: RouterInterface,
  t: TransitionName,
  peer?: RouterInterface,
  peerT: TransitionName = t,
): void {
  const plan = ctx.plan(kind);
  const ris = ctx.services.repos.routerInterfaces;
  ris.update(begin(ri, t, ctx.now, plan.dueAt, plan.revert === 'self'));
  if (peer && allowed(peer, peerT)) ris.update(begin(peer, peerT, ctx.now, plan.dueAt, plan.revert === 'peer'));
}
