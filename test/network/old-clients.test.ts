// The JavaScript aliyun-sdk (ECS client, Version 2014-05-26), as older scripts use it for VPC work:
// the calls it makes (DescribeRouteTables, ModifyVpcAttribute, DescribeVSwitches and the rest) go
// through its own request signing and parameter model, and its errors carry Alibaba's codes.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, type TestServer } from '../helpers/server.js';
import { oldEcs, type OldEcs } from '../helpers/aliyun-sdk.js';

let srv: TestServer;
let ecs: OldEcs;
const REGION = 'cn-hangzhou';

before(async () => {
  srv = await startServer();
  ecs = oldEcs(srv.port);
});
after(async () => srv.close());

interface VpcItem {
  VpcId: string;
  Status: string;
  VpcName: string;
  Description: string;
}

async function availableVpc(vpcId: string): Promise<VpcItem> {
  for (let i = 0; i < 250; i++) {
    const r = await ecs<{ Vpcs: { Vpc: VpcItem[] } }>('describeVpcs', { RegionId: REGION, VpcId: vpcId });
    const v = r.Vpcs.Vpc[0];
    if (v?.Status === 'Available') return v;
    await new Promise((res) => setTimeout(res, 20));
  }
  throw new Error(`${vpcId} never became Available`);
}

async function oldError(p: Promise<unknown>): Promise<{ code?: string; statusCode?: number; message: string }> {
  try {
    await p;
  } catch (e) {
    return e as { code?: string; statusCode?: number; message: string };
  }
  assert.fail('the call succeeded');
}

describe('aliyun-sdk ECS 2014-05-26', () => {
  test('create a VPC, rename it, read its route table with DescribeRouteTables, add and list a vSwitch', async () => {
    const created = await ecs<{ VpcId: string; VRouterId: string; RouteTableId: string }>('createVpc', {
      RegionId: REGION,
      CidrBlock: '10.0.0.0/16',
      VpcName: 'old-sdk',
    });
    await availableVpc(created.VpcId);

    await ecs('modifyVpcAttribute', { VpcId: created.VpcId, VpcName: 'renamed', Description: 'from aliyun-sdk' });
    const after = await availableVpc(created.VpcId);
    assert.equal(after.VpcName, 'renamed');
    assert.equal(after.Description, 'from aliyun-sdk');

    const sw = await ecs<{ VSwitchId: string }>('createVSwitch', {
      VpcId: created.VpcId,
      ZoneId: 'cn-hangzhou-h',
      CidrBlock: '10.0.1.0/24',
      VSwitchName: 'old-a',
    });
    const listed = await ecs<{ TotalCount: number; VSwitches: { VSwitch: { VSwitchId: string; CidrBlock: string; ZoneId: string }[] } }>(
      'describeVSwitches',
      { VpcId: created.VpcId },
    );
    assert.equal(listed.TotalCount, 1);
    assert.deepEqual(
      listed.VSwitches.VSwitch.map((s) => [s.VSwitchId, s.CidrBlock, s.ZoneId]),
      [[sw.VSwitchId, '10.0.1.0/24', 'cn-hangzhou-h']],
    );

    const tables = await ecs<{
      TotalCount: number;
      RouteTables: {
        RouteTable: {
          RouteTableId: string;
          RouteTableType: string;
          RouteEntrys: { RouteEntry: { DestinationCidrBlock: string; Type: string }[] };
        }[];
      };
    }>('describeRouteTables', { VRouterId: created.VRouterId });
    assert.equal(tables.TotalCount, 1);
    const table = tables.RouteTables.RouteTable[0];
    assert.equal(table?.RouteTableId, created.RouteTableId);
    assert.equal(table?.RouteTableType, 'System');
    // The vSwitch's System entry is there beside the cloud-service one (once the vSwitch is Available).
    const destinations = table?.RouteEntrys.RouteEntry.filter((e) => e.Type === 'System').map((e) => e.DestinationCidrBlock);
    assert.ok(destinations?.includes('100.64.0.0/10'), JSON.stringify(destinations));
  });

  test('its errors carry Alibaba codes and statuses', async () => {
    const rename = await oldError(ecs('modifyVpcAttribute', { VpcId: 'vpc-bp1nosuch000000000000', VpcName: 'x-ok' }));
    assert.equal(rename.code, 'InvalidVpcId.NotFound');
    assert.equal(rename.statusCode, 400);
    const tables = await oldError(ecs('describeRouteTables', { VRouterId: 'vrt-bp1nosuch000000000000' }));
    assert.equal(tables.code, 'InvalidVRouterId.NotFound');
    const badName = await oldError(ecs('createVpc', { RegionId: REGION, CidrBlock: '10.0.0.0/16', VpcName: 'x' }));
    assert.equal(badName.code, 'InvalidVpcName.Malformed');
  });
});
