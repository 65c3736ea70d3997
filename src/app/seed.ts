// A seed file (JSON or YAML) applied at start, so a team shares one baseline: accounts, VPCs,
// physical connections, VBRs, router interfaces and connections, created through the engine's one
// invoke (same validation, region included, same errors, journaled as `seed`).
//
//   accounts:            [{ aliUid, name, site, billsOutstanding, financialLocked, accessKeys: [{ accessKeyId, accessKeySecret, active }] }]
//   vpcs:                [{ ref, account?, RegionId, CidrBlock?, VpcName? ... }]          (CreateVpc parameters)
//   physicalConnections: [{ ref, account?, RegionId, AccessPointId, LineOperator }]        (CreatePhysicalConnection)
//   vbrs:                [{ ref, account?, RegionId, PhysicalConnectionId: "@pc", VlanId }] (CreateVirtualBorderRouter)
//   routerInterfaces:    [{ ref, account?, RegionId, Role, RouterType, RouterId: "@vpc", Spec, OppositeRegionId ... }]
//   connections:         [{ initiator: "@ri1", acceptor: "@ri2" }]
// "@ref" stands for the id the referenced entry got (a VPC's vRouter id where a RouterId is wanted).
//
// The whole seed is one write unit: it applies entirely or not at all. It is applied only to a
// store that holds no resource yet; its SHA-256 is recorded, so a later start with the same file
// says it was applied and one with another file says why it was not. Every key is checked: an
// unknown section or parameter is refused with the closest known name.
// Known gap: the calls of a seed that failed are still in the journal (as failed or succeeded
// calls), though nothing they did was kept.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { ApiError } from '../errors/api-error.js';
import { flattenParams } from '../protocol/params.js';
import { didYouMean } from '../core/suggest.js';
import type { IdGenerator } from '../core/ids.js';
import type { Store, Tx } from '../store/port.js';
import type { Engine } from '../engine/invoke.js';
import type { TransitionEngine } from '../engine/transitions.js';
import type { Clock } from '../runtime/clock.js';
import { checkAccountSeeds, ensureAccount, getAccount } from '../resources/accounts/service.js';
import { readMeta, writeMeta } from './meta.js';

export class SeedError extends Error {}

export interface SeedDeps {
  engine: Engine;
  store: Store;
  ids: IdGenerator;
  clock: Clock;
  transitions: TransitionEngine;
}

/** What a start did with the seed file. */
export interface SeedOutcome {
  file: string;
  sha256: string;
  applied: boolean;
  /** Why it was not applied. */
  reason?: string;
  /** Entries created, by section. */
  created: Record<string, number>;
  /** Each `ref` and the id it got. */
  refs: Record<string, string>;
}

type Entry = Record<string, unknown>;

/** Sections that create resources: the action each entry is a call of. */
const ACTIONS = {
  vpcs: 'CreateVpc',
  physicalConnections: 'CreatePhysicalConnection',
  vbrs: 'CreateVirtualBorderRouter',
  routerInterfaces: 'CreateRouterInterface',
} as const;
const SECTIONS = ['accounts', ...Object.keys(ACTIONS), 'connections'];

const quoted = (s: string): string => `"${s}"`;

function list(doc: Entry, section: string): Entry[] {
  const v = doc[section];
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) throw new SeedError(`${section}: expected a list`);
  return v.map((e: unknown, i) => {
    if (typeof e !== 'object' || e === null || Array.isArray(e)) throw new SeedError(`${section}[${i}]: expected a mapping`);
    return Object.fromEntries(Object.entries(e));
  });
}

function checkKeys(entry: Entry, known: readonly string[], where: string): void {
  for (const k of Object.keys(entry))
    if (!known.includes(k)) throw new SeedError(`${where}: unknown key "${k}"${didYouMean(k, known, quoted)}`);
}

const text = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

async function readDoc(file: string): Promise<{ doc: Entry; sha256: string }> {
  let raw: string;
  try {
    raw = await readFile(file, 'utf8');
  } catch (e) {
    throw new SeedError(`seed file ${file}: ${e instanceof Error ? e.message : String(e)}`);
  }
  let parsed: unknown;
  try {
    parsed = /\.ya?ml$/i.test(file) ? (await import('yaml')).parse(raw) : JSON.parse(raw);
  } catch (e) {
    throw new SeedError(`seed file ${file}: ${e instanceof Error ? e.message : String(e)}`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    throw new SeedError(`seed file ${file}: expected a mapping of sections (${SECTIONS.join(', ')}) at the top`);
  const doc: Entry = Object.fromEntries(Object.entries(parsed));
  checkKeys(doc, SECTIONS, `seed file ${file}`);
  return { doc, sha256: createHash('sha256').update(raw).digest('hex') };
}

/** Resources (rows of the emulated cloud other than accounts) the store holds. */
async function resourceCount(engine: Engine, store: Store): Promise<number> {
  const tables = engine.registry.tables().filter((t) => t.resourceType && t.resourceType !== 'account');
  let n = 0;
  for (const t of tables) n += await store.count(t);
  return n;
}

export async function applySeedFile(file: string, deps: SeedDeps, defaultAccount: string): Promise<SeedOutcome> {
  const { engine, store } = deps;
  const { doc, sha256 } = await readDoc(file);
  const outcome: SeedOutcome = { file, sha256, applied: false, created: {}, refs: {} };
  const existing = await resourceCount(engine, store);
  if (existing > 0) {
    const applied = await store.run('read', (tx) => readMeta(tx, 'seedSha256'));
    outcome.reason =
      applied === sha256
        ? 'already applied to this store'
        : `store already holds ${existing} resources${applied ? ' (from another seed file)' : ''}; use \`localvpc reset\` or a fresh --data`;
    return outcome;
  }
  try {
    await store.run('write', async (tx) => {
      await applyWithin(tx, doc, deps, defaultAccount, outcome);
      await writeMeta(tx, 'seedSha256', sha256);
    });
  } catch (e) {
    if (e instanceof SeedError) throw new SeedError(`seed file ${file}: ${e.message} (nothing of the seed was applied)`);
    throw e;
  }
  await deps.transitions.refresh();
  outcome.applied = true;
  return outcome;
}

async function applyWithin(tx: Tx, doc: Entry, deps: SeedDeps, defaultAccount: string, outcome: SeedOutcome): Promise<void> {
  const { engine, ids, clock, transitions } = deps;
  const accounts = list(doc, 'accounts');
  try {
    checkAccountSeeds(accounts, 'accounts');
  } catch (e) {
    throw new SeedError(e instanceof Error ? e.message : String(e));
  }
  for (const a of accounts) await ensureAccount(tx, ids, a, clock.now());
  outcome.created.accounts = accounts.length;

  const refs = new Map<string, Record<string, unknown>>();
  const resolve = (v: unknown, key: string, where: string): unknown => {
    if (typeof v !== 'string' || !v.startsWith('@')) return v;
    const r = refs.get(v.slice(1));
    if (!r) throw new SeedError(`${where}: unknown reference ${v}${didYouMean(v.slice(1), refs.keys(), (s: string) => `@${s}`)}`);
    if (key === 'RouterId' && typeof r.VRouterId === 'string') return r.VRouterId;
    return r.RouterInterfaceId ?? r.VbrId ?? r.PhysicalConnectionId ?? r.VpcId;
  };
  const call = async (action: string, entry: Entry, where: string): Promise<Record<string, unknown>> => {
    const uid = text(entry.account) ?? defaultAccount;
    const caller = await getAccount(tx, uid);
    if (!caller) throw new SeedError(`${where}: no account ${uid}`);
    const given: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(entry)) if (k !== 'ref' && k !== 'account') given[k] = resolve(v, k, where);
    try {
      const result = await engine.invoke({
        product: 'Vpc',
        action,
        params: flattenParams(given),
        caller,
        requestId: ids.requestId(),
        source: 'seed',
        tx,
      });
      return Object.fromEntries(Object.entries(result));
    } catch (e) {
      if (e instanceof ApiError) throw new SeedError(`${where}: ${action} failed: ${e.code}: ${e.message}`);
      throw e;
    }
  };

  for (const [section, action] of Object.entries(ACTIONS)) {
    const entries = list(doc, section);
    const params = (engine.facts('Vpc', action)?.params ?? []).flatMap((p) => (p.name ? [p.name] : []));
    for (const [i, entry] of entries.entries()) {
      const where = `${section}[${i}]`;
      checkKeys(entry, ['ref', 'account', ...params], where);
      const ref = text(entry.ref);
      if (ref !== undefined && refs.has(ref)) throw new SeedError(`${where}: ref "${ref}" is used twice`);
      const result = await call(action, entry, where);
      if (ref !== undefined) {
        refs.set(ref, {
          ...result,
          ...(action === 'CreateRouterInterface'
            ? {
                RegionId: entry.RegionId,
                RouterId: resolve(entry.RouterId, 'RouterId', where),
                account: text(entry.account) ?? defaultAccount,
              }
            : {}),
        });
        const id = resolve(`@${ref}`, '', where);
        if (typeof id === 'string') outcome.refs[ref] = id;
      }
      // a seeded physical connection is Enabled at once, so VBRs can be built on it
      const pc = text(result.PhysicalConnectionId);
      if (section === 'physicalConnections' && pc) await transitions.stepWithin(tx, pc);
    }
    outcome.created[section] = entries.length;
  }

  const connections = list(doc, 'connections');
  for (const [i, c] of connections.entries()) {
    const where = `connections[${i}]`;
    checkKeys(c, ['initiator', 'acceptor'], where);
    const end = (v: unknown, role: string): Record<string, unknown> => {
      const name = String(v).replace(/^@/, '');
      const r = refs.get(name);
      if (!r || typeof r.RouterInterfaceId !== 'string')
        throw new SeedError(`${where}: ${role} "${String(v)}" is not the ref of a router interface of this seed`);
      return r;
    };
    const ini = end(c.initiator, 'initiator');
    const acc = end(c.acceptor, 'acceptor');
    const point = (self: Record<string, unknown>, other: Record<string, unknown>) =>
      call(
        'ModifyRouterInterfaceAttribute',
        {
          account: self.account,
          RegionId: self.RegionId,
          RouterInterfaceId: self.RouterInterfaceId,
          OppositeInterfaceId: other.RouterInterfaceId,
          OppositeRouterId: other.RouterId,
          OppositeRouterType: String(other.RouterId).startsWith('vbr-') ? 'VBR' : 'VRouter',
          OppositeInterfaceOwnerId: other.account,
        },
        where,
      );
    await point(ini, acc);
    await point(acc, ini);
    await call('ConnectRouterInterface', { account: ini.account, RegionId: ini.RegionId, RouterInterfaceId: ini.RouterInterfaceId }, where);
  }
  outcome.created.connections = connections.length;
}
