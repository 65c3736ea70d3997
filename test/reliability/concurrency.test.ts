// Many clients at once on the same interfaces (connect, activate, deactivate, delete, modify, from
// both accounts of each pair): every call succeeds or gets a documented Alibaba error, the
// invariants hold, and every completed transition is one the transition table allows.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { ACCOUNTS, type World, openWorld, type End } from '../helpers/world.js';
import { Vpc, type VpcClient } from '../helpers/clients.js';
import { admin, exportedTables } from '../helpers/admin.js';
import { checkInvariants } from './invariants.js';
import { vpcFacts } from '../../src/spec/vpc-facts.generated.js';
import { GATEWAY } from '../../src/errors/catalog.js';
import { TRANSITIONS } from '../../src/resources/router-interface/states.js';
import type { TestServer } from '../helpers/server.js';

let srv: TestServer;
let w: World;
before(async () => ({ srv, w } = await openWorld({ transitionDelayMs: 15 })));
after(async () => srv.close());

type Op = (c: VpcClient, e: End, other: End) => Promise<unknown>;
const OPS: Record<string, Op> = {
  ConnectRouterInterface: (c, e) =>
    c.connectRouterInterface(new Vpc.ConnectRouterInterfaceRequest({ regionId: e.regionId, routerInterfaceId: e.id })),
  ActivateRouterInterface: (c, e) =>
    c.activateRouterInterface(new Vpc.ActivateRouterInterfaceRequest({ regionId: e.regionId, routerInterfaceId: e.id })),
  DeactivateRouterInterface: (c, e) =>
    c.deactivateRouterInterface(new Vpc.DeactivateRouterInterfaceRequest({ regionId: e.regionId, routerInterfaceId: e.id })),
  ModifyRouterInterfaceSpec: (c, e) =>
    c.modifyRouterInterfaceSpec(
      new Vpc.ModifyRouterInterfaceSpecRequest({ regionId: e.regionId, routerInterfaceId: e.id, spec: 'Middle.1' }),
    ),
  ModifyRouterInterfaceAttribute: (c, e) =>
    c.modifyRouterInterfaceAttribute(
      new Vpc.ModifyRouterInterfaceAttributeRequest({ regionId: e.regionId, routerInterfaceId: e.id, description: 'Touched concurrently' }),
    ),
  DeleteRouterInterface: (c, e) =>
    c.deleteRouterInterface(new Vpc.DeleteRouterInterfaceRequest({ regionId: e.regionId, routerInterfaceId: e.id })),
  DescribeRouterInterfaceAttribute: (c, e) =>
    c.describeRouterInterfaceAttribute(new Vpc.DescribeRouterInterfaceAttributeRequest({ regionId: e.regionId, instanceId: e.id })),
};

function documented(action: string, code: string): boolean {
  const facts = vpcFacts.actions[action as keyof typeof vpcFacts.actions];
  return code in facts.errors || code in GATEWAY || code === 'InvalidRouterInterfaceId.NotFound';
}

test('random concurrent operations on shared pairs from both accounts', async () => {
  const pairs = [] as { ini: End; acc: End }[];
  for (let i = 0; i < 6; i++) pairs.push(await w.pair({ iniWho: ACCOUNTS.a, accWho: ACCOUNTS.b }));
  let seed = 42;
  const rand = () => (seed = (seed * 1103515245 + 12345) >>> 0) / 4294967296;
  // connect/activate/deactivate dominate; a deleted pair is replaced by a fresh one
  const weights: [string, number][] = [
    ['ConnectRouterInterface', 25],
    ['ActivateRouterInterface', 15],
    ['DeactivateRouterInterface', 15],
    ['ModifyRouterInterfaceSpec', 10],
    ['ModifyRouterInterfaceAttribute', 10],
    ['DescribeRouterInterfaceAttribute', 10],
    ['DeleteRouterInterface', 3],
  ];
  const total = weights.reduce((n, [, x]) => n + x, 0);
  const pick = (): string => {
    let r = rand() * total;
    for (const [name, x] of weights) if ((r -= x) < 0) return name;
    return 'DescribeRouterInterfaceAttribute';
  };
  const replacing = new Set<number>();
  const outcomes = new Map<string, number>();
  const undocumented: string[] = [];
  const until = Date.now() + 4000;
  await Promise.all(
    Array.from({ length: 24 }, async () => {
      while (Date.now() < until) {
        const index = Math.floor(rand() * pairs.length);
        const pair = pairs[index] as { ini: End; acc: End };
        const side = rand() < 0.5 ? pair.ini : pair.acc;
        const action = pick();
        const op = OPS[action] as Op;
        try {
          await op(w.client(side.who), side, side === pair.ini ? pair.acc : pair.ini);
          outcomes.set(`${action}:OK`, (outcomes.get(`${action}:OK`) ?? 0) + 1);
        } catch (e) {
          const err = e as { code?: string; statusCode?: number };
          const code = err.code ?? 'no-code';
          outcomes.set(`${action}:${code}`, (outcomes.get(`${action}:${code}`) ?? 0) + 1);
          if (!documented(action, code) || (err.statusCode ?? 500) >= 500) undocumented.push(`${action}: ${code} (${err.statusCode})`);
          if (code === 'InvalidRouterInterfaceId.NotFound' && !replacing.has(index)) {
            replacing.add(index);
            pairs[index] = await w.pair({ iniWho: ACCOUNTS.a, accWho: ACCOUNTS.b });
            replacing.delete(index);
          }
        }
      }
    }),
  );
  console.log(`concurrency outcomes: ${JSON.stringify(Object.fromEntries([...outcomes].sort()))}`);
  assert.deepEqual(undocumented, []);
  assert.ok(
    [...outcomes.keys()].some((k) => k.startsWith('ConnectRouterInterface:OK')),
    'some connects succeeded',
  );
  await new Promise((r) => setTimeout(r, 100));
  assert.deepEqual(checkInvariants(await exportedTables(srv.url, srv.app.adminToken)), []);
  // every transition the journal saw is one the table allows
  const allowed = new Set(Object.values(TRANSITIONS).map((t) => `${t.via}->${t.to}`));
  const journal = await admin(srv, 'GET', '/_localvpc/journal?eventType=Transition&limit=1000');
  for (const e of journal.body.events as { eventName: string; from: string; to: string }[]) {
    if (e.eventName.startsWith('RouterInterface')) assert.ok(allowed.has(`${e.from}->${e.to}`), `forbidden transition ${e.from}->${e.to}`);
  }
});
