// The admin API end to end with the official SDK: tokens, accounts and billing, faults, the
// manual profile, the clock, snapshots, journal, metrics.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ACCOUNTS, type World, openWorld } from '../helpers/world.js';
import { Vpc, vpcClient, popClient } from '../helpers/clients.js';
import { admin, exportedTables } from '../helpers/admin.js';
import type { TestServer } from '../helpers/server.js';

let srv: TestServer;
let w: World;
before(async () => ({ srv, w } = await openWorld()));
after(async () => srv.close());

describe('the admin token', () => {
  test('a call without the token or with a wrong one is 401 and changes nothing', async () => {
    const before = await admin(srv, 'GET', '/_localvpc/accounts');
    for (const token of [null, 'wrong-token']) {
      const r = await admin(srv, 'POST', '/_localvpc/accounts', { aliUid: '1000000000000099' }, token);
      assert.equal(r.status, 401);
      assert.equal(r.body.error.code, 'Unauthorized');
      assert.equal((await admin(srv, 'PATCH', `/_localvpc/accounts/${ACCOUNTS.a.uid}`, { billsOutstanding: true }, token)).status, 401);
    }
    assert.deepEqual((await admin(srv, 'GET', '/_localvpc/accounts')).body, before.body);
  });

  test('health, metrics and the OpenAPI document stay open', async () => {
    assert.equal((await admin(srv, 'GET', '/_localvpc/health', undefined, null)).status, 200);
    const m = await admin(srv, 'GET', '/metrics', undefined, null);
    assert.equal(m.status, 200);
    assert.match(m.body, /localvpc_requests_total/);
    const doc = await admin(srv, 'GET', '/_localvpc/openapi.json', undefined, null);
    assert.equal(doc.body.openapi, '3.1.0');
    for (const p of [
      '/_localvpc/accounts',
      '/_localvpc/clock',
      '/_localvpc/transitions',
      '/_localvpc/faults',
      '/_localvpc/snapshots',
      '/_localvpc/journal',
    ])
      assert.ok(doc.body.paths[p], p);
  });

  test('unknown admin paths and bad bodies get JSON errors', async () => {
    assert.equal((await admin(srv, 'GET', '/_localvpc/nothing-here')).status, 404);
    assert.equal((await admin(srv, 'PATCH', `/_localvpc/accounts/${ACCOUNTS.a.uid}`, { colour: 'blue' })).status, 400);
    const r = await fetch(`${srv.url}/_localvpc/faults`, {
      method: 'POST',
      headers: { authorization: `Bearer ${srv.app.adminToken}` },
      body: '{not json',
    });
    assert.equal(r.status, 400);
  });
});

describe('accounts', () => {
  test('create an account, call with its key, disable the key', async () => {
    const r = await admin(srv, 'POST', '/_localvpc/accounts', { aliUid: '1000000000000042', site: 'international' });
    assert.equal(r.status, 201);
    const key = { id: r.body.accessKey.accessKeyId, secret: r.body.accessKey.accessKeySecret };
    const c = vpcClient(srv.port, { key });
    const vpc = await c.createVpc(new Vpc.CreateVpcRequest({ regionId: 'eu-central-1' }));
    assert.match(vpc.body?.vpcId ?? '', /^vpc-/);
    assert.equal((await admin(srv, 'PATCH', `/_localvpc/accounts/1000000000000042/keys/${key.id}`, { status: 'Inactive' })).status, 200);
    await assert.rejects(
      c.describeVpcs(new Vpc.DescribeVpcsRequest({ regionId: 'eu-central-1' })),
      (e: { code: string }) => e.code === 'InvalidAccessKeyId.Inactive',
    );
    assert.equal((await admin(srv, 'DELETE', '/_localvpc/accounts/1000000000000042')).status, 409);
    const del = await admin(srv, 'DELETE', '/_localvpc/accounts/1000000000000042?force=true');
    assert.equal(del.status, 200);
    assert.equal(del.body.resources, 3);
  });

  test('bills outstanding set through the admin API: Forbidden.BillsOutstanding on connect', async () => {
    const { ini } = await w.pair({ iniRegion: 'cn-zhangjiakou', accRegion: 'cn-huhehaote', iniWho: ACCOUNTS.b, accWho: ACCOUNTS.b });
    await admin(srv, 'PATCH', `/_localvpc/accounts/${ACCOUNTS.b.uid}`, { billsOutstanding: true });
    try {
      await assert.rejects(w.connect(ini), (e: { code: string }) => e.code === 'Forbidden.BillsOutstanding');
    } finally {
      await admin(srv, 'PATCH', `/_localvpc/accounts/${ACCOUNTS.b.uid}`, { billsOutstanding: false });
    }
    await w.connect(ini);
  });

  test('moving an account to the other site makes CROSS_BID.FORBIDDEN', async () => {
    const { ini } = await w.pair({ iniWho: ACCOUNTS.a, accWho: ACCOUNTS.b, iniRegion: 'cn-wulanchabu', accRegion: 'cn-heyuan' });
    await admin(srv, 'PATCH', `/_localvpc/accounts/${ACCOUNTS.b.uid}`, { site: 'international' });
    try {
      await assert.rejects(
        w.connect(ini),
        (e: { code: string; statusCode: number }) => e.code === 'CROSS_BID.FORBIDDEN' && e.statusCode === 404,
      );
    } finally {
      await admin(srv, 'PATCH', `/_localvpc/accounts/${ACCOUNTS.b.uid}`, { site: 'china' });
    }
  });
});

describe('faults', () => {
  test('a rule makes the SDK receive exactly that error, once; no other call is affected', async () => {
    const { ini } = await w.pair({ iniRegion: 'cn-guangzhou', accRegion: 'cn-fuzhou' });
    const rule = await admin(srv, 'POST', '/_localvpc/faults', {
      action: 'ConnectRouterInterface',
      accountId: ACCOUNTS.a.uid,
      count: 1,
      effect: { error: { code: 'Throttling.User' } },
    });
    assert.equal(rule.status, 201);
    // another action and another account are not affected
    await w.client(ACCOUNTS.b).describeRouterInterfaces(new Vpc.DescribeRouterInterfacesRequest({ regionId: 'cn-guangzhou' }));
    await w.describe(ini);
    await assert.rejects(w.connect(ini), (e: { code: string; statusCode: number; message: string; name: string }) => {
      assert.equal(e.code, 'Throttling.User');
      assert.equal(e.statusCode, 400);
      assert.match(e.message, /Request was denied due to user flow control\./);
      return true;
    });
    assert.equal(await w.status(ini), 'Idle', 'the failed call changed nothing');
    await w.connect(ini); // the rule fired its one time
    const list = await admin(srv, 'GET', '/_localvpc/faults');
    assert.equal(list.body.faults[0].fired, 1);
    const journal = await admin(srv, 'GET', '/_localvpc/journal?eventType=Fault');
    assert.ok(journal.body.events.some((e: { errorCode: string }) => e.errorCode === 'Throttling.User'));
    await admin(srv, 'DELETE', '/_localvpc/faults');
  });

  test('an error from the spec catalog by code alone, on the Nth call, matched by resource id', async () => {
    const { ini } = await w.pair({ iniRegion: 'cn-nanjing', accRegion: 'cn-wuhan-lr' });
    await admin(srv, 'POST', '/_localvpc/faults', { resourceId: ini.id, nth: 2, effect: { error: { code: 'ServiceUnavailable' } } });
    await w.describe(ini); // 1st matching call
    const pop = popClient(srv.port);
    await assert.rejects(
      pop.request('DescribeRouterInterfaceAttribute', { RegionId: ini.regionId, InstanceId: ini.id }),
      (e: { code: string; entry: { response: { statusCode: number } } }) =>
        e.code === 'ServiceUnavailable' && e.entry.response.statusCode === 503,
    );
    await w.describe(ini); // 3rd: passes
    await admin(srv, 'DELETE', '/_localvpc/faults');
  });

  test('added latency', async () => {
    await admin(srv, 'POST', '/_localvpc/faults', { action: 'DescribeRegions', count: 1, effect: { latencyMs: 150 } });
    const t0 = Date.now();
    await w.client().describeRegions(new Vpc.DescribeRegionsRequest({}));
    assert.ok(Date.now() - t0 >= 140);
    await admin(srv, 'DELETE', '/_localvpc/faults');
  });

  test('a stuck transition, and a transition that fails on one side', async () => {
    const p1 = await w.pair({ iniRegion: 'ap-northeast-1', accRegion: 'ap-southeast-1' });
    await admin(srv, 'POST', '/_localvpc/faults', {
      action: 'ConnectRouterInterface',
      resourceId: p1.ini.id,
      count: 1,
      effect: { transition: 'stuck' },
    });
    await w.connect(p1.ini);
    await admin(srv, 'POST', '/_localvpc/clock/advance', { duration: '1h' });
    assert.equal(await w.status(p1.ini), 'Connecting');
    assert.equal(await w.status(p1.acc), 'AcceptingConnecting');
    await admin(srv, 'POST', `/_localvpc/transitions/${p1.ini.id}/step`);
    assert.equal(await w.status(p1.ini), 'Active');
    assert.equal(await w.status(p1.acc), 'Active');

    const p2 = await w.pair({ iniRegion: 'ap-south-1', accRegion: 'me-east-1' });
    await admin(srv, 'POST', '/_localvpc/faults', {
      action: 'ConnectRouterInterface',
      resourceId: p2.ini.id,
      count: 1,
      effect: { transition: 'fail-peer' },
    });
    await w.connect(p2.ini);
    await w.waitFor(p2.ini, 'Active');
    assert.equal(await w.status(p2.acc), 'Idle');
    await admin(srv, 'DELETE', '/_localvpc/faults');
  });
});

describe('transitions and the clock', () => {
  test('under manual an interface stays Connecting until stepped; the clock does not move it', async () => {
    await admin(srv, 'PUT', '/_localvpc/transitions/profile', { profile: 'manual' });
    try {
      const { ini, acc } = await w.pair({ iniRegion: 'us-east-1', accRegion: 'us-west-1' });
      await w.connect(ini);
      await admin(srv, 'POST', '/_localvpc/clock/advance', { duration: '2h' });
      assert.equal(await w.status(ini), 'Connecting');
      const pending = await admin(srv, 'GET', '/_localvpc/transitions');
      assert.ok(pending.body.pending.some((p: { id: string; held: boolean }) => p.id === ini.id && p.held));
      assert.equal((await admin(srv, 'POST', `/_localvpc/transitions/${ini.id}/step`)).status, 200);
      assert.equal(await w.status(ini), 'Active');
      assert.equal(await w.status(acc), 'Active');
      assert.equal((await admin(srv, 'POST', `/_localvpc/transitions/${ini.id}/step`)).body.error.code, 'NotInTransition');
    } finally {
      await admin(srv, 'PUT', '/_localvpc/transitions/profile', { profile: 'fast', fastDelayMs: 0 });
    }
  });

  test('hold and release a transition', async () => {
    await admin(srv, 'PUT', '/_localvpc/transitions/profile', { profile: 'fast', fastDelayMs: 60_000 });
    try {
      const { ini } = await w.pair({ iniRegion: 'eu-west-1', accRegion: 'eu-central-1' });
      await w.connect(ini);
      await admin(srv, 'POST', `/_localvpc/transitions/${ini.id}/hold`);
      await admin(srv, 'POST', '/_localvpc/clock/advance', { duration: '2m' });
      assert.equal(await w.status(ini), 'Connecting');
      await admin(srv, 'POST', `/_localvpc/transitions/${ini.id}/release`);
      await admin(srv, 'POST', '/_localvpc/clock/advance', { duration: '10m' });
      assert.equal(await w.status(ini), 'Active');
    } finally {
      await admin(srv, 'PUT', '/_localvpc/transitions/profile', { profile: 'fast', fastDelayMs: 0 });
    }
  });

  test('advancing the clock completes transitions and moves every time field', async () => {
    await admin(srv, 'PUT', '/_localvpc/transitions/profile', { profile: 'realistic' });
    try {
      const { ini } = await w.pair({ iniRegion: 'ap-southeast-3', accRegion: 'ap-southeast-5' });
      const createdBefore = Date.parse((await w.describe(ini))?.creationTime ?? '');
      await w.connect(ini);
      assert.equal(await w.status(ini), 'Connecting');
      const clock = await admin(srv, 'POST', '/_localvpc/clock/advance', { duration: '3d' });
      assert.ok(clock.body.offsetMs >= 3 * 86_400_000 - 60_000);
      const item = await w.describe(ini);
      assert.equal(item?.status, 'Active');
      const connected = Date.parse(item?.connectedTime ?? '');
      assert.ok(connected - createdBefore < 60_000, 'connected at the due time of the transition');
      const v = await w.vpc('ap-southeast-6');
      const vpc = (await w.client().describeVpcs(new Vpc.DescribeVpcsRequest({ regionId: 'ap-southeast-6', vpcId: v.vpcId }))).body?.vpcs
        ?.vpc?.[0];
      assert.ok(Date.parse(vpc?.creationTime ?? '') - Date.now() > 3 * 86_400_000 - 120_000, 'CreationTime follows the emulator clock');
    } finally {
      await admin(srv, 'PUT', '/_localvpc/transitions/profile', { profile: 'fast', fastDelayMs: 0 });
    }
  });
});

describe('snapshots and the journal', () => {
  test('export, reset and import give an identical DescribeRouterInterfaces answer', async () => {
    const listing = async () => {
      const r = await w
        .client()
        .describeRouterInterfaces(new Vpc.DescribeRouterInterfacesRequest({ regionId: 'cn-hangzhou', pageSize: 50 }));
      return JSON.stringify({ ...r.body?.toMap(), RequestId: undefined });
    };
    await w.pair();
    const beforeExport = await listing();
    assert.match(beforeExport, /ri-/);
    // version 3: NDJSON, streamed out and in
    const exported = await fetch(`${srv.url}/_localvpc/snapshots/export`, { headers: { authorization: `Bearer ${srv.app.adminToken}` } });
    assert.equal(exported.headers.get('content-type'), 'application/x-ndjson');
    const ndjson = await exported.text();
    assert.match(ndjson.split('\n')[0] ?? '', /^\{"format":"localvpc-snapshot","version":3,"schema":/);
    const importNdjson = (text: string) =>
      fetch(`${srv.url}/_localvpc/snapshots/import`, {
        method: 'POST',
        headers: { authorization: `Bearer ${srv.app.adminToken}`, 'content-type': 'application/x-ndjson' },
        body: text,
      });
    assert.equal((await admin(srv, 'POST', '/_localvpc/reset', { keepAccounts: true })).status, 200);
    assert.doesNotMatch(await listing(), /ri-/);
    const imp = await importNdjson(ndjson);
    assert.equal(imp.status, 200, await imp.clone().text());
    assert.equal(await listing(), beforeExport);
    // version 2: one JSON document
    const doc = await admin(srv, 'GET', '/_localvpc/snapshots/export?version=2');
    assert.equal(doc.body.version, 2);
    assert.equal((await admin(srv, 'POST', '/_localvpc/reset', { keepAccounts: true })).status, 200);
    assert.equal((await admin(srv, 'POST', '/_localvpc/snapshots/import', doc.body)).status, 200);
    assert.equal(await listing(), beforeExport);
    // malformed or truncated input changes nothing
    const lines = ndjson.trimEnd().split('\n');
    for (const [bad, message] of [
      [{ ...doc.body, tables: { nope: [] } }, /unknown table nope/],
      [lines.slice(0, -3).concat(lines.slice(-1)).join('\n'), /The end line counts \d+ (rows|tables); \d+ arrived/],
      [lines.slice(0, 3).concat(['{not json']).join('\n'), /Line 4 is not JSON/],
      [[lines[0], '{"table":"vpcs","columns":["id"]}', '["vpc-1","extra"]'].join('\n'), /Line 3: 2 values for 1 columns/],
      [JSON.stringify({ ...JSON.parse(lines[0] ?? '{}'), version: 9 }), /not the header of a localvpc-snapshot stream of version 3/],
    ] as const) {
      const r =
        typeof bad === 'string'
          ? await importNdjson(bad)
          : await fetch(`${srv.url}/_localvpc/snapshots/import`, {
              method: 'POST',
              headers: { authorization: `Bearer ${srv.app.adminToken}`, 'content-type': 'application/json' },
              body: JSON.stringify(bad),
            });
      assert.equal(r.status, 400);
      const body = (await r.json()) as { error: { code: string; message: string } };
      assert.equal(body.error.code, 'InvalidSnapshot');
      assert.match(body.error.message, message);
      assert.equal(await listing(), beforeExport);
    }
  });

  test('a snapshot of an older schema is migrated on import; one of a newer schema is refused', async () => {
    await w.pair({ iniRegion: 'cn-beijing', accRegion: 'cn-qingdao' });
    const before = await exportedTables(srv.url, srv.app.adminToken);
    const doc = (await admin(srv, 'GET', '/_localvpc/snapshots/export?version=2')).body;
    // router-interface 1 had no filter indexes, shared 2 no nonce and meta tables: the rows are the same
    const older = { ...doc, schema: { ...doc.schema, 'router-interface': 1, shared: 2 } };
    const r = await admin(srv, 'POST', '/_localvpc/snapshots/import', older);
    assert.equal(r.status, 200, JSON.stringify(r.body));
    assert.deepEqual(await exportedTables(srv.url, srv.app.adminToken), before);
    const newer = await admin(srv, 'POST', '/_localvpc/snapshots/import', { ...doc, schema: { ...doc.schema, vpc: 99 } });
    assert.equal(newer.status, 400);
    assert.match(newer.body.error.message, /module vpc is at version 99, newer than this LocalVPC's/);
    const unknown = await admin(srv, 'POST', '/_localvpc/snapshots/import', { ...doc, schema: { ...doc.schema, nat: 1 } });
    assert.match(unknown.body.error.message, /module nat is not part of this LocalVPC/);
  });

  test('import refuses mistyped rows and values outside a state machine, naming the row, and changes nothing', async () => {
    await w.pair();
    const doc = (await admin(srv, 'GET', '/_localvpc/snapshots/export?version=2')).body;
    const before = JSON.stringify(await exportedTables(srv.url, srv.app.adminToken));
    const ri = doc.tables.router_interfaces[0];
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ dueAt: 'soon' }, /tables\.router_interfaces\[0\]\.dueAt: "soon" is not an integer/],
      [{ status: 'Bogus' }, /tables\.router_interfaces\[0\]\.status: "Bogus" is not one of "Idle"/],
      [{ pendingStatus: 'Later' }, /pendingStatus: "Later" is not one of/],
      [{ role: 'Sideways' }, /role: "Sideways" is not one of/],
      [{ createdAt: 1.5 }, /createdAt: 1.5 is not an integer/],
      [{ name: 42 }, /name: 42 is not a string/],
      [{ autoRenew: 'yes' }, /autoRenew: "yes" is not a boolean/],
      [{ id: undefined }, /column id is missing/],
      [{ extra: 'x' }, /unknown column extra/],
    ];
    for (const [change, message] of cases) {
      const row = { ...ri, ...change };
      for (const k of Object.keys(change)) if (change[k] === undefined) delete row[k];
      const tables = { ...doc.tables, router_interfaces: [row, ...doc.tables.router_interfaces.slice(1)] };
      const r = await admin(srv, 'POST', '/_localvpc/snapshots/import', { ...doc, tables });
      assert.equal(r.status, 400, JSON.stringify(change));
      assert.equal(r.body.error.code, 'InvalidSnapshot');
      assert.match(r.body.error.message, message);
    }
    assert.equal(JSON.stringify(await exportedTables(srv.url, srv.app.adminToken)), before);
  });

  test('save and restore a named snapshot in place', async () => {
    assert.equal((await admin(srv, 'POST', '/_localvpc/snapshots', { name: 'baseline' })).status, 201);
    const count = async () => (await w.client().describeVpcs(new Vpc.DescribeVpcsRequest({ regionId: 'cn-shenzhen' }))).body?.totalCount;
    const n = await count();
    await w.vpc('cn-shenzhen');
    assert.equal(await count(), (n ?? 0) + 1);
    await admin(srv, 'POST', '/_localvpc/snapshots/baseline/restore');
    assert.equal(await count(), n);
    assert.equal((await admin(srv, 'GET', '/_localvpc/snapshots')).body.snapshots[0].name, 'baseline');
  });

  test('the journal records API calls and transitions, filterable and paged', async () => {
    const { ini } = await w.pair({ iniRegion: 'cn-chengdu', accRegion: 'cn-qingdao' });
    await w.connect(ini);
    await w.describe(ini);
    const calls = await admin(srv, 'GET', `/_localvpc/journal?eventType=ApiCall&eventName=ConnectRouterInterface&resourceName=${ini.id}`);
    assert.equal(calls.body.total, 1);
    const e = calls.body.events[0];
    assert.equal(e.userIdentity.accountId, ACCOUNTS.a.uid);
    assert.equal(e.acsRegion, 'cn-chengdu');
    assert.match(e.requestId, /^[0-9A-F-]{36}$/);
    const transitions = await admin(srv, 'GET', `/_localvpc/journal?eventType=Transition&resourceName=${ini.id}`);
    assert.equal(transitions.body.events[0].to, 'Active');
    const page = await admin(srv, 'GET', '/_localvpc/journal?limit=2&offset=1');
    assert.equal(page.body.events.length, 2);
    // a mistyped query is refused, not ignored
    for (const [q, message] of [
      ['limit=abc', /"limit" must be a whole number, got "abc"/],
      ['limt=5', /Unknown query parameter "limt" \(did you mean "limit"\?\)/],
    ] as const) {
      const r = await admin(srv, 'GET', `/_localvpc/journal?${q}`);
      assert.equal(r.status, 400, q);
      assert.equal(r.body.error.code, 'InvalidQuery');
      assert.match(r.body.error.message, message);
    }
  });
});

describe('actions run through the admin API', () => {
  test('an action runs as the named account, through the same engine: SDK sees it, journal says admin', async () => {
    const r = await admin(srv, 'POST', '/_localvpc/call', {
      account: ACCOUNTS.b.uid,
      action: 'CreateVpc',
      params: { RegionId: 'cn-beijing', CidrBlock: '10.9.0.0/16', VpcName: 'from-admin', Tag: [{ Key: 'team', Value: 'net' }] },
    });
    assert.equal(r.status, 200, JSON.stringify(r.body));
    const vpcId: string = r.body.result.VpcId;
    assert.match(vpcId, /^vpc-2ze/);
    const seen = await w.client(ACCOUNTS.b).describeVpcs(new Vpc.DescribeVpcsRequest({ regionId: 'cn-beijing', vpcId }));
    assert.equal(seen.body?.vpcs?.vpc?.[0]?.vpcName, 'from-admin');
    assert.deepEqual(
      seen.body?.vpcs?.vpc?.[0]?.tags?.tag?.map((t) => [t.key, t.value]),
      [['team', 'net']],
    );
    const other = await w.client(ACCOUNTS.a).describeVpcs(new Vpc.DescribeVpcsRequest({ regionId: 'cn-beijing', vpcId }));
    assert.equal(other.body?.totalCount, 0, 'it belongs to the named account only');
    const j = await admin(srv, 'GET', `/_localvpc/journal?eventName=CreateVpc&resourceName=${vpcId}`);
    assert.equal(j.body.events[0]?.eventSource, 'admin');
    assert.equal(j.body.events[0]?.requestId, r.body.requestId);
  });

  test("an action's error comes back with Alibaba's code and status, and changes nothing", async () => {
    const before = await exportedTables(srv.url, srv.app.adminToken);
    const bad = await admin(srv, 'POST', '/_localvpc/call', {
      action: 'CreateVpc',
      params: { RegionId: 'cn-beijing', CidrBlock: '300.0.0.0/8' },
    });
    assert.equal(bad.status, 400);
    assert.equal(bad.body.error.code, 'InvalidParameter');
    const region = await admin(srv, 'POST', '/_localvpc/call', { action: 'DescribeVpcs', params: { RegionId: 'cn-nowhere' } });
    assert.equal(region.body.error.code, 'InvalidRegionId.NotFound');
    const missing = await admin(srv, 'POST', '/_localvpc/call', { action: 'CreateVpc', params: {} });
    assert.equal(missing.body.error.code, 'MissingParameter');
    const unimplemented = await admin(srv, 'POST', '/_localvpc/call', {
      action: 'CreateNatGateway',
      params: { RegionId: 'cn-beijing', VpcId: 'vpc-x' },
    });
    assert.equal(unimplemented.body.error.code, 'UnsupportedOperation.LocalVPC');
    assert.deepEqual(await exportedTables(srv.url, srv.app.adminToken), before);
    assert.equal((await admin(srv, 'POST', '/_localvpc/call', { account: '1999999999999999', action: 'DescribeRegions' })).status, 404);
    assert.equal((await admin(srv, 'POST', '/_localvpc/call', { action: 'DescribeRegions', params: 'RegionId=x' })).status, 400);
    assert.equal((await admin(srv, 'POST', '/_localvpc/call', { action: 'DescribeRegions' }, null)).status, 401);
  });
});
