// The invariants of the stored state, checked on an exported snapshot (GET /_localvpc/snapshots/export):
// at most one link per router pair, at most 5 interfaces per router, both ends of each link in
// matching states, every reference resolved, only statuses of the state machine.
import { MATCHING } from '../../src/resources/router-interface/states.js';
import { STATUSES as RI_STATUSES } from '../../src/resources/router-interface/model.js';

type Row = Record<string, string | number>;

/** The statuses of the state machine (`Deleted` is never stored: the row is gone). */
const STATUSES = new Set<string>(RI_STATUSES.filter((x) => x !== 'Deleted'));
/** The matching pairs of the state machine, plus one end being deleted while the other is at rest. */
const ALLOWED_PAIRS: readonly (readonly [string, string])[] = [...MATCHING, ['Inactive', 'Deleting'], ['Idle', 'Deleting']];
const LINKED = new Set(['Connecting', 'AcceptingConnecting', 'Activating', 'Active', 'Deactivating', 'Inactive']);

export function checkInvariants(tables: Record<string, Row[]>): string[] {
  const problems: string[] = [];
  const ris = tables.router_interfaces ?? [];
  const routers = new Map((tables.routers ?? []).map((r) => [r.id, r]));
  const vpcs = new Map((tables.vpcs ?? []).map((v) => [v.id, v]));
  const byId = new Map(ris.map((r) => [r.id, r]));
  const perRouter = new Map<string | number, number>();
  for (const ri of ris) {
    perRouter.set(ri.routerId as string, (perRouter.get(ri.routerId as string) ?? 0) + 1);
    if (!STATUSES.has(ri.status as string)) problems.push(`${ri.id}: status ${ri.status} is not in the state machine`);
    if (!routers.has(ri.routerId)) problems.push(`${ri.id}: router ${ri.routerId} does not exist`);
    if (
      (ri.dueAt as number) === 0 &&
      ['Connecting', 'AcceptingConnecting', 'Activating', 'Deactivating', 'Deleting'].includes(ri.status as string)
    )
      problems.push(`${ri.id}: transitional ${ri.status} without a due time`);
  }
  for (const [router, n] of perRouter) if (n > 5) problems.push(`router ${router} has ${n} interfaces`);
  for (const v of vpcs.values()) {
    if (!routers.has(v.vRouterId)) problems.push(`${v.id}: vRouter ${v.vRouterId} missing`);
    if (!(tables.route_tables ?? []).some((t) => t.id === v.routeTableId)) problems.push(`${v.id}: route table ${v.routeTableId} missing`);
  }
  const links = new Map<string, number>();
  for (const ri of ris) {
    if (!LINKED.has(ri.status as string)) continue;
    const peer = byId.get(ri.oppositeInterfaceId);
    if (!peer || peer.oppositeInterfaceId !== ri.id) {
      if (!ri.oppositeDeleted) problems.push(`${ri.id}: ${ri.status} but its peer ${ri.oppositeInterfaceId} does not name it back`);
      continue;
    }
    const pair = [ri.status, peer.status] as const;
    if (!ALLOWED_PAIRS.some(([a, b]) => (a === pair[0] && b === pair[1]) || (a === pair[1] && b === pair[0])))
      problems.push(`${ri.id}/${peer.id}: mismatched states ${pair[0]}/${pair[1]}`);
    if (ri.role === 'InitiatingSide') {
      const key = [ri.routerId, peer.routerId].sort().join('|');
      links.set(key, (links.get(key) ?? 0) + 1);
    }
  }
  for (const [key, n] of links) if (n > 1) problems.push(`routers ${key} have ${n} links`);
  return problems;
}
