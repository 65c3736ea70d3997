// DescribeRegions and GetCallerIdentity through every official client LocalVPC promises to serve.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, DEFAULT_UID, type TestServer } from '../helpers/server.js';
import { popClient, stsClient, vpcClient, Vpc } from '../helpers/clients.js';
import Sts from '@alicloud/sts20150401';

let srv: TestServer;
before(async () => (srv = await startServer()));
after(async () => srv.close());

describe('DescribeRegions through the official SDKs', () => {
  test('@alicloud/vpc20160428, default ACS3-HMAC-SHA256', async () => {
    const r = await vpcClient(srv.port).describeRegions(new Vpc.DescribeRegionsRequest({}));
    assert.equal(r.statusCode, 200);
    const regions = r.body?.regions?.region ?? [];
    assert.equal(regions.length, 32);
    const hz = regions.find((x) => x.regionId === 'cn-hangzhou');
    assert.deepEqual({ ...hz }, { regionId: 'cn-hangzhou', regionEndpoint: 'vpc.cn-hangzhou.aliyuncs.com', localName: '华东1（杭州）' });
    assert.match(r.body?.requestId ?? '', /^[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}$/);
    assert.equal(r.headers?.['x-acs-request-id'], r.body?.requestId);
  });

  test('@alicloud/vpc20160428 with signatureAlgorithm v2 (HMAC-SHA1), English names', async () => {
    const r = await vpcClient(srv.port, { v1: true }).describeRegions(new Vpc.DescribeRegionsRequest({ acceptLanguage: 'en-US' }));
    const names = (r.body?.regions?.region ?? []).map((x) => x.localName);
    assert.ok(names.includes('China (Hangzhou)'));
    assert.ok(names.includes('Germany (Frankfurt)'));
  });

  test('@alicloud/pop-core GET', async () => {
    const r = await popClient(srv.port).request<{ Regions: { Region: { RegionId: string }[] } }>('DescribeRegions', {});
    assert.equal(r.Regions.Region.length, 32);
  });

  test('@alicloud/pop-core POST form', async () => {
    const r = await popClient(srv.port).request<{
      Regions: { Region: { LocalName: string }[] };
    }>('DescribeRegions', { AcceptLanguage: 'en-US' }, { method: 'POST' });
    assert.ok(r.Regions.Region.some((x) => x.LocalName === 'Singapore'));
  });

  test('DescribeZones lists plausible zones and refuses unknown regions', async () => {
    const r = await vpcClient(srv.port).describeZones(new Vpc.DescribeZonesRequest({ regionId: 'cn-hangzhou' }));
    const zones = r.body?.zones?.zone ?? [];
    assert.ok(zones.length >= 2);
    for (const z of zones) assert.match(z.zoneId ?? '', /^cn-hangzhou-[a-z]$/);
    await assert.rejects(
      vpcClient(srv.port).describeZones(new Vpc.DescribeZonesRequest({ regionId: 'mars-1' })),
      (e: { code: string; statusCode: number }) => {
        assert.equal(e.code, 'InvalidRegionId.NotFound');
        assert.equal(e.statusCode, 404);
        return true;
      },
    );
  });
});

describe('STS GetCallerIdentity', () => {
  test('through @alicloud/sts20150401', async () => {
    const r = await stsClient(srv.port).getCallerIdentity();
    assert.equal(r.body?.accountId, DEFAULT_UID);
    assert.equal(r.body?.userId, DEFAULT_UID);
    assert.equal(r.body?.principalId, DEFAULT_UID);
    assert.equal(r.body?.arn, `acs:ram::${DEFAULT_UID}:root`);
    assert.equal(r.body?.identityType, 'Account');
    assert.ok(r.body instanceof Sts.GetCallerIdentityResponseBody);
  });

  test('through @alicloud/pop-core GET and POST', async () => {
    for (const method of ['GET', 'POST']) {
      const r = await popClient(srv.port, '2015-04-01').request<Record<string, string>>('GetCallerIdentity', {}, { method });
      assert.equal(r.AccountId, DEFAULT_UID);
      assert.equal(r.IdentityType, 'Account');
    }
  });
});

describe('actions of the published API that LocalVPC does not implement', () => {
  test('get a documented 400, not a 500 or a silent success', async () => {
    await assert.rejects(
      vpcClient(srv.port).createNatGateway(new Vpc.CreateNatGatewayRequest({ regionId: 'cn-hangzhou', vpcId: 'vpc-bp1x' })),
      (e: { code: string; statusCode: number; message: string }) => {
        assert.equal(e.code, 'UnsupportedOperation.LocalVPC');
        assert.equal(e.statusCode, 400);
        assert.match(e.message, /CreateNatGateway/);
        return true;
      },
    );
  });
});
