// A seed file (JSON or YAML) applied at start, so a team shares one baseline: accounts, VPCs,
// physical connections, VBRs, router interfaces and connections, created through the engine's one
// invoke (same validation, same errors, journaled as `seed`). Applied only to a store that has no
// VPC, VBR or router interface yet, so restarting on the same database does not apply it twice.
//
//   accounts:            [{ aliUid, site, billsOutstanding, financialLocked, accessKeys: [{ accessKeyId, accessKeySecret }] }]
//   vpcs:                [{ ref, account?, RegionId, CidrBlock?, VpcName? ... }]          (CreateVpc parameters)
//   physicalConnections: [{ ref, account?, RegionId, AccessPointId, LineOperator }]        (CreatePhysicalConnection)
//   vbrs:                [{ ref, account?, RegionId, PhysicalConnectionId: "@pc", VlanId }] (CreateVirtualBorderRouter)
//   routerInterfaces:    [{ ref, account?, RegionId, Role, RouterType, RouterId: "@vpc", Spec, OppositeRegionId ... }]
//   connections:         [{ initiator: "@ri1", acceptor: "@ri2" }]
// "@ref" stands for the id the referenced entry got (a VPC's vRouter id where a RouterId is wanted).
import { readFile } from 'node:fs/promises';
import { ApiError } from '../errors/api-error.js';
import { flattenParams } from '../protocol/params.js';
import type { IdGenerator } from '../core/ids.js';
import type { Store } from '../store/port.js';
import type { Engine } from '../engine/invoke.js';
import type { TransitionEngine } from '../engine/transitions.js';
import type { Clock } from '../runtime/clock.js';
import { ensureAccount, getAccount } from '../resources/accounts/service.js';
import { VPCS } from '../resources/vpc/storage.js';
import { VBRS } from '../resources/express-connect/storage.js';
import { ROUTER_INTERFACES } from '../resources/router-interface/storage.js';

export class SeedError extends Error {}

export interface SeedDeps {
  engine: Engine;
  store: Store;
  ids: IdGenerator;
  clock: Clock;
  transitions: TransitionEngine;
}

type Entry = Record<string, unknown>;

function list(doc: Entry, section: string): Entry[] {
  const v = doc[section];
  if (v === undefined) return [];
  if (!Array.isArray(v)) throw new SeedError(`${section}: expected a list`);
  return v.map((e: unknown, i) => {
    if (typeof e !== 'object' || e === null || Array.isArray(e)) throw new SeedError(`${section}[${i}]: expected a mapping`);
    return Object.fromEntries(Object.entries(e));
  });
}

const text = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

export async function applySeedFile(file: string, deps: SeedDeps, defaultAccount: string): Promise<{ created: number } | undefined> {
  const { engine, store, ids, clock, transitions } = deps;
  let doc: Entry;
  try {
    const raw = await readFile(file, 'utf8');
    const parsed: unknown = /\.ya?ml$/i.test(file) ? (await import('yaml')).parse(raw) : JSON.parse(raw);
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error('expected a mapping at the top');
    doc = Object.fromEntries(Object.entries(parsed));
  } catch (e) {
    throw new SeedError(`seed file ${file}: ${e instanceof Error ? e.message : String(e)}`);
  }
  await store.run('write', async (tx) => {
    // Shapes are checked by ensureAccount's use of each field; the admin API documents them.
    for (const a of list(doc, 'accounts')) await ensureAccount(tx, ids, a, clock.now());
  });
  const existing = await store.run('read', async (tx) => {
    return (await tx.repo(VPCS).count({})) + (await tx.repo(VBRS).count({})) + (await tx.repo(ROUTER_INTERFACES).count({}));
  });
  if (existing > 0) return undefined;
  const refs = new Map<string, Record<string, unknown>>();
  const resolve = (v: unknown, key: string): unknown => {
    if (typeof v !== 'string' || !v.startsWith('@')) return v;
    const r = refs.get(v.slice(1));
    if (!r) throw new SeedError(`unknown reference ${v}`);
    if (key === 'RouterId' && typeof r.VRouterId === 'string') return r.VRouterId;
    return r.RouterInterfaceId ?? r.VbrId ?? r.PhysicalConnectionId ?? r.VpcId;
  };
  let created = 0;
  const call = async (action: string, entry: Entry, where: string): Promise<Record<string, unknown>> => {
    const uid = text(entry.account) ?? defaultAccount;
    const caller = await store.run('read', (tx) => getAccount(tx, uid));
    if (!caller) throw new SeedError(`${where}: no account ${uid}`);
    const given: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(entry)) if (k !== 'ref' && k !== 'account') given[k] = resolve(v, k);
    const params = flattenParams(given);
    try {
      const result = await engine.invoke({ product: 'Vpc', action, params, caller, requestId: ids.requestId(), source: 'seed' });
      const out: Record<string, unknown> = Object.fromEntries(Object.entries(result));
      created++;
      const ref = text(entry.ref);
      if (ref)
        refs.set(ref, {
          ...out,
          ...(action === 'CreateRouterInterface'
            ? { RegionId: entry.RegionId, RouterId: resolve(entry.RouterId, 'RouterId'), account: uid }
            : {}),
        });
      return out;
    } catch (e) {
      if (e instanceof ApiError) throw new SeedError(`${where}: ${action} failed: ${e.code}: ${e.message}`);
      throw e;
    }
  };
  const sections: [string, string][] = [
    ['vpcs', 'CreateVpc'],
    ['physicalConnections', 'CreatePhysicalConnection'],
    ['vbrs', 'CreateVirtualBorderRouter'],
    ['routerInterfaces', 'CreateRouterInterface'],
  ];
  for (const [section, action] of sections) {
    for (const [i, entry] of list(doc, section).entries()) {
      const result = await call(action, entry, `${section}[${i}]`);
      // a seeded physical connection is Enabled at once, so VBRs can be built on it
      const pc = text(result.PhysicalConnectionId);
      if (section === 'physicalConnections' && pc) await transitions.step(pc);
    }
  }
  for (const [i, c] of list(doc, 'connections').entries()) {
    const ini = refs.get(String(c.initiator).replace(/^@/, ''));
    const acc = refs.get(String(c.acceptor).replace(/^@/, ''));
    if (!ini || !acc) throw new SeedError(`connections[${i}]: unknown interface reference`);
    const point = (self: Record<string, unknown>, other: Record<string, unknown>, otherType: string) =>
      call(
        'ModifyRouterInterfaceAttribute',
        {
          account: self.account,
          RegionId: self.RegionId,
          RouterInterfaceId: self.RouterInterfaceId,
          OppositeInterfaceId: other.RouterInterfaceId,
          OppositeRouterId: other.RouterId,
          OppositeRouterType: otherType,
          OppositeInterfaceOwnerId: other.account,
        },
        `connections[${i}]`,
      );
    const typeOf = (r: Record<string, unknown>) => (String(r.RouterId).startsWith('vbr-') ? 'VBR' : 'VRouter');
    await point(ini, acc, typeOf(acc));
    await point(acc, ini, typeOf(ini));
    await call(
      'ConnectRouterInterface',
      { account: ini.account, RegionId: ini.RegionId, RouterInterfaceId: ini.RouterInterfaceId },
      `connections[${i}]`,
    );
  }
  return { created };
}
