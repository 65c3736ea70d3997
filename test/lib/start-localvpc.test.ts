// The programmatic API as a test suite uses it: one in-process server for the file (port 0, in
// memory), a fresh account per test, the connect flow of the README through the official SDK, and
// isolation: what one test creates, the next one does not see; a checkpoint puts the state back;
// reset empties it. The typed admin client drives the clock, transitions, faults and the journal.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startLocalVpc, AdminApiError, type Credentials, type LocalVpc } from '../../src/lib/index.js';
import { Vpc, vpcClient, sdkError, type VpcClient } from '../helpers/clients.js';
import { connect, createAcceptor, createInitiator, nameInitiator } from '../helpers/connect-flow.js';

let lv: LocalVpc;
before(async () => {
  lv = await startLocalVpc({ transitionProfile: 'instant' });
});
after(() => lv.stop());

const client = (who: Credentials): VpcClient => vpcClient(lv.port, { key: { id: who.accessKeyId, secret: who.accessKeySecret } });

/** The four calls that connect a pair, then the poll: what the README walks through. */
async function connectPair(c: VpcClient, uid: string): Promise<{ ini: string; acc: string }> {
  const hz = (await c.createVpc(new Vpc.CreateVpcRequest({ regionId: 'cn-hangzhou', cidrBlock: '10.1.0.0/16' }))).body as any;
  const sh = (await c.createVpc(new Vpc.CreateVpcRequest({ regionId: 'cn-shanghai', cidrBlock: '10.2.0.0/16' }))).body as any;
  const acc = await createAcceptor(c, sh.VRouterId);
  const ini = await createInitiator(c, hz.VRouterId, { interfaceId: acc, routerId: sh.VRouterId, ownerUid: uid });
  await nameInitiator(c, acc, { interfaceId: ini, routerId: hz.VRouterId, ownerUid: uid });
  await connect(c, ini);
  return { ini, acc };
}

async function statusOf(c: VpcClient, regionId: string, id: string): Promise<string | undefined> {
  const r = await c.describeRouterInterfaces(
    new Vpc.DescribeRouterInterfacesRequest({
      regionId,
      filter: [new Vpc.DescribeRouterInterfacesRequestFilter({ key: 'RouterInterfaceId', value: [id] })],
    }),
  );
  return r.body?.routerInterfaceSet?.routerInterfaceType?.[0]?.status;
}

async function vpcCount(c: VpcClient, regionId: string): Promise<number> {
  return (await c.describeVpcs(new Vpc.DescribeVpcsRequest({ regionId }))).body?.totalCount ?? -1;
}

describe('startLocalVpc', () => {
  test('answers an endpoint, the default credentials, the environment exec gives, and a typed admin client', async () => {
    assert.match(lv.endpoint, /^http:\/\/127\.0\.0\.1:\d+$/);
    assert.equal(lv.hostPort, `127.0.0.1:${lv.port}`);
    assert.equal(lv.credentials.aliUid, '1000000000000001');
    assert.equal(lv.env.LOCALVPC_ENDPOINT, lv.endpoint);
    assert.equal(lv.env.ALIBABA_CLOUD_ACCESS_KEY_ID, lv.credentials.accessKeyId);
    assert.equal(lv.env.LOCALVPC_ADMIN_TOKEN, lv.adminToken);
    const regions = await client(lv.credentials).describeRegions(new Vpc.DescribeRegionsRequest({}));
    assert.ok((regions.body?.regions?.region?.length ?? 0) >= 30);
    assert.equal((await lv.admin.status()).storage, 'memory');
    assert.equal((await lv.admin.transitions.get()).profile, 'instant');
  });

  test('test 1: a fresh account connects a pair', async () => {
    const me = await lv.freshAccount();
    assert.notEqual(me.aliUid, lv.credentials.aliUid);
    const c = client(me);
    const { ini, acc } = await connectPair(c, me.aliUid);
    assert.equal(await statusOf(c, 'cn-hangzhou', ini), 'Active');
    assert.equal(await statusOf(c, 'cn-shanghai', acc), 'Active');
    const mine = await lv.admin.resources.list({ type: 'router_interface', account: me.aliUid });
    assert.equal(mine.total, 2);
  });

  test('test 2: another fresh account sees nothing of test 1, and connects its own pair', async () => {
    const me = await lv.freshAccount();
    const c = client(me);
    assert.equal(await vpcCount(c, 'cn-hangzhou'), 0, "test 1's VPC is not this account's");
    const { ini } = await connectPair(c, me.aliUid);
    assert.equal(await statusOf(c, 'cn-hangzhou', ini), 'Active');
    assert.equal(await vpcCount(c, 'cn-hangzhou'), 1);
  });

  test('isolated(): what a test does inside is undone after it, even when it throws', async () => {
    const me = await lv.freshAccount();
    const c = client(me);
    await c.createVpc(new Vpc.CreateVpcRequest({ regionId: 'cn-beijing', cidrBlock: '10.0.0.0/16' }));
    await assert.rejects(
      lv.isolated(async () => {
        await connectPair(c, me.aliUid);
        assert.equal(await vpcCount(c, 'cn-hangzhou'), 1);
        throw new Error('the test failed');
      }),
      /the test failed/,
    );
    assert.equal(await vpcCount(c, 'cn-hangzhou'), 0, 'the pair is gone');
    assert.equal(await vpcCount(c, 'cn-beijing'), 1, 'what existed before stays');
    assert.deepEqual(
      (await lv.admin.snapshots.list()).map((s) => s.name),
      [],
      'the checkpoint is dropped',
    );
  });

  test('the admin client: manual transitions, step, a fault, the journal, typed errors', async () => {
    const me = await lv.freshAccount();
    const c = client(me);
    await lv.admin.transitions.setProfile('manual');
    try {
      const { ini } = await connectPair(c, me.aliUid);
      assert.equal(await statusOf(c, 'cn-hangzhou', ini), 'Connecting');
      const stepped = await lv.admin.transitions.step(ini);
      assert.ok(stepped.stepped.some((s) => s.id === ini && s.from === 'Connecting' && s.to === 'Active'));
      assert.equal(await statusOf(c, 'cn-hangzhou', ini), 'Active');
    } finally {
      await lv.admin.transitions.setProfile('instant');
    }
    const rule = await lv.admin.faults.add({
      action: 'DescribeVpcs',
      accountId: me.aliUid,
      count: 1,
      effect: { error: { code: 'Throttling.User' } },
    });
    assert.equal((await sdkError(() => vpcCount(c, 'cn-hangzhou'))).code, 'Throttling.User');
    assert.equal((await lv.admin.faults.list()).find((f) => f.id === rule.id)?.fired, 1);
    const journal = await lv.admin.journal.query({ accountId: me.aliUid, eventType: 'Fault' });
    assert.equal(journal.total, 1);
    const admins = await lv.admin.journal.query({ eventType: 'Admin', eventName: 'FaultAdd' });
    assert.ok(
      admins.events.some((e) => e.resourceName === rule.id),
      'admin actions are journaled',
    );
    await assert.rejects(
      lv.admin.transitions.step('ri-doesnotexist'),
      (e: unknown) => e instanceof AdminApiError && e.status === 404 && e.code === 'NotInTransition',
    );
    await assert.rejects(
      lv.admin.resources.get('vpc-doesnotexist', 'vpc'),
      (e: unknown) => e instanceof AdminApiError && e.code === 'ResourceNotFound',
    );
  });

  test('reset(): empties the state, keeps accounts, clears faults and puts the clock back', async () => {
    const me = await lv.freshAccount();
    await client(me).createVpc(new Vpc.CreateVpcRequest({ regionId: 'cn-hangzhou', cidrBlock: '10.0.0.0/16' }));
    await lv.admin.faults.add({ action: 'DescribeRegions', effect: { latencyMs: 1 } });
    await lv.admin.clock.advance('2h');
    await lv.reset();
    assert.equal((await lv.admin.resources.list()).total, 0);
    assert.equal((await lv.admin.faults.list()).length, 0);
    assert.ok(Math.abs((await lv.admin.clock.get()).offsetMs) < 60_000, 'the clock follows the system clock again');
    assert.equal(await vpcCount(client(me), 'cn-hangzhou'), 0, 'the account is kept and can call');
  });

  test('options are checked like the config file: an unknown key is refused with a did-you-mean', async () => {
    await assert.rejects(
      startLocalVpc({ transitionProfil: 'instant' } as never),
      /unknown key "transitionProfil" \(did you mean "transitionProfile"\?\)/,
    );
    await assert.rejects(startLocalVpc({ port: '8080' } as never), /port: expected a whole number/);
  });
});
