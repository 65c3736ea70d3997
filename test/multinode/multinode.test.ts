// Several LocalVPC nodes on one PostgreSQL database behave as one emulator: 3 nodes (child
// processes on their own ports), the checks run over the first 2 and over all 3. Writes are seen
// across nodes; 32 parallel connects spread over the nodes give exactly one success; a node
// SIGKILLed while its transitions are under way leaves them to the others, each completed once; a
// nonce used on one node is refused on another; a fault with count 1 fires once in all; the clock
// advanced through one node moves the others; a key disabled through one node is refused by the
// others within a second.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { closePostgres, freshDatabase } from '../helpers/postgres.js';
import { eventually, nodeAdmin, startNodes, TEST_TOKEN, type Nodes } from '../helpers/nodes.js';
import { exportedTables } from '../helpers/admin.js';
import { checkInvariants } from '../reliability/invariants.js';
import type { ChildServer } from '../helpers/child.js';
import { Vpc, vpcClient, type Key, type VpcClient } from '../helpers/clients.js';
import { v1 } from '../helpers/raw.js';
import { DEFAULT_KEY, DEFAULT_UID } from '../helpers/server.js';

const DELAY_MS = 300;
let cluster: Nodes;

before(async () => {
  cluster = await startNodes(3, await freshDatabase(), ['--profile', 'fast', '--transition-delay', String(DELAY_MS)]);
});

after(async () => {
  await cluster?.close();
  await closePostgres();
});

const client = (n: ChildServer, key: Key = DEFAULT_KEY): VpcClient => vpcClient(n.port, { key });

interface End {
  id: string;
  regionId: string;
}

async function vpc(n: ChildServer, regionId: string): Promise<{ vpcId: string; routerId: string }> {
  const r = await client(n).createVpc(new Vpc.CreateVpcRequest({ regionId, cidrBlock: '10.0.0.0/16' }));
  const body = r.body as unknown as { vpcId: string; VRouterId: string };
  return { vpcId: body.vpcId, routerId: body.VRouterId };
}

/** Two VPCs and an initiator and acceptor pointing at each other, made through node `n`. */
async function pair(n: ChildServer): Promise<{ ini: End; acc: End }> {
  const c = client(n);
  const v1 = await vpc(n, 'cn-hangzhou');
  const v2 = await vpc(n, 'cn-shanghai');
  const make = async (regionId: string, routerId: string, role: string, opposite: string): Promise<string> =>
    (
      await c.createRouterInterface(
        new Vpc.CreateRouterInterfaceRequest({
          regionId,
          role,
          routerType: 'VRouter',
          routerId,
          spec: role === 'AcceptingSide' ? 'Negative' : 'Large.2',
          oppositeRegionId: opposite,
        }),
      )
    ).body?.routerInterfaceId as string;
  const ini = {
    id: await make('cn-hangzhou', v1.routerId, 'InitiatingSide', 'cn-shanghai'),
    regionId: 'cn-hangzhou',
    routerId: v1.routerId,
  };
  const acc = {
    id: await make('cn-shanghai', v2.routerId, 'AcceptingSide', 'cn-hangzhou'),
    regionId: 'cn-shanghai',
    routerId: v2.routerId,
  };
  for (const [self, other] of [
    [ini, acc],
    [acc, ini],
  ] as const)
    await c.modifyRouterInterfaceAttribute(
      new Vpc.ModifyRouterInterfaceAttributeRequest({
        regionId: self.regionId,
        routerInterfaceId: self.id,
        oppositeInterfaceId: other.id,
        oppositeRouterId: other.routerId,
        oppositeRouterType: 'VRouter',
        oppositeInterfaceOwnerId: Number(DEFAULT_UID),
      }),
    );
  return { ini, acc };
}

async function status(n: ChildServer, e: End): Promise<string | undefined> {
  const r = await client(n).describeRouterInterfaces(
    new Vpc.DescribeRouterInterfacesRequest({
      regionId: e.regionId,
      filter: [new Vpc.DescribeRouterInterfacesRequestFilter({ key: 'RouterInterfaceId', value: [e.id] })],
    }),
  );
  return r.body?.routerInterfaceSet?.routerInterfaceType?.[0]?.status;
}

const connect = (n: ChildServer, e: End) =>
  client(n).connectRouterInterface(new Vpc.ConnectRouterInterfaceRequest({ regionId: e.regionId, routerInterfaceId: e.id }));

for (const count of [2, 3]) {
  describe(`${count} nodes on one database`, () => {
    const some = (): ChildServer[] => cluster.nodes.slice(0, count);

    test('a write acknowledged by one node is seen by every node’s next read', async () => {
      const nodes = some();
      const { vpcId } = await vpc(nodes[0]!, 'cn-beijing');
      for (const n of nodes) {
        const r = await client(n).describeVpcs(new Vpc.DescribeVpcsRequest({ regionId: 'cn-beijing', vpcId }));
        assert.equal(r.body?.vpcs?.vpc?.[0]?.vpcId, vpcId);
      }
      const last = nodes[nodes.length - 1]!;
      // its Pending -> Available transition completes on whichever node is there
      await eventually(
        'the VPC is Available',
        async () =>
          (await client(last).describeVpcs(new Vpc.DescribeVpcsRequest({ regionId: 'cn-beijing', vpcId }))).body?.vpcs?.vpc?.[0]?.status ===
          'Available',
      );
      await client(last).modifyVpcAttribute(
        new Vpc.ModifyVpcAttributeRequest({ regionId: 'cn-beijing', vpcId, description: `via ${count}` }),
      );
      for (const n of nodes) {
        const r = await client(n).describeVpcAttribute(new Vpc.DescribeVpcAttributeRequest({ regionId: 'cn-beijing', vpcId }));
        assert.equal(r.body?.description, `via ${count}`);
      }
    });

    test('32 parallel ConnectRouterInterface calls spread over the nodes: exactly one succeeds', async () => {
      const nodes = some();
      const { ini, acc } = await pair(nodes[0]!);
      const results = await Promise.allSettled(Array.from({ length: 32 }, (_, i) => connect(nodes[i % nodes.length]!, ini)));
      const ok = results.filter((r) => r.status === 'fulfilled').length;
      const codes = results.flatMap((r) => (r.status === 'rejected' ? [(r.reason as { code: string }).code] : []));
      assert.equal(ok, 1, `codes: ${codes.join(', ')}`);
      assert.deepEqual([...new Set(codes)], ['IncorrectRIStatus']);
      // every node's consistent view: the pair's ends in matching states, and every other invariant
      for (const n of nodes) assert.deepEqual(checkInvariants(await exportedTables(n.url, TEST_TOKEN)), []);
      for (const n of nodes) await eventually(`${acc.id} Active on ${n.port}`, async () => (await status(n, acc)) === 'Active');
    });

    test('ClientToken: the same CreateVpc sent to every node at once creates one VPC', async () => {
      const nodes = some();
      const clientToken = `token-${count}-${Math.random()}`;
      const answers = await Promise.all(
        Array.from({ length: 4 * nodes.length }, (_, i) =>
          client(nodes[i % nodes.length]!).createVpc(
            new Vpc.CreateVpcRequest({ regionId: 'cn-qingdao', cidrBlock: '172.16.0.0/12', clientToken }),
          ),
        ),
      );
      const ids = new Set(answers.map((a) => a.body?.vpcId));
      assert.equal(ids.size, 1);
      const listed = await client(nodes[0]!).describeVpcs(new Vpc.DescribeVpcsRequest({ regionId: 'cn-qingdao', pageSize: 50 }));
      assert.equal(listed.body?.vpcs?.vpc?.filter((v) => v.vpcId === [...ids][0]).length, 1);
      assert.equal(listed.body?.totalCount, count === 2 ? 1 : 2, 'one VPC per token in cn-qingdao');
    });

    test('at most 5 interfaces per router, with creates spread over the nodes', async () => {
      const nodes = some();
      const { routerId } = await vpc(nodes[0]!, 'cn-hangzhou');
      const results = await Promise.allSettled(
        Array.from({ length: 12 }, (_, i) =>
          client(nodes[i % nodes.length]!).createRouterInterface(
            new Vpc.CreateRouterInterfaceRequest({
              regionId: 'cn-hangzhou',
              role: 'InitiatingSide',
              routerType: 'VRouter',
              routerId,
              spec: 'Small.1',
              oppositeRegionId: 'cn-shanghai',
            }),
          ),
        ),
      );
      assert.equal(results.filter((r) => r.status === 'fulfilled').length, 5);
      const codes = new Set(results.flatMap((r) => (r.status === 'rejected' ? [(r.reason as { code: string }).code] : [])));
      assert.deepEqual([...codes], ['LimitationExceed.InterfaceNumberOnRouter']);
    });

    test('a nonce used on one node is refused on another: SignatureNonceUsed', async () => {
      const [a, b] = some();
      const nonce = `multi-node-${count}-${Math.random()}`;
      assert.equal((await v1(a!.port, { Action: 'DescribeRegions' }, { common: { SignatureNonce: nonce } })).status, 200);
      const replay = await v1(b!.port, { Action: 'DescribeRegions' }, { common: { SignatureNonce: nonce } });
      assert.equal(replay.status, 400);
      assert.equal(replay.json().Code, 'SignatureNonceUsed');
    });

    test('a fault with count 1 fires once across all the nodes', async () => {
      const nodes = some();
      const added = await nodeAdmin(nodes[0]!, 'POST', '/_localvpc/faults', {
        action: 'DescribeVSwitches',
        count: 1,
        effect: { error: { code: 'Throttling.User' } },
      });
      assert.equal(added.status, 201);
      try {
        const results = await Promise.allSettled(
          Array.from({ length: 4 * nodes.length }, (_, i) =>
            client(nodes[i % nodes.length]!).describeVSwitches(new Vpc.DescribeVSwitchesRequest({ regionId: 'cn-hangzhou' })),
          ),
        );
        const failed = results.filter((r) => r.status === 'rejected');
        assert.equal(failed.length, 1);
        assert.equal(((failed[0] as PromiseRejectedResult).reason as { code: string }).code, 'Throttling.User');
        const listed = await nodeAdmin(nodes[nodes.length - 1]!, 'GET', '/_localvpc/faults');
        const rule = (listed.body.faults as { id: string; fired: number }[]).find((f) => f.id === added.body.id);
        assert.equal(rule?.fired, 1);
      } finally {
        await nodeAdmin(nodes[0]!, 'DELETE', `/_localvpc/faults/${String(added.body.id)}`);
      }
    });

    test('a fault with nth 3 fires on the third matching call, whichever node takes it', async () => {
      const nodes = some();
      const added = await nodeAdmin(nodes[0]!, 'POST', '/_localvpc/faults', {
        action: 'DescribeRouteTableList',
        nth: 3,
        effect: { error: { code: 'Throttling.User' } },
      });
      assert.equal(added.status, 201);
      try {
        const outcomes: string[] = [];
        for (let i = 0; i < 5; i++) {
          const n = nodes[(i + 1) % nodes.length]!;
          // every node knows of the rule before it is asked (it learns of it by NOTIFY)
          await eventually('the rule is known', async () => (await nodeAdmin(n, 'GET', '/_localvpc/faults')).body.faults.length > 0);
          outcomes.push(
            await client(n)
              .describeRouteTableList(new Vpc.DescribeRouteTableListRequest({ regionId: 'cn-hangzhou' }))
              .then(
                () => 'ok',
                (e: { code: string }) => e.code,
              ),
          );
        }
        assert.deepEqual(outcomes, ['ok', 'ok', 'Throttling.User', 'ok', 'ok']);
      } finally {
        await nodeAdmin(nodes[0]!, 'DELETE', `/_localvpc/faults/${String(added.body.id)}`);
      }
    });

    test('the profile set through one node holds transitions started on another; a third steps them', async () => {
      const nodes = some();
      const [a, b] = nodes;
      const c = nodes[nodes.length - 1]!;
      assert.equal((await nodeAdmin(a!, 'PUT', '/_localvpc/transitions/profile', { profile: 'manual' })).status, 200);
      try {
        await eventually(
          'b has the manual profile',
          async () => (await nodeAdmin(b!, 'GET', '/_localvpc/transitions')).body.profile === 'manual',
        );
        const { vpcId } = await vpc(b!, 'cn-zhangjiakou');
        const pending = await nodeAdmin(c, 'GET', '/_localvpc/transitions');
        const held = (pending.body.pending as { id: string; held: boolean }[]).find((p) => p.id === vpcId);
        assert.equal(held?.held, true, 'held, as every node shows');
        assert.equal((await nodeAdmin(c, 'POST', `/_localvpc/transitions/${vpcId}/step`)).status, 200);
        const r = await client(a!).describeVpcs(new Vpc.DescribeVpcsRequest({ regionId: 'cn-zhangjiakou', vpcId }));
        assert.equal(r.body?.vpcs?.vpc?.[0]?.status, 'Available');
      } finally {
        await nodeAdmin(a!, 'PUT', '/_localvpc/transitions/profile', { profile: 'fast', fastDelayMs: DELAY_MS });
      }
    });

    test('the clock advanced through one node moves the others', async () => {
      const nodes = some();
      const before = (await nodeAdmin(nodes[1]!, 'GET', '/_localvpc/clock')).body.now as number;
      const r = await nodeAdmin(nodes[0]!, 'POST', '/_localvpc/clock/advance', { duration: '2h' });
      assert.equal(r.status, 200);
      for (const n of nodes)
        await eventually(
          `node ${n.port} sees the clock 2 h ahead`,
          async () => ((await nodeAdmin(n, 'GET', '/_localvpc/clock')).body.now as number) >= before + 2 * 3_600_000,
          1000,
        );
    });

    test('a key disabled through one node is refused by the others within a second', async () => {
      const nodes = some();
      const made = await nodeAdmin(nodes[0]!, 'POST', `/_localvpc/accounts/${DEFAULT_UID}/keys`, {});
      assert.equal(made.status, 201);
      const key = { id: made.body.accessKeyId as string, secret: made.body.accessKeySecret as string };
      // every node has used the key (and may keep it in its cache)
      for (const n of nodes) await client(n, key).describeVpcs(new Vpc.DescribeVpcsRequest({ regionId: 'cn-hangzhou' }));
      const off = await nodeAdmin(nodes[0]!, 'PATCH', `/_localvpc/accounts/${DEFAULT_UID}/keys/${key.id}`, { status: 'Inactive' });
      assert.equal(off.status, 200);
      for (const n of nodes.slice(1))
        await eventually(
          `node ${n.port} refuses the disabled key`,
          async () => {
            try {
              await client(n, key).describeVpcs(new Vpc.DescribeVpcsRequest({ regionId: 'cn-hangzhou' }));
              return false;
            } catch (e) {
              assert.equal((e as { code: string }).code, 'InvalidAccessKeyId.Inactive');
              return true;
            }
          },
          1000,
        );
    });
  });
}

describe('a node killed in the middle of transitions', () => {
  test('the other nodes complete them, each once', async () => {
    const [a, b, victim] = cluster.nodes as [ChildServer, ChildServer, ChildServer];
    assert.equal((await nodeAdmin(a, 'PUT', '/_localvpc/transitions/profile', { profile: 'fast', fastDelayMs: 1500 })).status, 200);
    try {
      await eventually(
        'the victim has the new profile',
        async () => (await nodeAdmin(victim, 'GET', '/_localvpc/transitions')).body.fastDelayMs === 1500,
        1000,
      );
      const pairs = [];
      for (let i = 0; i < 4; i++) pairs.push(await pair(a));
      for (const p of pairs) await connect(victim, p.ini);
      await victim.kill('SIGKILL');
      for (const p of pairs) {
        for (const e of [p.ini, p.acc]) await eventually(`${e.id} Active`, async () => (await status(b, e)) === 'Active', 15_000);
      }
      // every node agrees, and each end completed its connect once (the shared journal)
      for (const n of [a, b]) for (const p of pairs) assert.equal(await status(n, p.acc), 'Active');
      const journal = await nodeAdmin(a, 'GET', '/_localvpc/journal?eventType=Transition&limit=1000');
      for (const p of pairs)
        for (const e of [p.ini, p.acc]) {
          const done = (journal.body.events as { resourceName: string; to?: string }[]).filter(
            (x) => x.resourceName === e.id && x.to === 'Active',
          );
          assert.equal(done.length, 1, `${e.id} completed ${done.length} times`);
        }
    } finally {
      await nodeAdmin(a, 'PUT', '/_localvpc/transitions/profile', { profile: 'fast', fastDelayMs: DELAY_MS });
      cluster.nodes[2] = await cluster.add();
    }
  });
});
