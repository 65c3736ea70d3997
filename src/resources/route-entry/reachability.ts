// Reachability: from a VPC (or a vSwitch) to an IPv4 address, hop by hop, each hop passed or
// failed with its reason: the route table's longest-prefix match, the router interface of that next
// hop and its status, the peer end and its status, then the same at the far router until the
// address is delivered (a `local` system entry), and the return route from there back to the source.
// Known gaps: no security groups, network ACLs or gateway route tables; an ECMP entry follows its
// first hop that is Active (else its first); next hops other than router interfaces (instances, NAT
// gateways, ...) end the walk as "not modeled"; past a VBR without a matching route the address is
// taken to be on premises, where LocalVPC does not look. Not confirmed against Alibaba: which table
// an inbound packet at a vRouter uses (taken to be the vRouter's system table).
import type { Tx } from '../../store/port.js';
import { cidrHasAddress, cidrBits } from '../shared/cidr.js';
import { ipv4ToInt, parseCidr } from '../shared/validation.js';
import { getRouteTable, getRouter, getVpc } from '../vpc/queries.js';
import { vpcCidrs, type RouteTable, type Router } from '../vpc/model.js';
import { getVSwitch } from '../vswitch/queries.js';
import { getInterface } from '../router-interface/queries.js';
import type { RouterInterface } from '../router-interface/model.js';
import { entriesOfTable, type EntryView } from './entries.js';

export interface ReachHop {
  step: number;
  leg: 'forward' | 'return';
  kind: 'source' | 'route' | 'interface' | 'peer' | 'deliver';
  result: 'passed' | 'failed' | 'not modeled';
  resourceId: string;
  /** What was looked at and what was found, for a person. */
  detail: string;
}

export interface Reachability {
  source: { id: string; vpcId: string; regionId: string; accountId: string; cidrBlock: string; routeTableId: string };
  destination: string;
  reachable: boolean;
  /** One sentence: the verdict and, when it fails, the first failed hop. */
  summary: string;
  hops: ReachHop[];
}

export type ReachInput = { source: string; destination: string };

/** Why the question cannot be asked (an unknown source); the caller answers it as a client error. */
export class ReachError extends Error {
  constructor(
    readonly kind: 'not-found' | 'invalid',
    message: string,
  ) {
    super(message);
  }
}

const MAX_ROUTERS = 8;

function longestMatch(entries: EntryView[], address: number): EntryView | undefined {
  let best: EntryView | undefined;
  for (const e of entries)
    if (
      cidrHasAddress(e.destinationCidrBlock, address) &&
      (!best || cidrBits(e.destinationCidrBlock) > cidrBits(best.destinationCidrBlock))
    )
      best = e;
  return best;
}

const hopsText = (e: EntryView) => e.hops.map((h) => `${h.nextHopType}${h.nextHopId ? ` ${h.nextHopId}` : ''}`).join(', ');

interface Walk {
  /** passed: delivered; failed: stopped; open: left what LocalVPC models. */
  end: 'delivered' | 'failed' | 'open';
  router: Router;
  crossed: number;
}

/** Walks from `router` (looking up `table`) towards `address`, adding hops; stops at delivery or the first failure. */
async function walk(
  tx: Tx,
  start: Router,
  table: RouteTable,
  address: number,
  text: string,
  leg: ReachHop['leg'],
  hops: ReachHop[],
): Promise<Walk> {
  const add = (h: Omit<ReachHop, 'step' | 'leg'>) => hops.push({ step: hops.length + 1, leg, ...h });
  let router = start;
  let current: RouteTable | undefined = table;
  let crossed = 0;
  const seen = new Set<string>();
  for (;;) {
    if (!current) {
      add({ kind: 'route', result: 'failed', resourceId: router.id, detail: `${router.id} has no route table` });
      return { end: 'failed', router, crossed };
    }
    if (seen.has(router.id) || seen.size >= MAX_ROUTERS) {
      add({ kind: 'route', result: 'failed', resourceId: current.id, detail: `routing loop: ${text} comes back to ${router.id}` });
      return { end: 'failed', router, crossed };
    }
    seen.add(router.id);
    const match = longestMatch(await entriesOfTable(tx, current), address);
    if (!match) {
      if (router.kind === 'VBR' && crossed > 0) {
        add({
          kind: 'deliver',
          result: 'not modeled',
          resourceId: router.id,
          detail: `no route for ${text} in ${current.id}: it leaves through ${router.id} to the on-premises side, which LocalVPC does not model`,
        });
        return { end: 'open', router, crossed };
      }
      add({ kind: 'route', result: 'failed', resourceId: current.id, detail: `no route in ${current.id} (${router.id}) matches ${text}` });
      return { end: 'failed', router, crossed };
    }
    const available = match.status === 'Available';
    add({
      kind: 'route',
      result: available ? 'passed' : 'failed',
      resourceId: match.id,
      detail: `${current.id}: longest match for ${text} is ${match.destinationCidrBlock} (${match.type}) -> ${hopsText(match)}${available ? '' : `, but the entry is ${match.status}`}`,
    });
    if (!available) return { end: 'failed', router, crossed };
    const local = match.hops.find((h) => h.nextHopType === 'local' || h.nextHopType === 'service');
    if (local) {
      add({
        kind: 'deliver',
        result: 'passed',
        resourceId: router.vpcId || router.id,
        detail:
          local.nextHopType === 'local'
            ? `${text} is delivered in ${router.vpcId} (${match.destinationCidrBlock})`
            : `${text} goes to the cloud services of ${router.vpcId}`,
      });
      return { end: 'delivered', router, crossed };
    }
    const riHops = match.hops.filter((h) => h.nextHopType === 'RouterInterface');
    if (riHops.length === 0) {
      add({
        kind: 'deliver',
        result: 'not modeled',
        resourceId: match.id,
        detail: `next hop ${hopsText(match)}: LocalVPC does not model what lies beyond it`,
      });
      return { end: 'open', router, crossed };
    }
    const candidates: RouterInterface[] = [];
    for (const h of riHops) {
      const ri = await getInterface(tx, h.nextHopId);
      if (ri) candidates.push(ri);
    }
    const ri = candidates.find((x) => x.status === 'Active') ?? candidates[0];
    if (!ri) {
      add({
        kind: 'interface',
        result: 'failed',
        resourceId: riHops[0]?.nextHopId ?? '',
        detail: `the next hop router interface ${riHops[0]?.nextHopId ?? ''} does not exist`,
      });
      return { end: 'failed', router, crossed };
    }
    const riOk = ri.status === 'Active';
    add({
      kind: 'interface',
      result: riOk ? 'passed' : 'failed',
      resourceId: ri.id,
      detail: `${ri.id} on ${ri.routerId} is ${ri.status}${riOk ? '' : ': traffic passes only an Active interface'}`,
    });
    if (!riOk) return { end: 'failed', router, crossed };
    const peer = ri.oppositeInterfaceId ? await getInterface(tx, ri.oppositeInterfaceId) : undefined;
    const peerOk = peer !== undefined && peer.oppositeInterfaceId === ri.id && peer.status === 'Active';
    add({
      kind: 'peer',
      result: peerOk ? 'passed' : 'failed',
      resourceId: peer?.id ?? ri.oppositeInterfaceId,
      detail: !peer
        ? `the peer end ${ri.oppositeInterfaceId || '(not set)'} of ${ri.id} does not exist`
        : peer.oppositeInterfaceId !== ri.id
          ? `the peer end ${peer.id} does not name ${ri.id} back (it names "${peer.oppositeInterfaceId}")`
          : `the peer end ${peer.id} on ${peer.routerId} (${peer.regionId}, ${peer.accountId}) is ${peer.status}`,
    });
    if (!peer || !peerOk) return { end: 'failed', router, crossed };
    const next = await getRouter(tx, peer.routerId);
    if (!next) {
      add({ kind: 'peer', result: 'failed', resourceId: peer.routerId, detail: `the peer's router ${peer.routerId} does not exist` });
      return { end: 'failed', router, crossed };
    }
    crossed++;
    router = next;
    current = await getRouteTable(tx, next.routeTableId);
  }
}

/** The path from `source` (vpc-… or vsw-…) to `destination` (an IPv4 address) and back. */
export async function reach(tx: Tx, input: ReachInput): Promise<Reachability> {
  const address = ipv4ToInt(input.destination);
  if (address === undefined) throw new ReachError('invalid', `"${input.destination}" is not an IPv4 address`);
  const vsw = input.source.startsWith('vsw-') ? await getVSwitch(tx, input.source) : undefined;
  const vpc = await getVpc(tx, vsw ? vsw.vpcId : input.source);
  if (!vpc || (input.source.startsWith('vsw-') && !vsw)) throw new ReachError('not-found', `no VPC or vSwitch ${input.source}`);
  const router = await getRouter(tx, vpc.vRouterId);
  const tableId = vsw?.routeTableId || vpc.routeTableId;
  const table = await getRouteTable(tx, tableId);
  const block = vsw?.cidrBlock ?? vpc.cidrBlock;
  const hops: ReachHop[] = [
    {
      step: 1,
      leg: 'forward',
      kind: 'source',
      result: 'passed',
      resourceId: input.source,
      detail: `from ${input.source} (${block}, ${vpc.regionId}, ${vpc.accountId}) through route table ${tableId}`,
    },
  ];
  const source = {
    id: input.source,
    vpcId: vpc.id,
    regionId: vpc.regionId,
    accountId: vpc.accountId,
    cidrBlock: block,
    routeTableId: tableId,
  };
  const done = (reachable: boolean, summary: string): Reachability => ({
    source,
    destination: input.destination,
    reachable,
    summary,
    hops,
  });
  if (!router || !table) return done(false, `${vpc.id} has no router or route table`);
  const forward = await walk(tx, router, table, address, input.destination, 'forward', hops);
  const firstFailed = () => hops.find((h) => h.result === 'failed');
  if (forward.end === 'failed')
    return done(false, `${input.destination} is not reachable from ${input.source}: ${firstFailed()?.detail ?? ''}`);
  if (forward.crossed === 0)
    return done(
      forward.end === 'delivered',
      forward.end === 'delivered' ? `${input.destination} is inside ${vpc.id}: no link is crossed` : `the path leaves what LocalVPC models`,
    );
  // The way back: from the far router to the source's block, which must arrive in the source VPC.
  const back = parseCidr(block);
  const backTable = await getRouteTable(tx, forward.router.routeTableId);
  if (!back || !backTable) return done(false, `no return route: ${forward.router.id} has no route table`);
  const ret = await walk(tx, forward.router, backTable, back.base, block, 'return', hops);
  const home = ret.end === 'delivered' && ret.router.id === router.id;
  if (ret.end === 'delivered' && !home)
    hops.push({
      step: hops.length + 1,
      leg: 'return',
      kind: 'deliver',
      result: 'failed',
      resourceId: ret.router.id,
      detail: `the return path ends in ${ret.router.vpcId || ret.router.id}, not in ${vpc.id}`,
    });
  if (!home)
    return done(
      false,
      `${input.destination} is reached, but the way back fails: ${firstFailed()?.detail ?? 'it does not arrive in the source VPC'}`,
    );
  const open = forward.end === 'open';
  return done(
    true,
    open
      ? `${input.destination} is reachable as far as LocalVPC models it, and the return route leads back`
      : `${input.destination} is reachable from ${input.source}, and the return route leads back to ${vpcCidrs(vpc).join(', ')}`,
  );
}
