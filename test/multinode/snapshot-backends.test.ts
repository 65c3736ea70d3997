// Snapshots move between the back ends: state built on SQLite, exported (NDJSON, version 3),
// imported into a server on PostgreSQL, exported from there and imported into a fresh SQLite
// server gives the same Describe answers at every step (RequestIds aside).
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { ACCOUNTS, openWorld, startWorld } from '../helpers/world.js';
import { Vpc, vpcClient } from '../helpers/clients.js';
import type { TestServer } from '../helpers/server.js';
import { closePostgres, freshDatabase } from '../helpers/postgres.js';

const servers: TestServer[] = [];
after(async () => {
  for (const s of servers) await s.close();
  await closePostgres();
});

/** The Describe answers of a server, without RequestIds. */
async function answers(srv: TestServer): Promise<string> {
  const out: unknown[] = [];
  for (const who of [ACCOUNTS.a, ACCOUNTS.b]) {
    const c = vpcClient(srv.port, { key: who.key });
    for (const regionId of ['cn-hangzhou', 'cn-shanghai']) {
      out.push((await c.describeVpcs(new Vpc.DescribeVpcsRequest({ regionId, pageSize: 50 }))).body);
      out.push((await c.describeRouterInterfaces(new Vpc.DescribeRouterInterfacesRequest({ regionId, pageSize: 50 }))).body);
      out.push((await c.describeVSwitches(new Vpc.DescribeVSwitchesRequest({ regionId, pageSize: 50 }))).body);
      out.push((await c.describeRouteTableList(new Vpc.DescribeRouteTableListRequest({ regionId, pageSize: 50 }))).body);
    }
  }
  return JSON.stringify(out, (k, v: unknown) => (k === 'requestId' || k === 'RequestId' ? undefined : v));
}

async function exported(srv: TestServer): Promise<string> {
  const r = await fetch(`${srv.url}/_localvpc/snapshots/export`, { headers: { authorization: `Bearer ${srv.app.adminToken}` } });
  assert.equal(r.status, 200);
  return r.text();
}

async function imported(srv: TestServer, ndjson: string): Promise<void> {
  const r = await fetch(`${srv.url}/_localvpc/snapshots/import`, {
    method: 'POST',
    headers: { authorization: `Bearer ${srv.app.adminToken}`, 'content-type': 'application/x-ndjson' },
    body: ndjson,
  });
  assert.equal(r.status, 200, await r.text());
}

test('SQLite -> PostgreSQL -> SQLite: identical Describe answers', async () => {
  const { srv: first, w } = await openWorld({ transitionDelayMs: 0 });
  servers.push(first);
  // connected pairs across accounts, a vSwitch, a tagged VPC, an idle interface
  const { ini } = await w.pair({ iniWho: ACCOUNTS.a, accWho: ACCOUNTS.b });
  await w.connect(ini);
  await w.waitFor(ini, 'Active');
  const v = await w.vpc('cn-hangzhou');
  await w
    .client()
    .createVSwitch(
      new Vpc.CreateVSwitchRequest({ regionId: 'cn-hangzhou', vpcId: v.vpcId, zoneId: 'cn-hangzhou-h', cidrBlock: '10.0.1.0/24' }),
    );
  await w.pair();
  const want = await answers(first);

  const onPg = await startWorld({ store: await freshDatabase() });
  servers.push(onPg);
  await imported(onPg, await exported(first));
  assert.equal(await answers(onPg), want);

  const back = await startWorld();
  servers.push(back);
  await imported(back, await exported(onPg));
  assert.equal(await answers(back), want);
});
