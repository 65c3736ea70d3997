// Faults of the database itself (a throwaway PostgreSQL only: the test stops and starts it).
// While PostgreSQL is down a node answers Alibaba's ServiceUnavailable envelope naming the cause
// and reports ready:false; it reconnects by itself when the database returns. Under write load
// with the database stopped and started: every acknowledged write is there afterwards, and a create
// whose answer was lost, sent again with its ClientToken, is never applied twice.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { closePostgres, freshDatabase, postgresIsEmbedded, startPostgres, stopPostgres } from '../helpers/postgres.js';
import { eventually, startNodes, type Nodes } from '../helpers/nodes.js';
import { Vpc, vpcClient } from '../helpers/clients.js';
import { exportedTables } from '../helpers/admin.js';
import { TEST_TOKEN } from '../helpers/child.js';
import { checkInvariants } from '../reliability/invariants.js';

let cluster: Nodes | undefined;
let embedded = false;

before(async () => {
  embedded = await postgresIsEmbedded();
  if (embedded) cluster = await startNodes(2, await freshDatabase());
});

after(async () => {
  await cluster?.close();
  await closePostgres();
});

async function health(port: number): Promise<{ status: number; body: { ready: boolean; reason?: string } }> {
  const r = await fetch(`http://127.0.0.1:${port}/_localvpc/health`);
  return { status: r.status, body: (await r.json()) as { ready: boolean; reason?: string } };
}

test('PostgreSQL down: ServiceUnavailable naming the cause, ready:false; back: the node reconnects by itself', async (t) => {
  if (!cluster) return t.skip('needs the throwaway PostgreSQL (LOCALVPC_TEST_PG_URL names a server the test may not stop)');
  const [a, b] = cluster.nodes as [NonNullable<Nodes['nodes'][0]>, NonNullable<Nodes['nodes'][0]>];
  const c = vpcClient(a.port);
  const made = await c.createVpc(new Vpc.CreateVpcRequest({ regionId: 'cn-hangzhou', cidrBlock: '10.0.0.0/16' }));
  const vpcId = made.body?.vpcId as string;
  await stopPostgres();
  try {
    const e = (await c.describeVpcs(new Vpc.DescribeVpcsRequest({ regionId: 'cn-hangzhou' })).catch((x: unknown) => x)) as {
      code?: string;
      statusCode?: number;
      message?: string;
    };
    assert.equal(e.code, 'ServiceUnavailable');
    assert.equal(e.statusCode, 503);
    assert.match(e.message ?? '', /PostgreSQL/);
    for (const n of [a, b]) {
      await eventually('health reports not ready', async () => (await health(n.port)).status === 503, 5000);
      const h = await health(n.port);
      assert.equal(h.body.ready, false);
      assert.match(h.body.reason ?? '', /PostgreSQL/);
    }
  } finally {
    await startPostgres();
  }
  for (const n of [a, b]) await eventually('health ready again', async () => (await health(n.port)).body.ready, 10_000);
  const r = await vpcClient(b.port).describeVpcs(new Vpc.DescribeVpcsRequest({ regionId: 'cn-hangzhou', vpcId }));
  assert.equal(r.body?.vpcs?.vpc?.[0]?.vpcId, vpcId, 'the write acknowledged before the outage is there');
});

test('PostgreSQL stopped and started under write load: nothing acknowledged lost, nothing applied twice', async (t) => {
  if (!cluster) return t.skip('needs the throwaway PostgreSQL');
  const nodes = cluster.nodes;
  const acked = new Map<string, string>(); // ClientToken -> VpcId
  const unanswered = new Set<string>();
  const stop = { now: false };
  let n = 0;
  const worker = async (w: number): Promise<void> => {
    const c = vpcClient(nodes[w % nodes.length]!.port);
    while (!stop.now) {
      const token = `load-${w}-${n++}`;
      try {
        const r = await c.createVpc(new Vpc.CreateVpcRequest({ regionId: 'cn-shanghai', cidrBlock: '10.1.0.0/16', clientToken: token }));
        acked.set(token, r.body?.vpcId as string);
      } catch {
        unanswered.add(token);
        await new Promise((r) => setTimeout(r, 50));
      }
    }
  };
  const workers = Array.from({ length: 4 }, (_, i) => worker(i));
  await eventually('some writes acknowledged', () => Promise.resolve(acked.size >= 5), 10_000);
  await stopPostgres();
  await new Promise((r) => setTimeout(r, 500));
  await startPostgres();
  const before = acked.size;
  await eventually('more writes after the restart', () => Promise.resolve(acked.size > before + 5), 20_000);
  stop.now = true;
  await Promise.allSettled(workers);
  // the writes whose answer was lost, sent again with their ClientToken: applied once, or now
  const c = vpcClient(nodes[0]!.port);
  for (const token of unanswered) {
    const r = await c.createVpc(new Vpc.CreateVpcRequest({ regionId: 'cn-shanghai', cidrBlock: '10.1.0.0/16', clientToken: token }));
    acked.set(token, r.body?.vpcId as string);
  }
  const tables = await exportedTables(nodes[1]!.url, TEST_TOKEN);
  assert.deepEqual(checkInvariants(tables), []);
  const stored = new Set((tables.vpcs ?? []).filter((v) => v.regionId === 'cn-shanghai').map((v) => v.id as string));
  for (const [token, id] of acked) assert.ok(stored.has(id), `acknowledged ${id} (${token}) lost`);
  assert.equal(stored.size, new Set(acked.values()).size, 'one VPC per ClientToken: nothing applied twice');
  assert.equal(new Set(acked.values()).size, acked.size, 'no two tokens answered with the same VPC');
});
