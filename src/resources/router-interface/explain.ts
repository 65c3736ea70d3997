// "Why is this interface not Active?": what ConnectRouterInterface, ActivateRouterInterface,
// DeactivateRouterInterface and DeleteRouterInterface would answer right now, check by check. Each
// runs the action's own check list (CONNECT_CHECKS, ...) as the interface's owner, in a dry run the
// caller provides (Engine.dryRun: a unit of work that is always rolled back), so the explanation is
// the actions' rules, not a copy of them.
// Known gaps: injected fault rules are not consulted (they would answer before the checks), and a
// ClientToken replay (DeleteRouterInterface) is not considered.
import type { HandlerContext } from '../../engine/action.js';
import { explainChecks, type CheckOutcome, type Explained } from '../../engine/checks.js';
import type { Tx } from '../../store/port.js';
import type { Account } from '../accounts/model.js';
import { getAccount } from '../accounts/service.js';
import { isRegion } from '../regions/data.js';
import { ACTIVATE_CHECKS, DEACTIVATE_CHECKS } from './activate.js';
import { CONNECT_CHECKS } from './connect.js';
import { DELETE_CHECKS } from './delete.js';
import type { RouterInterface } from './model.js';
import { ROUTER_INTERFACES } from './storage.js';
import { HELD } from '../../engine/transition-policy.js';

/** Runs `fn` with the context `action`'s handler would get if `caller` called it now, changing nothing. */
export type DryRun = <T>(action: string, caller: Account, fn: (ctx: HandlerContext) => Promise<T>) => Promise<T>;

export interface ActionExplained extends Explained {
  action: 'ConnectRouterInterface' | 'ActivateRouterInterface' | 'DeactivateRouterInterface' | 'DeleteRouterInterface';
  /** The interface the call names and the account that would make it (its owner). */
  routerInterfaceId: string;
  caller: string;
}

export interface InterfaceExplained {
  routerInterfaceId: string;
  status: string;
  role: string;
  accountId: string;
  regionId: string;
  /** A transitional state: where it goes, and when (or that it is held). */
  pending?: { to: string; /** An ISO time, or `held`. */ dueAt: string };
  /** The other end as stored (named by this end, or naming this end). */
  peer?: { routerInterfaceId: string; status: string; role: string; accountId: string; regionId: string; namesThisEnd: boolean };
  /** One sentence: why the interface is in its status and what would move it. */
  summary: string;
  actions: ActionExplained[];
}

const brief = (ri: RouterInterface, self: string) => ({
  routerInterfaceId: ri.id,
  status: ri.status,
  role: ri.role,
  accountId: ri.accountId,
  regionId: ri.regionId,
  namesThisEnd: ri.oppositeInterfaceId === self,
});

/** The ends related to this one: the one it names, and every one that names it (those first). */
async function relatedEnds(tx: Tx, ri: RouterInterface): Promise<RouterInterface[]> {
  const ris = tx.repo(ROUTER_INTERFACES);
  const out = new Map<string, RouterInterface>();
  for (const x of await ris.find({ oppositeInterfaceId: ri.id })) if (x.id !== ri.id) out.set(x.id, x);
  if (ri.oppositeInterfaceId && !out.has(ri.oppositeInterfaceId)) {
    const named = await ris.get(ri.oppositeInterfaceId);
    if (named) out.set(named.id, named);
  }
  return [...out.values()];
}

/** Step 1 of every documented order is the engine's: RegionId names a region. */
function regionStep(regionId: string): CheckOutcome {
  const ok = isRegion(regionId);
  return {
    step: 1,
    label: 'RegionId is a known region (checked by the engine before the action)',
    result: ok ? 'passed' : 'failed',
    codes: ['InvalidRegionId.NotFound'],
    ...(ok
      ? {}
      : { error: { code: 'InvalidRegionId.NotFound', status: 404, message: 'The specified RegionId does not exist in our records.' } }),
  };
}

async function explainAction(
  dryRun: DryRun,
  action: ActionExplained['action'],
  ri: RouterInterface,
  caller: Account,
): Promise<ActionExplained> {
  const state = { regionId: ri.regionId, id: ri.id };
  const ran = await dryRun(action, caller, (ctx) => {
    switch (action) {
      case 'ConnectRouterInterface':
        return explainChecks(CONNECT_CHECKS, state, ctx, 2);
      case 'ActivateRouterInterface':
        return explainChecks(ACTIVATE_CHECKS, state, ctx, 2);
      case 'DeactivateRouterInterface':
        return explainChecks(DEACTIVATE_CHECKS, state, ctx, 2);
      case 'DeleteRouterInterface':
        return explainChecks(DELETE_CHECKS, state, ctx, 2);
    }
  });
  const region = regionStep(ri.regionId);
  const answer = region.error ? { ok: false as const, ...region.error } : ran.answer;
  return { action, routerInterfaceId: ri.id, caller: caller.id, answer, checks: [region, ...ran.checks] };
}

function answerText(a: ActionExplained): string {
  return a.answer.ok
    ? `${a.action} on ${a.routerInterfaceId} would succeed`
    : `${a.action} would fail with ${a.answer.code}: ${a.answer.message.replace(/\.$/, '')}`;
}

function summarize(ri: RouterInterface, peer: RouterInterface | undefined, actions: ActionExplained[]): string {
  const of = (name: ActionExplained['action']) => actions.find((a) => a.action === name);
  if (ri.pendingStatus)
    return `${ri.id} is ${ri.status}, on its way to ${ri.pendingStatus}${ri.dueAt >= HELD ? ' (held: release or step the transition)' : ''}.`;
  switch (ri.status) {
    case 'Active':
      return `${ri.id} is Active${peer ? `, linked to ${peer.id} (${peer.status})` : ''}.`;
    case 'Idle': {
      // the connect that matters is the initiating end's
      const connect = actions.filter((a) => a.action === 'ConnectRouterInterface');
      const initiator = connect.find((a) => a.routerInterfaceId !== ri.id) ?? connect[0];
      if (ri.role === 'AcceptingSide' && !connect.some((a) => a.routerInterfaceId !== ri.id))
        return `${ri.id} is Idle: it is the accepting side, and no initiating interface names it yet (its connect is called on the initiating end).`;
      return `${ri.id} is Idle, not linked yet: ${initiator ? answerText(initiator) : 'no connect to explain'}.`;
    }
    case 'Inactive': {
      const a = of('ActivateRouterInterface');
      return `${ri.id} is Inactive (deactivated): ${a ? answerText(a) : ''}.`;
    }
    default:
      return `${ri.id} is ${ri.status}.`;
  }
}

/** The explanation of one interface, or undefined when there is no such interface. */
export async function explainInterface(
  id: string,
  read: <T>(fn: (tx: Tx) => Promise<T>) => Promise<T>,
  dryRun: DryRun,
): Promise<InterfaceExplained | undefined> {
  const found = await read(async (tx) => {
    const ri = await tx.repo(ROUTER_INTERFACES).get(id);
    if (!ri) return undefined;
    const ends = await relatedEnds(tx, ri);
    const owners = new Map<string, Account | undefined>();
    for (const a of [ri.accountId, ...ends.map((e) => e.accountId)]) if (!owners.has(a)) owners.set(a, await getAccount(tx, a));
    return { ri, ends, owners };
  });
  if (!found) return undefined;
  const { ri, ends, owners } = found;
  const owner = owners.get(ri.accountId);
  const peer = ends.find((x) => x.id === ri.oppositeInterfaceId && x.oppositeInterfaceId === ri.id) ?? ends[0];
  const actions: ActionExplained[] = [];
  if (owner) {
    actions.push(await explainAction(dryRun, 'ConnectRouterInterface', ri, owner));
    // For an accepting end, the connect that would link it is called on an initiating end: each
    // one that names it (at most 4), else the one it names.
    if (ri.role === 'AcceptingSide')
      for (const ini of ends.filter((x) => x.role === 'InitiatingSide').slice(0, 4)) {
        const o = owners.get(ini.accountId);
        if (o) actions.push(await explainAction(dryRun, 'ConnectRouterInterface', ini, o));
      }
    for (const action of ['ActivateRouterInterface', 'DeactivateRouterInterface', 'DeleteRouterInterface'] as const)
      actions.push(await explainAction(dryRun, action, ri, owner));
  }
  return {
    routerInterfaceId: ri.id,
    status: ri.status,
    role: ri.role,
    accountId: ri.accountId,
    regionId: ri.regionId,
    ...(ri.pendingStatus
      ? { pending: { to: ri.pendingStatus, dueAt: ri.dueAt >= HELD ? ('held' as const) : new Date(ri.dueAt).toISOString() } }
      : {}),
    ...(peer ? { peer: brief(peer, ri.id) } : {}),
    summary: owner ? summarize(ri, peer, actions) : `${ri.id}'s owner account ${ri.accountId} no longer exists.`,
    actions,
  };
}
