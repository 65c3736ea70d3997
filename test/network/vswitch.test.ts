// vSwitches through the official SDK (@alicloud/vpc20160428) and @alicloud/pop-core: the lifecycle
// through Pending, every CIDR and zone rule, listing and filters, JSON types.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ACCOUNTS, openWorld, type World } from '../helpers/world.js';
import { Vpc, popJson, popError, type PopClient } from '../helpers/clients.js';
import { admin } from '../helpers/admin.js';
import type { TestServer } from '../helpers/server.js';
import { typedCall } from '../helpers/types.js';

let srv: TestServer;
let w: World;
let pop: PopClient;
const REGION = 'cn-shanghai';

before(async () => {
  ({ srv, w } = await openWorld());
  pop = popJson(srv.port);
});
after(async () => srv.close());

async function vpc(cidr = '10.0.0.0/16'): Promise<string> {
  return (await pop.request<{ VpcId: string }>('CreateVpc', { RegionId: REGION, CidrBlock: cidr })).VpcId;
}

describe('the vSwitch lifecycle', () => {
  test('create (Pending, then Available), describe, modify, delete (Pending, then gone)', async () => {
    await admin(srv, 'PUT', '/_localvpc/transitions/profile', { profile: 'manual' });
    try {
      const vpcId = await vpc();
      const vpcNow = (await admin(srv, 'GET', '/_localvpc/transitions')).body.pending.find((p: { id: string }) => p.id === vpcId);
      assert.equal(vpcNow.pendingStatus, 'Available');
      const notYet = await popError(
        pop.request('CreateVSwitch', { RegionId: REGION, VpcId: vpcId, ZoneId: 'cn-shanghai-a', CidrBlock: '10.0.1.0/24' }),
      );
      assert.equal(notYet.code, 'IncorrectVpcStatus');
      await admin(srv, 'POST', `/_localvpc/transitions/${vpcId}/step`);
      const created = await w.client().createVSwitch(
        new Vpc.CreateVSwitchRequest({
          regionId: REGION,
          vpcId,
          zoneId: 'cn-shanghai-a',
          cidrBlock: '10.0.1.0/24',
          vSwitchName: 'web',
          description: 'Web tier',
          tag: [new Vpc.CreateVSwitchRequestTag({ key: 'tier', value: 'web' })],
        }),
      );
      const id = created.body?.vSwitchId as string;
      assert.match(id, /^vsw-uf6/);
      const pending = await w
        .client()
        .describeVSwitchAttributes(new Vpc.DescribeVSwitchAttributesRequest({ regionId: REGION, vSwitchId: id }));
      assert.equal(pending.body?.status, 'Pending');
      await admin(srv, 'POST', `/_localvpc/transitions/${id}/step`);
      const raw = await typedCall(srv.port, 'DescribeVSwitchAttributes', { RegionId: REGION, VSwitchId: id });
      assert.equal(raw.Status, 'Available');
      assert.equal(raw.AvailableIpAddressCount, 252);
      assert.deepEqual(raw.Tags, { Tag: [{ Key: 'tier', Value: 'web' }] });
      const vpcAttr = await pop.request<Record<string, { RouteTableId: string }>>('DescribeVpcAttribute', {
        RegionId: REGION,
        VpcId: vpcId,
      });
      assert.deepEqual(raw.RouteTable, {
        RouteTableId: (await w.client().describeVpcs(new Vpc.DescribeVpcsRequest({ regionId: REGION, vpcId }))).body?.vpcs?.vpc?.[0]
          ?.routerTableIds?.routerTableIds?.[0],
        RouteTableType: 'System',
      });
      assert.deepEqual(vpcAttr.VSwitchIds, { VSwitchId: [id] });
      await w
        .client()
        .modifyVSwitchAttribute(new Vpc.ModifyVSwitchAttributeRequest({ regionId: REGION, vSwitchId: id, vSwitchName: 'web-2' }));
      assert.equal(
        (await pop.request<Record<string, unknown>>('DescribeVSwitchAttributes', { RegionId: REGION, VSwitchId: id })).Status,
        'Pending',
      );
      await admin(srv, 'POST', `/_localvpc/transitions/${id}/step`);
      assert.equal(
        (await pop.request<Record<string, unknown>>('DescribeVSwitchAttributes', { RegionId: REGION, VSwitchId: id })).VSwitchName,
        'web-2',
      );
      await w.client().deleteVSwitch(new Vpc.DeleteVSwitchRequest({ regionId: REGION, vSwitchId: id }));
      assert.equal(
        (await pop.request<Record<string, unknown>>('DescribeVSwitchAttributes', { RegionId: REGION, VSwitchId: id })).Status,
        'Pending',
      );
      await admin(srv, 'POST', `/_localvpc/transitions/${id}/step`);
      const gone = await pop.request<Record<string, unknown>>('DescribeVSwitchAttributes', { RegionId: REGION, VSwitchId: id });
      assert.equal(gone.VSwitchId, '');
    } finally {
      await admin(srv, 'PUT', '/_localvpc/transitions/profile', { profile: 'fast' });
    }
  });
});

describe('the rules of CreateVSwitch', () => {
  test("CIDR, zone, overlap, VPC and names, each with the spec's code and status", async () => {
    const vpcId = await vpc('10.0.0.0/16');
    await pop.request('CreateVSwitch', { RegionId: REGION, VpcId: vpcId, ZoneId: 'cn-shanghai-b', CidrBlock: '10.0.0.0/24' });
    const cases: [Record<string, string>, string, number][] = [
      [{ CidrBlock: '10.0.0.0/33' }, 'InvalidCidrBlock.Malformed', 400],
      [{ CidrBlock: '10.0.1.1/24' }, 'InvalidCidrBlock.Malformed', 400],
      [{ CidrBlock: '10.0.0.0/15' }, 'InvalidCirdrBlock.MaskLength', 400],
      [{ CidrBlock: '10.0.1.0/30' }, 'InvalidCirdrBlock.MaskLength', 400],
      [{ CidrBlock: '10.1.0.0/24' }, 'InvalidParameter', 400],
      [{ CidrBlock: '10.0.0.128/25' }, 'InvalidCidrBlock.Overlapped', 400],
      [{ CidrBlock: '100.64.0.0/24' }, 'IllegalParam.CidrBlock', 400],
      [{ ZoneId: 'cn-shanghai-z' }, 'InvalidZoneId.NotFound', 404],
      [{ ZoneId: 'cn-hangzhou-h' }, 'InvalidZoneId.NotFound', 404],
      [{ VpcId: 'vpc-uf6nosuchvpc' }, 'InvalidVpcId.NotFound', 404],
      [{ VSwitchName: 'http://x' }, 'InvalidVSwitchName.Malformed', 400],
    ];
    for (const [override, code, status] of cases) {
      const e = await popError(
        pop.request('CreateVSwitch', { RegionId: REGION, VpcId: vpcId, ZoneId: 'cn-shanghai-b', CidrBlock: '10.0.5.0/24', ...override }),
      );
      assert.deepEqual([e.code, e.status], [code, status], JSON.stringify(override));
    }
    const otherAccount = await popError(
      popJson(srv.port, '2016-04-28', ACCOUNTS.b.key).request('CreateVSwitch', {
        RegionId: REGION,
        VpcId: vpcId,
        ZoneId: 'cn-shanghai-b',
        CidrBlock: '10.0.5.0/24',
      }),
    );
    assert.equal(otherAccount.code, 'InvalidVpcId.NotFound');
  });

  test('a block of a secondary CIDR is accepted; the same ClientToken creates one vSwitch', async () => {
    const vpcId = await vpc('10.0.0.0/16');
    await pop.request('AssociateVpcCidrBlock', { RegionId: REGION, VpcId: vpcId, SecondaryCidrBlock: '172.16.0.0/16' });
    const a = await pop.request<{ VSwitchId: string }>('CreateVSwitch', {
      RegionId: REGION,
      VpcId: vpcId,
      ZoneId: 'cn-shanghai-b',
      CidrBlock: '172.16.1.0/24',
      ClientToken: 'vsw-token',
    });
    const b = await pop.request<{ VSwitchId: string }>('CreateVSwitch', {
      RegionId: REGION,
      VpcId: vpcId,
      ZoneId: 'cn-shanghai-b',
      CidrBlock: '172.16.1.0/24',
      ClientToken: 'vsw-token',
    });
    assert.equal(a.VSwitchId, b.VSwitchId);
    const all = await pop.request<{ TotalCount: number }>('DescribeVSwitches', { RegionId: REGION, VpcId: vpcId });
    assert.equal(all.TotalCount, 1);
  });
});

describe('DescribeVSwitches', () => {
  test('filters by VPC, ids, zone, name, route table and tags; paged; JSON types', async () => {
    const vpcId = await vpc('10.8.0.0/16');
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      const tags = i % 2 === 0 ? { 'Tag.1.Key': 'even', 'Tag.1.Value': 'yes' } : {};
      ids.push(
        (
          await pop.request<{ VSwitchId: string }>('CreateVSwitch', {
            RegionId: REGION,
            VpcId: vpcId,
            ZoneId: i < 3 ? 'cn-shanghai-a' : 'cn-shanghai-b',
            CidrBlock: `10.8.${i}.0/24`,
            VSwitchName: `s${i}`,
            ...tags,
          })
        ).VSwitchId,
      );
    }
    const page = (await typedCall(srv.port, 'DescribeVSwitches', { RegionId: REGION, VpcId: vpcId, PageSize: 2, PageNumber: 2 })) as {
      TotalCount: number;
      VSwitches: { VSwitch: { VSwitchId: string }[] };
    };
    assert.equal(page.TotalCount, 5);
    assert.deepEqual(
      page.VSwitches.VSwitch.map((v) => v.VSwitchId),
      ids.slice(2, 4),
    );
    const count = async (q: Record<string, unknown>) =>
      (await pop.request<{ TotalCount: number }>('DescribeVSwitches', { RegionId: REGION, VpcId: vpcId, ...q })).TotalCount;
    assert.equal(await count({ ZoneId: 'cn-shanghai-b' }), 2);
    assert.equal(await count({ VSwitchId: `${ids[0]},${ids[4]}` }), 2);
    assert.equal(await count({ VSwitchName: 's3' }), 1);
    assert.equal(await count({ 'Tag.1.Key': 'even' }), 3);
    const sys = (
      await pop.request<{ RouterTableList: { RouterTableListType: { RouteTableId: string }[] } }>('DescribeRouteTableList', {
        RegionId: REGION,
        VpcId: vpcId,
      })
    ).RouterTableList.RouterTableListType[0]?.RouteTableId;
    assert.equal(await count({ RouteTableId: sys }), 5);
    const other = await popJson(srv.port, '2016-04-28', ACCOUNTS.b.key).request<{ TotalCount: number }>('DescribeVSwitches', {
      RegionId: REGION,
      VpcId: vpcId,
    });
    assert.equal(other.TotalCount, 0);
    const tooMany = await popError(
      pop.request('DescribeVSwitches', { RegionId: REGION, VSwitchId: Array.from({ length: 21 }, (_, i) => `vsw-${i}`).join(',') }),
    );
    assert.deepEqual([tooMany.code, tooMany.status], ['InvalidVSwitchIdNumber.NotSupported', 404]);
  });
});
