// A seed file (JSON or YAML) applied at start, so a team shares one baseline: accounts, VPCs,
// physical connections, VBRs, router interfaces and connections, created through the actions
// themselves (same validation, same errors). Applied only to a store that has no VPC, VBR or
// router interface yet, so restarting on the same database does not apply it twice.
//
//   accounts:            [{ aliUid, site, billsOutstanding, financialLocked, accessKeys: [{ accessKeyId, accessKeySecret }] }]
//   vpcs:                [{ ref, account?, RegionId, CidrBlock?, VpcName? ... }]          (CreateVpc parameters)
//   physicalConnections: [{ ref, account?, RegionId, AccessPointId, LineOperator }]        (CreatePhysicalConnection)
//   vbrs:                [{ ref, account?, RegionId, PhysicalConnectionId: "@pc", VlanId }] (CreateVirtualBorderRouter)
//   routerInterfaces:    [{ ref, account?, RegionId, Role, RouterType, RouterId: "@vpc", Spec, OppositeRegionId ... }]
//   connections:         [{ initiator: "@ri1", acceptor: "@ri2" }]
// "@ref" stands for the id the referenced entry got (a VPC's vRouter id where a RouterId is wanted).
import { readFile } from 'node:fs/promises';
import { lookupAction } from '../actions/registry.js';
import { vpcFacts } from '../spec/vpc-facts.generated.js';
import type { ActionFacts } from '../spec/types.js';
import { validate } from '../spec/validate.js';
import { ensureAccount, type AccountSeed } from '../resources/accounts/service.js';
import { ApiError } from '../errors/api-error.js';
import type { Pairs } from '../protocol/params.js';
import type { Services } from './services.js';
import { actionContext } from './context.js';

export class SeedError extends Error {}

type Entry = Record<string, unknown> & { ref?: string; account?: string };

function flatten(prefix: string, v: unknown, out: Pairs): void {
  if (Array.isArray(v)) v.forEach((x, i) => flatten(`${prefix}.${i + 1}`, x, out));
  else if (v !== null && typeof v === 'object') for (const [k, x] of Object.entries(v)) flatten(`${prefix}.${k}`, x, out);
  else if (v !== undefined && v !== null) out.push([prefix, String(v)]);
}

export async function applySeedFile(file: string, services: Services, defaultAccount: string): Promise<{ created: number } | undefined> {
  let doc: Record<string, unknown>;
  try {
    const text = await readFile(file, 'utf8');
    doc = (/\.ya?ml$/i.test(file) ? (await import('yaml')).parse(text) : JSON.parse(text)) as Record<string, unknown>;
  } catch (e) {
    throw new SeedError(`seed file ${file}: ${(e as Error).message}`);
  }
  const { repos, store } = services;
  store.transaction(() => {
    for (const a of (doc.accounts ?? []) as AccountSeed[]) ensureAccount(services.accounts, services.ids, a, services.clock.now());
  });
  if (repos.vpcs.count({}) + repos.vbrs.count({}) + repos.routerInterfaces.count({}) > 0) return undefined;
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
    const uid = entry.account ?? defaultAccount;
    const account = services.accounts.accounts.get(uid);
    if (!account) throw new SeedError(`${where}: no account ${uid}`);
    const facts = vpcFacts.actions[action as keyof typeof vpcFacts.actions] as ActionFacts;
    const def = lookupAction('Vpc', action);
    if (!def) throw new SeedError(`${where}: ${action} is not implemented`);
    const pairs: Pairs = [];
    for (const [k, v] of Object.entries(entry)) if (k !== 'ref' && k !== 'account') flatten(k, resolve(v, k), pairs);
    try {
      const input = validate(facts, pairs);
      const ctx = actionContext(services, account, facts);
      const result = (await store.write(() => def.handler(input, ctx))) as Record<string, unknown>;
      created++;
      if (entry.ref)
        refs.set(entry.ref, {
          ...result,
          ...(action === 'CreateRouterInterface' ? { RegionId: input.RegionId, RouterId: input.RouterId, account: uid } : {}),
        });
      return result;
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
    const list = (doc[section] ?? []) as Entry[];
    for (const [i, entry] of list.entries()) {
      const result = await call(action, entry, `${section}[${i}]`);
      // a seeded physical connection is Enabled at once, so VBRs can be built on it
      if (section === 'physicalConnections') services.transitions.step(result.PhysicalConnectionId as string);
    }
  }
  for (const [i, c] of ((doc.connections ?? []) as { initiator: string; acceptor: string }[]).entries()) {
    const ini = refs.get(String(c.initiator).replace(/^@/, ''));
    const acc = refs.get(String(c.acceptor).replace(/^@/, ''));
    if (!ini || !acc) throw new SeedError(`connections[${i}]: unknown interface reference`);
    const point = (self: Record<string, unknown>, other: Record<string, unknown>, otherType: string) =>
      call(
        'ModifyRouterInterfaceAttribute',
        {
          account: self.account as string,
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
      { account: ini.account as string, RegionId: ini.RegionId, RouterInterfaceId: ini.RouterInterfaceId },
      `connections[${i}]`,
    );
  }
  return { created };
}
