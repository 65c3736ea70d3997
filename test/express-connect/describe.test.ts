// What DescribePhysicalConnections and DescribeVirtualBorderRouters show: tags and resource groups
// given at creation (and filtering by them), the status of each VBR's connection, and the JSON
// types of every answer of the Express Connect actions against the spec (the Go SDK and Terraform
// insist on them).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ACCOUNTS, type World } from '../helpers/world.js';
import { Vpc } from '../helpers/clients.js';
import { v1 } from '../helpers/raw.js';
import { checkTypes } from '../helpers/types.js';
import type { TestServer } from '../helpers/server.js';
import { vpcFacts } from '../../src/spec/vpc-facts.generated.js';
import { EC_TAGGABLES } from '../../src/resources/express-connect/queries.js';
import { AP, type Ec, REGION, fails, openEc } from './ec.js';

const DEFAULT_RG = `rg-acfm${ACCOUNTS.a.uid.slice(-11)}`;

let srv: TestServer;
let w: World;
let ec: Ec;
before(async () => ({ srv, w, ec } = await openEc()));
after(async () => srv.close());

describe('tags and resource groups', () => {
  test('CreatePhysicalConnection: Tag.N and ResourceGroupId, shown as Tags.tags; the default resource group otherwise', async () => {
    const tagged = await ec.createPc(ACCOUNTS.a, {
      tag: [
        new Vpc.CreatePhysicalConnectionRequestTag({ key: 'env', value: 'test' }),
        new Vpc.CreatePhysicalConnectionRequestTag({ key: 'team' }),
      ],
      resourceGroupId: 'rg-acfmtagged0001',
    });
    const plain = await ec.createPc();
    const t = await ec.pc(tagged);
    assert.deepEqual(
      t?.tags?.tags?.map((x) => [x.key, x.value]),
      [
        ['env', 'test'],
        ['team', ''],
      ],
    );
    assert.equal(t?.resourceGroupId, 'rg-acfmtagged0001');
    const p = await ec.pc(plain);
    assert.deepEqual(p?.tags?.tags, []);
    assert.equal(p?.resourceGroupId, DEFAULT_RG);

    assert.deepEqual(await ec.pcIds({ tags: [new Vpc.DescribePhysicalConnectionsRequestTags({ key: 'env', value: 'test' })] }), [tagged]);
    assert.deepEqual(await ec.pcIds({ tags: [new Vpc.DescribePhysicalConnectionsRequestTags({ key: 'env', value: 'prod' })] }), []);
    assert.deepEqual(await ec.pcIds({ resourceGroupId: 'rg-acfmtagged0001' }), [tagged]);
    assert.ok((await ec.pcIds({ resourceGroupId: DEFAULT_RG }))?.includes(plain));

    await fails(
      () => ec.createPc(ACCOUNTS.a, { tag: [new Vpc.CreatePhysicalConnectionRequestTag({ key: 'aliyun:reserved', value: 'x' })] }),
      'InvalidParameter',
      400,
    );
  });

  test("CreateVirtualBorderRouter: Tags.N and ResourceGroupId; the VBR owner's default resource group otherwise", async () => {
    const pc = await ec.enabledPc();
    const tagged = await ec.createVbr(pc, ACCOUNTS.a, {
      tags: [new Vpc.CreateVirtualBorderRouterRequestTags({ key: 'env', value: 'test' })],
      resourceGroupId: 'rg-acfmvbr00001',
    });
    const forB = await ec.createVbr(pc, ACCOUNTS.a, { vbrOwnerId: Number(ACCOUNTS.b.uid) });
    const t = await ec.vbr(tagged);
    assert.deepEqual(
      t?.tags?.tags?.map((x) => [x.key, x.value]),
      [['env', 'test']],
    );
    assert.equal(t?.resourceGroupId, 'rg-acfmvbr00001');
    assert.equal((await ec.vbr(forB, ACCOUNTS.b))?.resourceGroupId, `rg-acfm${ACCOUNTS.b.uid.slice(-11)}`);
    assert.deepEqual(await ec.vbrIds({ tags: [new Vpc.DescribeVirtualBorderRoutersRequestTags({ key: 'env', value: 'test' })] }), [tagged]);
    assert.deepEqual(await ec.vbrIds({ resourceGroupId: 'rg-acfmvbr00001' }), [tagged]);
  });

  test('EC_TAGGABLES: the tag actions see physical connections and VBRs, and their changes show in Describe', async () => {
    const pc = await ec.enabledPc();
    const vbr = await ec.createVbr(pc);
    const [pcs, vbrs] = EC_TAGGABLES as [(typeof EC_TAGGABLES)[number], (typeof EC_TAGGABLES)[number]];
    assert.deepEqual(
      EC_TAGGABLES.map((t) => t.type),
      ['PHYSICALCONNECTION', 'VIRTUALBORDERROUTER'],
    );
    await srv.app.store.run('write', async (tx) => {
      assert.deepEqual(await pcs.get(tx, pc), {
        id: pc,
        accountId: ACCOUNTS.a.uid,
        regionId: REGION,
        tags: [],
        resourceGroupId: DEFAULT_RG,
      });
      assert.ok((await vbrs.list(tx, ACCOUNTS.a.uid, REGION)).some((r) => r.id === vbr));
      await pcs.setTags(tx, pc, [{ Key: 'k', Value: 'v' }]);
      await vbrs.setTags(tx, vbr, [{ Key: 'k2', Value: 'v2' }]);
      await pcs.setResourceGroup(tx, pc, 'rg-acfmmoved00001');
      await vbrs.setResourceGroup(tx, vbr, 'rg-acfmmoved00002');
    });
    const p = await ec.pc(pc);
    assert.deepEqual([p?.tags?.tags?.[0]?.key, p?.tags?.tags?.[0]?.value, p?.resourceGroupId], ['k', 'v', 'rg-acfmmoved00001']);
    const v = await ec.vbr(vbr);
    assert.deepEqual([v?.tags?.tags?.[0]?.key, v?.tags?.tags?.[0]?.value, v?.resourceGroupId], ['k2', 'v2', 'rg-acfmmoved00002']);
  });
});

describe('statuses in Describe', () => {
  test('filter by Status, including the statuses no action enters; PhysicalConnectionStatus of each VBR', async () => {
    const pc = await ec.createPc();
    await ec.setPcStatus(pc, 'AllocationFailed');
    const byStatus = (status: string) =>
      ec.pcIds({ filter: [new Vpc.DescribePhysicalConnectionsRequestFilter({ key: 'Status', value: [status] })] });
    assert.ok((await byStatus('AllocationFailed'))?.includes(pc));
    assert.ok((await byStatus('Allocation Failed'))?.includes(pc));
    assert.ok(!(await byStatus('Enabled'))?.includes(pc));
    assert.deepEqual(await byStatus('Nonsense'), []);

    const live = await ec.enabledPc();
    const vbr = await ec.createVbr(live);
    assert.equal((await ec.vbr(vbr))?.physicalConnectionStatus, 'Enabled');
    await ec.setVbrStatus(vbr, 'terminated');
    const vbrsByStatus = (status: string) =>
      ec.vbrIds({ filter: [new Vpc.DescribeVirtualBorderRoutersRequestFilter({ key: 'Status', value: [status] })] });
    assert.deepEqual(await vbrsByStatus('terminated'), [vbr]);
    assert.ok(!(await vbrsByStatus('active'))?.includes(vbr));
  });
});

describe('JSON types of every answer match the spec', () => {
  test('the Express Connect actions, old and new', async () => {
    const pc = await ec.enabledPc();
    const other = await ec.createPc();
    const vbr = await ec.createVbr(pc, ACCOUNTS.a, {
      tags: [new Vpc.CreateVirtualBorderRouterRequestTags({ key: 'env', value: 'test' })],
    });
    const spare = await ec.createVbr(pc);
    await w
      .client()
      .modifyPhysicalConnectionAttribute(
        new Vpc.ModifyPhysicalConnectionAttributeRequest({ regionId: REGION, physicalConnectionId: pc, name: 'typed' }),
      );
    await ec.setPcStatus(other, 'Confirmed');
    const approved = await ec.createPc();
    await ec.setPcStatus(approved, 'Approved');
    const calls: [string, Record<string, string>][] = [
      ['DescribeAccessPoints', { RegionId: REGION }],
      ['CreatePhysicalConnection', { RegionId: REGION, AccessPointId: AP, LineOperator: 'CT', 'Tag.1.Key': 'a', 'Tag.1.Value': 'b' }],
      ['DescribePhysicalConnections', { RegionId: REGION, PageSize: '50' }],
      ['DescribeVirtualBorderRouters', { RegionId: REGION, PageSize: '50', IncludeCrossAccountVbr: 'true' }],
      ['ModifyPhysicalConnectionAttribute', { RegionId: REGION, PhysicalConnectionId: pc, Name: 'typed' }],
      ['EnablePhysicalConnection', { RegionId: REGION, PhysicalConnectionId: other }],
      [
        'ModifyVirtualBorderRouterAttribute',
        { RegionId: REGION, VbrId: vbr, MinRxInterval: '300', Mtu: '8500', SitelinkEnable: 'true', EnableIpv6: 'true' },
      ],
      ['TerminateVirtualBorderRouter', { RegionId: REGION, VbrId: vbr }],
      ['DescribeVirtualBorderRouters', { RegionId: REGION, PageSize: '50' }],
      ['RecoverVirtualBorderRouter', { RegionId: REGION, VbrId: vbr }],
      ['DeleteVirtualBorderRouter', { RegionId: REGION, VbrId: spare }],
      ['TerminatePhysicalConnection', { RegionId: REGION, PhysicalConnectionId: other }],
      ['DescribePhysicalConnections', { RegionId: REGION, PageSize: '50' }],
      ['DeletePhysicalConnection', { RegionId: REGION, PhysicalConnectionId: other }],
      ['CancelPhysicalConnection', { RegionId: REGION, PhysicalConnectionId: approved }],
    ];
    for (const [action, params] of calls) {
      const r = await v1(srv.port, { Action: action, ...params });
      assert.equal(r.status, 200, `${action}: ${r.text}`);
      const body = r.json();
      checkTypes(vpcFacts.actions[action as keyof typeof vpcFacts.actions].response, body, action);
      assert.equal(typeof body.RequestId, 'string', action);
    }

    const vbrs = (await v1(srv.port, { Action: 'DescribeVirtualBorderRouters', RegionId: REGION, PageSize: '50' })).json() as {
      VirtualBorderRouterSet: { VirtualBorderRouterType: Record<string, unknown>[] };
    };
    const item = vbrs.VirtualBorderRouterSet.VirtualBorderRouterType.find((v) => v.VbrId === vbr) as Record<string, unknown>;
    // the fields Terraform's provider reads, with the types it insists on
    for (const k of [
      'Status',
      'Name',
      'Description',
      'CircuitCode',
      'LocalGatewayIp',
      'PeerGatewayIp',
      'PeeringSubnetMask',
      'ResourceGroupId',
    ])
      assert.equal(typeof item[k], 'string', k);
    for (const k of ['TerminationTime', 'RecoveryTime', 'CreationTime', 'ActivationTime', 'PhysicalConnectionStatus', 'RouteTableId'])
      assert.equal(typeof item[k], 'string', k);
    for (const k of ['VlanId', 'Bandwidth', 'MinRxInterval', 'MinTxInterval', 'DetectMultiplier', 'Mtu'])
      assert.equal(typeof item[k], 'number', k);
    for (const k of ['EnableIpv6', 'SitelinkEnable']) assert.equal(typeof item[k], 'boolean', k);
    assert.deepEqual([item.MinRxInterval, item.Mtu, item.SitelinkEnable, item.EnableIpv6], [300, 8500, true, true]);
    assert.ok(['recovering', 'active'].includes(item.Status as string));
    assert.deepEqual(item.Tags, { Tags: [{ Key: 'env', Value: 'test' }] });

    const pcs = (await v1(srv.port, { Action: 'DescribePhysicalConnections', RegionId: REGION, PageSize: '50' })).json() as {
      PhysicalConnectionSet: { PhysicalConnectionType: Record<string, unknown>[] };
    };
    const p = pcs.PhysicalConnectionSet.PhysicalConnectionType.find((x) => x.PhysicalConnectionId === pc) as Record<string, unknown>;
    assert.deepEqual([p.Status, p.Name, p.ResourceGroupId], ['Enabled', 'typed', DEFAULT_RG]);
    assert.deepEqual(p.Tags, { tags: [] });
    assert.equal(typeof p.Bandwidth, 'number');
  });
});
