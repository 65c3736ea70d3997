// "Why is this not Active?" through the admin API and the CLI: every check of the actions' own
// lists, passed or failed, with the code the real call answers (the SDK makes the same call and
// must get the same error), and the dry run changes nothing.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ACCOUNTS, openWorld, type End, type World } from '../helpers/world.js';
import { Vpc } from '../helpers/clients.js';
import { admin } from '../helpers/admin.js';
import { runCli } from '../helpers/cli.js';
import type { TestServer } from '../helpers/server.js';
import { getAccount } from '../../src/resources/accounts/service.js';
import { connectRouterInterface } from '../../src/resources/router-interface/connect.js';

let srv: TestServer;
let w: World;
before(async () => ({ srv, w } = await openWorld()));
after(async () => srv.close());

const cli = (args: string[]) => runCli(srv, args);

interface Check {
  step: number;
  label: string;
  result: string;
  error?: { code: string; message: string; status: number };
}
interface ActionX {
  action: string;
  routerInterfaceId: string;
  caller: string;
  answer: { ok: boolean; code?: string; message?: string; status?: number };
  checks: Check[];
}

async function explain(id: string): Promise<{ status: string; summary: string; actions: ActionX[]; peer?: { routerInterfaceId: string } }> {
  const r = await admin(srv, 'GET', `/_localvpc/explain/${id}`);
  assert.equal(r.status, 200, JSON.stringify(r.body));
  return r.body;
}

const connectOf = (x: { actions: ActionX[] }, id: string) => {
  const a = x.actions.find((y) => y.action === 'ConnectRouterInterface' && y.routerInterfaceId === id);
  assert.ok(a, `no connect explained for ${id}`);
  return a;
};

async function sdkConnectError(end: End): Promise<{ code: string; message: string } | undefined> {
  try {
    await w.connect(end);
    return undefined;
  } catch (e) {
    const err = e as { code: string; data: { Message: string } };
    return { code: err.code, message: err.data.Message };
  }
}

async function journalSize(): Promise<number> {
  return (await admin(srv, 'GET', '/_localvpc/journal?limit=1')).body.total;
}

describe('explain', () => {
  test('a pair ready to connect: every check passes, on both ends, and nothing changes', async () => {
    const { ini, acc } = await w.pair();
    const before = await journalSize();
    const x = await explain(ini.id);
    const connect = connectOf(x, ini.id);
    assert.deepEqual(connect.answer, { ok: true });
    assert.equal(connect.caller, ACCOUNTS.a.uid);
    assert.equal(connect.checks.length, 14, 'the 14 steps of the documented order');
    assert.ok(connect.checks.every((c) => c.result === 'passed'));
    assert.match(x.summary, /would succeed/);
    // the accepting end explains the connect its initiator would make
    const fromAcc = await explain(acc.id);
    assert.deepEqual(connectOf(fromAcc, ini.id).answer, { ok: true });
    assert.equal(connectOf(fromAcc, acc.id).answer.code, 'IncorrectRole.NotInitiatingSide');
    // a dry run: no status moved, no journal event
    assert.equal(await w.status(ini), 'Idle');
    assert.equal(await w.status(acc), 'Idle');
    assert.equal(await journalSize(), before + 2, 'only the two describes above');
    await w.connect(ini);
    await w.waitFor(acc, 'Active');
    const active = await explain(ini.id);
    assert.equal(active.status, 'Active');
    assert.equal(connectOf(active, ini.id).answer.code, 'IncorrectRIStatus');
    const deactivate = active.actions.find((a) => a.action === 'DeactivateRouterInterface');
    assert.deepEqual(deactivate?.answer, { ok: true });
    const del = active.actions.find((a) => a.action === 'DeleteRouterInterface');
    assert.equal(del?.answer.code, 'InvalidInstance.StatusError');
  });

  test('the accepting end names another interface: AttrMismatching.AcceptingSideOppositeInterfaceId with both values, as the real call answers', async () => {
    const { ini, acc } = await w.pair();
    const other = await w.ri({ regionId: ini.regionId, routerId: ini.routerId, role: 'InitiatingSide', oppositeRegionId: acc.regionId });
    await w
      .client(acc.who)
      .modifyRouterInterfaceAttribute(
        new Vpc.ModifyRouterInterfaceAttributeRequest({ regionId: acc.regionId, routerInterfaceId: acc.id, oppositeInterfaceId: other }),
      );
    const x = await explain(acc.id);
    const connect = connectOf(x, ini.id);
    const failed = connect.checks.filter((c) => c.result === 'failed');
    assert.equal(failed.length, 1, JSON.stringify(connect.checks));
    const check = failed[0] as Check;
    assert.equal(check.error?.code, 'AttrMismatching.AcceptingSideOppositeInterfaceId');
    assert.ok(check.error.message.includes(`"${other}"`), check.error.message);
    assert.ok(check.error.message.includes(`"${ini.id}"`), check.error.message);
    // the checks after it that need the accepting end are not reached
    assert.deepEqual(
      connect.checks.filter((c) => c.step > check.step).map((c) => c.result),
      ['not reached', 'not reached', 'not reached'],
    );
    assert.match(x.summary, /AttrMismatching\.AcceptingSideOppositeInterfaceId/);
    // the same code and message as the call itself
    const real = await sdkConnectError(ini);
    assert.deepEqual(real, { code: connect.answer.code, message: connect.answer.message });
    // and the CLI says it for a person
    const r = await cli(['explain', acc.id]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /FAIL\s+11 the accepting end exists.*AttrMismatching\.AcceptingSideOppositeInterfaceId/);
    assert.ok(r.stdout.includes(other) && r.stdout.includes(ini.id));
  });

  test('several checks fail at once: the answer is the first, the later failures are listed too', async () => {
    const { ini } = await w.pair({ iniWho: ACCOUNTS.b, accOppositeRegion: 'cn-beijing' });
    await admin(srv, 'PATCH', `/_localvpc/accounts/${ACCOUNTS.b.uid}`, { billsOutstanding: true });
    try {
      const connect = connectOf(await explain(ini.id), ini.id);
      assert.equal(connect.answer.code, 'Forbidden.BillsOutstanding');
      assert.deepEqual(
        connect.checks.filter((c) => c.result === 'failed').map((c) => c.error?.code),
        ['Forbidden.BillsOutstanding', 'AttrMismatching.AcceptingSideOppositeRegionNo'],
      );
      assert.equal((await sdkConnectError(ini))?.code, 'Forbidden.BillsOutstanding');
    } finally {
      await admin(srv, 'PATCH', `/_localvpc/accounts/${ACCOUNTS.b.uid}`, { billsOutstanding: false });
    }
    const connect = connectOf(await explain(ini.id), ini.id);
    assert.equal(connect.answer.code, 'AttrMismatching.AcceptingSideOppositeRegionNo');
    assert.match(connect.answer.message ?? '', /"cn-beijing", expected "cn-hangzhou"/);
    assert.equal((await sdkConnectError(ini))?.code, 'AttrMismatching.AcceptingSideOppositeRegionNo');
  });

  test('an Inactive pair: activate would succeed; a financially locked owner is told why not', async () => {
    const { ini, acc } = await w.pair({ iniWho: ACCOUNTS.a, accWho: ACCOUNTS.b });
    await w.connect(ini);
    await w.waitFor(acc, 'Active');
    await w
      .client(ini.who)
      .deactivateRouterInterface(new Vpc.DeactivateRouterInterfaceRequest({ regionId: ini.regionId, routerInterfaceId: ini.id }));
    await w.waitFor(ini, 'Inactive');
    const x = await explain(ini.id);
    assert.match(x.summary, /Inactive/);
    const activate = x.actions.find((a) => a.action === 'ActivateRouterInterface');
    assert.deepEqual(activate?.answer, { ok: true });
    await admin(srv, 'PATCH', `/_localvpc/accounts/${ACCOUNTS.a.uid}`, { financialLocked: true });
    try {
      const locked = (await explain(ini.id)).actions.find((a) => a.action === 'ActivateRouterInterface');
      assert.equal(locked?.answer.code, 'Forbidden.FinancialLocked');
    } finally {
      await admin(srv, 'PATCH', `/_localvpc/accounts/${ACCOUNTS.a.uid}`, { financialLocked: false });
    }
  });

  test('a dry run keeps nothing: the whole connect handler runs, and both ends are still Idle', async () => {
    const { ini, acc } = await w.pair();
    const { store, engine } = srv.app;
    const caller = await store.run('read', (tx) => getAccount(tx, ACCOUNTS.a.uid));
    assert.ok(caller);
    const result = await engine.dryRun('Vpc', 'ConnectRouterInterface', caller, (ctx) =>
      connectRouterInterface.run({ RegionId: ini.regionId, RouterInterfaceId: ini.id }, ctx),
    );
    assert.deepEqual(result, {}, 'the handler ran to the end, writing both ends');
    assert.equal(await w.status(ini), 'Idle');
    assert.equal(await w.status(acc), 'Idle');
    // and a failing dry run answers the action's error
    await assert.rejects(
      engine.dryRun('Vpc', 'ConnectRouterInterface', caller, (ctx) =>
        connectRouterInterface.run({ RegionId: acc.regionId, RouterInterfaceId: acc.id }, ctx),
      ),
      (e: { code?: string }) => e.code === 'IncorrectRole.NotInitiatingSide',
    );
    await w.connect(ini);
    await w.waitFor(acc, 'Active');
  });

  test('an unknown interface is a 404, from the API and the CLI', async () => {
    const r = await admin(srv, 'GET', '/_localvpc/explain/ri-doesnotexist');
    assert.equal(r.status, 404);
    assert.equal(r.body.error.code, 'NotFound');
    const c = await cli(['explain', 'ri-doesnotexist']);
    assert.equal(c.code, 1);
    assert.match(c.stderr, /NotFound/);
    assert.equal((await admin(srv, 'GET', '/_localvpc/explain/ri-x', undefined, 'wrong')).status, 401);
  });
});
