// VPC attributes, secondary CIDR blocks and what blocks a VPC's deletion, through the official
// SDK (@alicloud/vpc20160428) and @alicloud/pop-core.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ACCOUNTS, openWorld, type World } from '../helpers/world.js';
import { Vpc, popJson, popError, type PopClient } from '../helpers/clients.js';
import type { TestServer } from '../helpers/server.js';
import { typedCall } from '../helpers/types.js';

let srv: TestServer;
let w: World;
let pop: PopClient;
const REGION = 'cn-hangzhou';

before(async () => {
  ({ srv, w } = await openWorld());
  pop = popJson(srv.port);
});
after(async () => srv.close());

async function vpc(cidr = '10.0.0.0/16'): Promise<string> {
  const r = await w.client().createVpc(new Vpc.CreateVpcRequest({ regionId: REGION, cidrBlock: cidr, vpcName: 'net-a' }));
  return r.body?.vpcId as string;
}

describe('DescribeVpcAttribute and ModifyVpcAttribute', () => {
  test('the attribute answer has every field of the spec with its JSON type', async () => {
    const id = await vpc();
    const body = await typedCall(srv.port, 'DescribeVpcAttribute', { RegionId: REGION, VpcId: id });
    assert.equal(body.VpcId, id);
    assert.equal(body.Status, 'Available');
    assert.equal(body.CidrBlock, '10.0.0.0/16');
    assert.deepEqual(body.SecondaryCidrBlocks, { SecondaryCidrBlock: [] });
    assert.deepEqual(body.VSwitchIds, { VSwitchId: [] });
    assert.equal(body.DnsHostnameStatus, 'DISABLED');
  });

  test('an unknown, deleted or other account\'s VPC answers 200 with VpcId ""', async () => {
    const id = await vpc();
    const other = await popJson(srv.port, '2016-04-28', ACCOUNTS.b.key).request<Record<string, unknown>>('DescribeVpcAttribute', {
      RegionId: REGION,
      VpcId: id,
    });
    assert.equal(other.VpcId, '');
    assert.equal(
      (await pop.request<Record<string, unknown>>('DescribeVpcAttribute', { RegionId: REGION, VpcId: 'vpc-bp1nosuch' })).VpcId,
      '',
    );
    await pop.request('DeleteVpc', { RegionId: REGION, VpcId: id });
    assert.equal((await pop.request<Record<string, unknown>>('DescribeVpcAttribute', { RegionId: REGION, VpcId: id })).VpcId, '');
  });

  test('name, description, DNS hostnames and the primary CIDR block change', async () => {
    const id = await vpc();
    await w.client().modifyVpcAttribute(
      new Vpc.ModifyVpcAttributeRequest({
        regionId: REGION,
        vpcId: id,
        vpcName: 'renamed',
        description: 'Described',
        cidrBlock: '10.0.0.0/8',
      }),
    );
    await pop.request('ModifyVpcAttribute', { RegionId: REGION, VpcId: id, EnableDnsHostname: true }, { method: 'POST' });
    const a = await w.client().describeVpcAttribute(new Vpc.DescribeVpcAttributeRequest({ regionId: REGION, vpcId: id }));
    assert.equal(a.body?.vpcName, 'renamed');
    assert.equal(a.body?.description, 'Described');
    assert.equal(a.body?.cidrBlock, '10.0.0.0/8');
    assert.equal(
      (await pop.request<Record<string, unknown>>('DescribeVpcAttribute', { RegionId: REGION, VpcId: id })).DnsHostnameStatus,
      'ENABLED',
    );
  });

  test('a primary block that would leave a vSwitch outside is IllegalCidrBlock; bad names and IPv6 are refused', async () => {
    const id = await vpc('172.16.0.0/12');
    await pop.request('CreateVSwitch', { RegionId: REGION, VpcId: id, ZoneId: 'cn-hangzhou-h', CidrBlock: '172.20.1.0/24' });
    const e = await popError(pop.request('ModifyVpcAttribute', { RegionId: REGION, VpcId: id, CidrBlock: '172.16.0.0/16' }));
    assert.deepEqual([e.code, e.status], ['IllegalCidrBlock', 400]);
    assert.equal(
      (await popError(pop.request('ModifyVpcAttribute', { RegionId: REGION, VpcId: id, VpcName: '1bad' }))).code,
      'InvalidVpcName.Malformed',
    );
    assert.equal(
      (await popError(pop.request('ModifyVpcAttribute', { RegionId: REGION, VpcId: id, EnableIPv6: true }))).code,
      'OperationUnsupported.Ipv6Feature',
    );
    const missing = await popError(pop.request('ModifyVpcAttribute', { RegionId: REGION, VpcId: 'vpc-bp1nosuch', VpcName: 'x1' }));
    // the spec lists this code twice (400, then 404); LocalVPC answers with the first entry
    assert.deepEqual([missing.code, missing.status], ['InvalidVpcId.NotFound', 400]);
  });
});

describe('secondary CIDR blocks', () => {
  test('associate up to 5, shown by DescribeVpcs and DescribeVpcAttribute; a vSwitch may use one', async () => {
    const id = await vpc('192.168.0.0/16');
    await w
      .client()
      .associateVpcCidrBlock(new Vpc.AssociateVpcCidrBlockRequest({ regionId: REGION, vpcId: id, secondaryCidrBlock: '10.1.0.0/16' }));
    for (const c of ['10.2.0.0/16', '10.3.0.0/16', '10.4.0.0/16', '10.5.0.0/16']) {
      await pop.request('AssociateVpcCidrBlock', { RegionId: REGION, VpcId: id, SecondaryCidrBlock: c, IpVersion: 'IPV4' });
    }
    const over = await popError(pop.request('AssociateVpcCidrBlock', { RegionId: REGION, VpcId: id, SecondaryCidrBlock: '10.6.0.0/16' }));
    assert.deepEqual([over.code, over.status], ['QuotaExceeded.VpcMultiCidr', 400]);
    const listed = await w.client().describeVpcs(new Vpc.DescribeVpcsRequest({ regionId: REGION, vpcId: id }));
    assert.deepEqual(listed.body?.vpcs?.vpc?.[0]?.secondaryCidrBlocks?.secondaryCidrBlock, [
      '10.1.0.0/16',
      '10.2.0.0/16',
      '10.3.0.0/16',
      '10.4.0.0/16',
      '10.5.0.0/16',
    ]);
    const vsw = await pop.request<{ VSwitchId: string }>('CreateVSwitch', {
      RegionId: REGION,
      VpcId: id,
      ZoneId: 'cn-hangzhou-h',
      CidrBlock: '10.1.2.0/24',
    });
    const inUse = await popError(
      pop.request('UnassociateVpcCidrBlock', { RegionId: REGION, VpcId: id, SecondaryCidrBlock: '10.1.0.0/16' }),
    );
    assert.equal(inUse.code, 'OperationFailed.CidrInUse');
    await pop.request('UnassociateVpcCidrBlock', { RegionId: REGION, VpcId: id, SecondaryCidrBlock: '10.5.0.0/16' });
    const again = await popError(
      pop.request('UnassociateVpcCidrBlock', { RegionId: REGION, VpcId: id, SecondaryCidrBlock: '10.5.0.0/16' }),
    );
    assert.equal(again.code, 'InvalidSecondaryCidrBlock.NotFound');
    await pop.request('DeleteVSwitch', { RegionId: REGION, VSwitchId: vsw.VSwitchId });
  });

  test('overlapping, malformed and reserved blocks are refused', async () => {
    const id = await vpc('192.168.0.0/16');
    const cases: [string, string][] = [
      ['192.168.1.0/24', 'Duplicated.SecondaryCidrBlock'],
      ['10.0.0.0/33', 'InvalidCidrBlock.Malformed'],
      ['10.0.0.1/16', 'InvalidCidrBlock.Malformed'],
      ['100.64.0.0/16', 'IllegalParam.SecondaryCidrBlock'],
      ['10.0.0.0/30', 'IllegalParam.SecondaryCidrBlock'],
    ];
    for (const [cidr, code] of cases) {
      assert.equal(
        (await popError(pop.request('AssociateVpcCidrBlock', { RegionId: REGION, VpcId: id, SecondaryCidrBlock: cidr }))).code,
        code,
        cidr,
      );
    }
    assert.equal(
      (await popError(pop.request('AssociateVpcCidrBlock', { RegionId: REGION, VpcId: id }))).code,
      'MissingParam.SecondaryCidrBlockOrIpv6CidrBlock',
    );
    assert.equal(
      (
        await popError(
          pop.request('AssociateVpcCidrBlock', { RegionId: REGION, VpcId: 'vpc-bp1nosuch', SecondaryCidrBlock: '10.0.0.0/16' }),
        )
      ).code,
      'InvalidVpc.NotFound',
    );
  });
});

describe('DeleteVpc and its dependencies', () => {
  test('vSwitches and custom route tables block it; ClientToken makes a retry answer what the first call answered', async () => {
    const id = await vpc();
    const vsw = await pop.request<{ VSwitchId: string }>('CreateVSwitch', {
      RegionId: REGION,
      VpcId: id,
      ZoneId: 'cn-hangzhou-h',
      CidrBlock: '10.0.1.0/24',
    });
    const e1 = await popError(pop.request('DeleteVpc', { RegionId: REGION, VpcId: id }));
    assert.deepEqual([e1.code, e1.status], ['DependencyViolation.VSwitch', 400]);
    await pop.request('DeleteVSwitch', { RegionId: REGION, VSwitchId: vsw.VSwitchId });
    const rt = await pop.request<{ RouteTableId: string }>('CreateRouteTable', { RegionId: REGION, VpcId: id });
    const e2 = await popError(pop.request('DeleteVpc', { RegionId: REGION, VpcId: id }));
    assert.deepEqual([e2.code, e2.status], ['DependencyViolation.RouteTable', 400]);
    await pop.request('DeleteRouteTable', { RegionId: REGION, RouteTableId: rt.RouteTableId });
    await pop.request('DeleteVpc', { RegionId: REGION, VpcId: id, ClientToken: 'del-1' });
    await pop.request('DeleteVpc', { RegionId: REGION, VpcId: id, ClientToken: 'del-1' });
    const gone = await popError(pop.request('DeleteVpc', { RegionId: REGION, VpcId: id, ClientToken: 'del-2' }));
    assert.deepEqual([gone.code, gone.status], ['InvalidVpcId.NotFound', 404]);
  });
});
