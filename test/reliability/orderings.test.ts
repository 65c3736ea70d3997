// Every ordering of two actions on the two ends of one pair, exhaustively: from each state a pair
// rests in (Idle, Active, Inactive), one action on one end, then a second on either end while the
// first is still in flight (transitions held under the `manual` profile), then everything settles.
// After each step both ends must be in states the transition table allows together; once settled,
// nothing may be left in a transitional state. The calls are made by each end's owner (two accounts)
// through the official SDK. Found by this check: an activation while the peer was Deleting left an
// interface Active with nothing at the other end.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { ACCOUNTS, openWorld, type World, type End } from '../helpers/world.js';
import { Vpc, type VpcClient } from '../helpers/clients.js';
import { admin } from '../helpers/admin.js';
import { MATCHING } from '../../src/resources/router-interface/states.js';
import { vpcFacts } from '../../src/spec/vpc-facts.generated.js';
import type { TestServer } from '../helpers/server.js';

let srv: TestServer;
let w: World;
before(async () => {
  ({ srv, w } = await openWorld());
  await admin(srv, 'PUT', '/_localvpc/transitions/profile', { profile: 'manual' });
});
after(async () => srv.close());

const ACTIONS = {
  ConnectRouterInterface: (c: VpcClient, e: End) =>
    c.connectRouterInterface(new Vpc.ConnectRouterInterfaceRequest({ regionId: e.regionId, routerInterfaceId: e.id })),
  ActivateRouterInterface: (c: VpcClient, e: End) =>
    c.activateRouterInterface(new Vpc.ActivateRouterInterfaceRequest({ regionId: e.regionId, routerInterfaceId: e.id })),
  DeactivateRouterInterface: (c: VpcClient, e: End) =>
    c.deactivateRouterInterface(new Vpc.DeactivateRouterInterfaceRequest({ regionId: e.regionId, routerInterfaceId: e.id })),
  ModifyRouterInterfaceSpec: (c: VpcClient, e: End) =>
    c.modifyRouterInterfaceSpec(
      new Vpc.ModifyRouterInterfaceSpecRequest({ regionId: e.regionId, routerInterfaceId: e.id, spec: 'Middle.1' }),
    ),
  DeleteRouterInterface: (c: VpcClient, e: End) =>
    c.deleteRouterInterface(new Vpc.DeleteRouterInterfaceRequest({ regionId: e.regionId, routerInterfaceId: e.id })),
};
type Action = keyof typeof ACTIONS;

const TRANSITIONAL = new Set(['Connecting', 'AcceptingConnecting', 'Activating', 'Deactivating', 'Deleting']);
const AT_REST_ALONE = ['Idle', 'Inactive'];
/** What two ends may show together: the table's matching pairs, or one end (being) deleted while the other rests. */
function allowedTogether(a: string, b: string): boolean {
  const pairs: [string, string][] = [
    ...MATCHING.map(([x, y]) => [x, y] as [string, string]),
    ['gone', 'gone'],
    ['Deleting', 'Deleting'],
    ['Deleting', 'gone'],
  ];
  for (const rest of AT_REST_ALONE) pairs.push([rest, 'Deleting'], [rest, 'gone']);
  return pairs.some(([x, y]) => (x === a && y === b) || (x === b && y === a));
}

async function status(e: End): Promise<string> {
  const r = await w
    .client(e.who)
    .describeRouterInterfaceAttribute(new Vpc.DescribeRouterInterfaceAttributeRequest({ regionId: e.regionId, instanceId: e.id }));
  return r.body?.status || 'gone';
}

/** Completes every held transition of these resources, as often as it takes. */
async function settle(ids: string[]): Promise<void> {
  for (let round = 0; round < 5; round++) {
    const pending = ((await admin(srv, 'GET', '/_localvpc/transitions')).body.pending as { id: string }[]).filter((p) =>
      ids.includes(p.id),
    );
    if (pending.length === 0) return;
    for (const p of pending) await admin(srv, 'POST', `/_localvpc/transitions/${p.id}/step`);
  }
  assert.fail(`transitions of ${ids.join(', ')} never settled`);
}

async function pairAt(rest: 'Idle' | 'Active' | 'Inactive'): Promise<{ ini: End; acc: End }> {
  const pair = await w.pair({ iniWho: ACCOUNTS.a, accWho: ACCOUNTS.b });
  const ids = [pair.ini.id, pair.acc.id, pair.ini.vpcId, pair.acc.vpcId];
  await settle(ids);
  if (rest === 'Idle') return pair;
  await w.connect(pair.ini);
  await settle(ids);
  if (rest === 'Active') return pair;
  await ACTIONS.DeactivateRouterInterface(w.client(pair.ini.who), pair.ini);
  await settle(ids);
  return pair;
}

async function attempt(action: Action, e: End): Promise<string> {
  try {
    await ACTIONS[action](w.client(e.who), e);
    return 'OK';
  } catch (err) {
    const { code, statusCode } = err as { code?: string; statusCode?: number };
    const documented = code !== undefined && Object.hasOwn(vpcFacts.actions[action].errors, code);
    assert.ok(documented && (statusCode ?? 500) < 500, `${action}: ${code} (${statusCode}) is not one of its documented errors`);
    return code;
  }
}

test('every ordering of two router-interface actions on the ends of one pair keeps both ends in matching states', async () => {
  const actions = Object.keys(ACTIONS) as Action[];
  const problems: string[] = [];
  let scenarios = 0;
  for (const rest of ['Idle', 'Active', 'Inactive'] as const) {
    for (const a1 of actions) {
      for (const s1 of ['ini', 'acc'] as const) {
        for (const a2 of actions) {
          for (const s2 of ['ini', 'acc'] as const) {
            scenarios++;
            const pair = await pairAt(rest);
            const name = `${rest}/${rest}: ${a1}(${s1}) then ${a2}(${s2})`;
            const check = async (when: string): Promise<[string, string]> => {
              const now: [string, string] = [await status(pair.ini), await status(pair.acc)];
              if (!allowedTogether(...now)) problems.push(`${name}, ${when}: ${now.join('/')}`);
              return now;
            };
            const r1 = await attempt(a1, pair[s1]);
            await check(`after ${a1} (${r1})`);
            const r2 = await attempt(a2, pair[s2]);
            await check(`after ${a2} (${r2})`);
            await settle([pair.ini.id, pair.acc.id]);
            const end = await check('settled');
            if (end.some((s) => TRANSITIONAL.has(s))) problems.push(`${name}: still ${end.join('/')} once settled`);
          }
        }
      }
    }
  }
  assert.equal(scenarios, 300);
  assert.deepEqual(problems, []);
});
