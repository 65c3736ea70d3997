// Finding interfaces as a caller may see them: only the caller's own, in the named region.
// Another account's interface is "not found", exactly like one that does not exist.
import type { ActionContext } from '../../actions/registry-types.js';
import type { Account } from '../accounts/model.js';
import type { RouterInterface } from './model.js';

export function ownInterface(ctx: ActionContext, regionId: string, id: string): RouterInterface {
  const ri = ctx.services.repos.routerInterfaces.get(id);
  if (!ri || ri.accountId !== ctx.account.id || ri.regionId !== regionId) throw ctx.error('InvalidRouterInterfaceId.NotFound');
  return ri;
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

/** Saves `ri` and, when the two ends are linked, the same transition on the peer. */
export function savePair(ctx: ActionContext, ri: RouterInterface, peer?: RouterInterface): void {
  ctx.services.repos.routerInterfaces.update(ri);
  if (peer) ctx.services.repos.routerInterfaces.update(peer);
}
