// Every gateway error, provoked with raw signed HTTP (what an SDK cannot send), with Alibaba's
// code, HTTP status and envelope.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { XMLParser } from 'fast-xml-parser';
import { startServer, DEFAULT_KEY, type TestServer } from '../helpers/server.js';
import { send, v1, v3, isoNow, type RawResponse } from '../helpers/raw.js';

let srv: TestServer;
const DISABLED = { id: 'LTAI5tDisabledKey0000001', secret: 'DisabledSecret000000000000000' };
before(async () => {
  srv = await startServer({
    accounts: [{ aliUid: '1000000000000002', accessKeys: [{ accessKeyId: DISABLED.id, accessKeySecret: DISABLED.secret, active: false }] }],
  });
});
after(async () => srv.close());

function expectError(r: RawResponse, status: number, code: string): Record<string, unknown> {
  assert.equal(r.status, status, r.text);
  assert.equal(r.headers['content-type'], 'application/json;charset=utf-8');
  const body = r.json();
  assert.equal(body.Code, code, r.text);
  assert.deepEqual(Object.keys(body).sort(), ['Code', 'HostId', 'Message', 'Recommend', 'RequestId']);
  assert.equal(body.RequestId, r.headers['x-acs-request-id']);
  assert.match(String(body.RequestId), /^[0-9A-F-]{36}$/);
  assert.equal(typeof body.Message, 'string');
  return body;
}

describe('authentication errors (V1)', () => {
  test('a correctly signed GET and POST form succeed', async () => {
    for (const opts of [{ method: 'GET' }, { method: 'POST', form: true }]) {
      const r = await v1(srv.port, { Action: 'DescribeRegions' }, opts);
      assert.equal(r.status, 200, r.text);
      assert.equal((r.json().Regions as { Region: unknown[] }).Region.length, 32);
    }
  });

  test('InvalidAccessKeyId.NotFound', async () => {
    expectError(
      await v1(srv.port, { Action: 'DescribeRegions' }, { key: { id: 'LTAI5tNoSuchKey', secret: 'x' } }),
      404,
      'InvalidAccessKeyId.NotFound',
    );
  });

  test('InvalidAccessKeyId.Inactive', async () => {
    expectError(await v1(srv.port, { Action: 'DescribeRegions' }, { key: DISABLED }), 400, 'InvalidAccessKeyId.Inactive');
  });

  test("SignatureDoesNotMatch carries the server's string to sign", async () => {
    const r = await v1(srv.port, { Action: 'DescribeRegions' }, { key: { id: DEFAULT_KEY.id, secret: 'wrong-secret' } });
    const body = expectError(r, 400, 'SignatureDoesNotMatch');
    assert.match(
      String(body.Message),
      /^Specified signature is not matched with our calculation\. server string to sign is:GET&%2F&AccessKeyId%3D/,
    );
  });

  test('a parameter changed after signing is SignatureDoesNotMatch', async () => {
    const r = await v1(
      srv.port,
      { Action: 'DescribeRegions', AcceptLanguage: 'en-US' },
      { mutate: (p) => p.forEach((x) => x[0] === 'AcceptLanguage' && (x[1] = 'zh-CN')) },
    );
    expectError(r, 400, 'SignatureDoesNotMatch');
  });

  test('IncompleteSignature without Signature', async () => {
    expectError(await v1(srv.port, { Action: 'DescribeRegions' }, { common: { Signature: undefined } }), 400, 'IncompleteSignature');
  });

  test('InvalidSignatureMethod', async () => {
    expectError(
      await v1(srv.port, { Action: 'DescribeRegions' }, { common: { SignatureMethod: 'HMAC-MD5' } }),
      400,
      'InvalidSignatureMethod',
    );
  });

  test('InvalidTimeStamp.Format', async () => {
    expectError(
      await v1(srv.port, { Action: 'DescribeRegions' }, { common: { Timestamp: '2026/11/25 10:00:00' } }),
      400,
      'InvalidTimeStamp.Format',
    );
  });

  test('InvalidTimeStamp.Expired, past and future, beyond 15 minutes', async () => {
    expectError(
      await v1(srv.port, { Action: 'DescribeRegions' }, { common: { Timestamp: isoNow(-16 * 60_000) } }),
      400,
      'InvalidTimeStamp.Expired',
    );
    expectError(
      await v1(srv.port, { Action: 'DescribeRegions' }, { common: { Timestamp: isoNow(16 * 60_000) } }),
      400,
      'InvalidTimeStamp.Expired',
    );
    const ok = await v1(srv.port, { Action: 'DescribeRegions' }, { common: { Timestamp: isoNow(-14 * 60_000) } });
    assert.equal(ok.status, 200);
  });

  test('SignatureNonceUsed on a replay', async () => {
    const nonce = `nonce-${Math.random()}`;
    assert.equal((await v1(srv.port, { Action: 'DescribeRegions' }, { common: { SignatureNonce: nonce } })).status, 200);
    expectError(await v1(srv.port, { Action: 'DescribeRegions' }, { common: { SignatureNonce: nonce } }), 400, 'SignatureNonceUsed');
  });

  test('InvalidAction.NotFound', async () => {
    expectError(await v1(srv.port, { Action: 'LaunchRocket' }), 404, 'InvalidAction.NotFound');
  });

  test('an unknown Version is InvalidVersion', async () => {
    expectError(await v1(srv.port, { Action: 'DescribeRegions' }, { version: '2099-01-01' }), 400, 'InvalidVersion');
  });

  test("the Go SDK's ECS version 2014-05-26 is accepted for Vpc actions", async () => {
    assert.equal((await v1(srv.port, { Action: 'DescribeRegions' }, { version: '2014-05-26' })).status, 200);
  });

  test('UnsupportedHTTPMethod', async () => {
    expectError(await v1(srv.port, { Action: 'DescribeRegions' }, { method: 'PUT' }), 400, 'UnsupportedHTTPMethod');
    expectError(await v1(srv.port, { Action: 'DescribeRegions' }, { method: 'DELETE' }), 400, 'UnsupportedHTTPMethod');
  });
});

describe('authentication errors (V3)', () => {
  test('a correctly signed request succeeds, also with a form body', async () => {
    assert.equal((await v3(srv.port, {}, { action: 'DescribeRegions' })).status, 200);
    const r = await v3(
      srv.port,
      {},
      { action: 'DescribeZones', body: 'RegionId=cn-shanghai', contentType: 'application/x-www-form-urlencoded' },
    );
    assert.equal(r.status, 200, r.text);
  });

  test('InvalidAccessKeyId.NotFound and .Inactive', async () => {
    expectError(
      await v3(srv.port, {}, { action: 'DescribeRegions', key: { id: 'LTAI5tNope', secret: 'x' } }),
      404,
      'InvalidAccessKeyId.NotFound',
    );
    expectError(await v3(srv.port, {}, { action: 'DescribeRegions', key: DISABLED }), 400, 'InvalidAccessKeyId.Inactive');
  });

  test('SignatureDoesNotMatch: wrong secret, tampered query, tampered signed header, tampered body', async () => {
    const body = expectError(
      await v3(srv.port, {}, { action: 'DescribeRegions', key: { id: DEFAULT_KEY.id, secret: 'bad' } }),
      400,
      'SignatureDoesNotMatch',
    );
    assert.match(String(body.Message), /server string to sign is:ACS3-HMAC-SHA256\n[0-9a-f]{64}$/);
    expectError(
      await v3(srv.port, { RegionId: 'cn-hangzhou' }, { action: 'DescribeZones', tamper: { query: 'RegionId=cn-shanghai' } }),
      400,
      'SignatureDoesNotMatch',
    );
    expectError(
      await v3(srv.port, {}, { action: 'DescribeRegions', tamper: { headers: { 'x-acs-signature-nonce': 'other' } } }),
      400,
      'SignatureDoesNotMatch',
    );
    const r = await v3(
      srv.port,
      {},
      {
        action: 'DescribeZones',
        body: 'RegionId=cn-shanghai',
        contentType: 'application/x-www-form-urlencoded',
        tamper: { headers: { 'x-acs-content-sha256': 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855' } },
      },
    );
    expectError(r, 400, 'SignatureDoesNotMatch');
  });

  test('IncompleteSignature and InvalidSignatureMethod', async () => {
    expectError(
      await v3(srv.port, {}, { action: 'DescribeRegions', authorization: 'ACS3-HMAC-SHA256 Credential=x' }),
      400,
      'IncompleteSignature',
    );
    expectError(await v3(srv.port, {}, { action: 'DescribeRegions', algorithm: 'ACS3-HMAC-SM3' }), 400, 'InvalidSignatureMethod');
  });

  test('InvalidTimeStamp.Format and .Expired', async () => {
    expectError(await v3(srv.port, {}, { action: 'DescribeRegions', date: 'yesterday' }), 400, 'InvalidTimeStamp.Format');
    expectError(await v3(srv.port, {}, { action: 'DescribeRegions', date: isoNow(-20 * 60_000) }), 400, 'InvalidTimeStamp.Expired');
  });

  test('SignatureNonceUsed', async () => {
    const nonce = 'f'.repeat(64);
    assert.equal((await v3(srv.port, {}, { action: 'DescribeRegions', nonce })).status, 200);
    expectError(await v3(srv.port, {}, { action: 'DescribeRegions', nonce }), 400, 'SignatureNonceUsed');
  });

  test('InvalidAction.NotFound and InvalidVersion', async () => {
    expectError(await v3(srv.port, {}, { action: 'NoSuchAction' }), 404, 'InvalidAction.NotFound');
    expectError(await v3(srv.port, {}, { action: 'DescribeRegions', version: '1999-01-01' }), 400, 'InvalidVersion');
  });
});

describe('parameter errors from the spec facts', () => {
  test('MissingParameter for a required parameter, also when empty', async () => {
    const body = expectError(await v1(srv.port, { Action: 'DescribeZones' }), 400, 'MissingParameter');
    assert.match(String(body.Message), /"RegionId"/);
    expectError(await v1(srv.port, { Action: 'DescribeZones', RegionId: '' }), 400, 'MissingParameter');
  });

  test('InvalidParameter for a wrong type, a bound or a list too long', async () => {
    const r = await v1(srv.port, { Action: 'DescribeRouterInterfaces', RegionId: 'cn-hangzhou', PageSize: 'ten' });
    assert.match(String(expectError(r, 400, 'InvalidParameter').Message), /PageSize/);
    expectError(
      await v1(srv.port, { Action: 'DescribeRouterInterfaces', RegionId: 'cn-hangzhou', PageSize: '51' }),
      400,
      'InvalidParameter',
    );
    expectError(
      await v1(srv.port, { Action: 'DescribeRouterInterfaces', RegionId: 'cn-hangzhou', IncludeReservationData: 'maybe' }),
      400,
      'InvalidParameter',
    );
    const six = Object.fromEntries([1, 2, 3, 4, 5, 6].map((i) => [`Filter.${i}.Key`, 'Status']));
    expectError(await v1(srv.port, { Action: 'DescribeRouterInterfaces', RegionId: 'cn-hangzhou', ...six }), 400, 'InvalidParameter');
  });

  test("an enum violation gets the action's own code from the spec", async () => {
    const params = {
      Action: 'CreateFailoverTestJob',
      RegionId: 'cn-hangzhou',
      ResourceType: 'PHYSICALCONNECTION',
      'ResourceId.1': 'pc-1',
      JobDuration: '5',
    };
    const body = expectError(await v1(srv.port, { ...params, JobType: 'StartYesterday' }), 400, 'IllegalParam.JobType');
    assert.equal(body.Message, 'The specified parameter JobType is illegal.');
    // valid parameters pass validation and reach the "not implemented" answer
    expectError(await v1(srv.port, { ...params, JobType: 'StartNow' }), 400, 'UnsupportedOperation.LocalVPC');
  });

  test('InvalidRegionId.NotFound (404) for a region outside the spec', async () => {
    expectError(await v1(srv.port, { Action: 'DescribeZones', RegionId: 'cn-atlantis' }), 404, 'InvalidRegionId.NotFound');
  });

  test('a malformed percent-escape is refused, not a crash', async () => {
    const r = await send(srv.port, 'GET', '/?Action=DescribeRegions&Bad=%E0%A4%A');
    assert.equal(r.status, 400);
    assert.equal(r.json().Code, 'InvalidParameter.Format');
  });

  test('an oversized body gets RequestEntityTooLarge', async () => {
    const r = await send(
      srv.port,
      'POST',
      '/',
      { 'content-type': 'application/x-www-form-urlencoded' },
      'A=' + 'x'.repeat(srv.config.maxBodyBytes + 10),
    );
    assert.equal(r.status, 413);
    assert.equal(r.json().Code, 'RequestEntityTooLarge');
  });

  test('an unsigned request without Version or Action', async () => {
    expectError(await send(srv.port, 'GET', '/'), 400, 'MissingVersion');
    expectError(await send(srv.port, 'GET', '/?Version=2016-04-28'), 400, 'MissingAction');
  });
});

describe('XML', () => {
  const xml = new XMLParser({ isArray: (name) => name === 'Region' || name === 'Zone' });
  test('Format=XML renders <ActionResponse> with repeated list items', async () => {
    const r = await v1(srv.port, { Action: 'DescribeRegions' }, { common: { Format: 'XML' } });
    assert.equal(r.status, 200);
    assert.equal(r.headers['content-type'], 'text/xml;charset=utf-8');
    assert.match(r.text, /^<\?xml version="1.0" encoding="UTF-8"\?><DescribeRegionsResponse><RequestId>/);
    const doc = xml.parse(r.text) as { DescribeRegionsResponse: { RequestId: string; Regions: { Region: unknown[] } } };
    assert.equal(doc.DescribeRegionsResponse.Regions.Region.length, 32);
  });

  test('errors render as <Error> with text/xml;charset=utf-8', async () => {
    const r = await v1(srv.port, { Action: 'DescribeZones', RegionId: 'nowhere' }, { common: { Format: 'XML' } });
    assert.equal(r.status, 404);
    assert.equal(r.headers['content-type'], 'text/xml;charset=utf-8');
    const doc = xml.parse(r.text) as { Error: Record<string, string> };
    assert.equal(doc.Error.Code, 'InvalidRegionId.NotFound');
    assert.ok(doc.Error.RequestId && doc.Error.HostId && doc.Error.Message && doc.Error.Recommend);
  });
});

describe('health', () => {
  test('GET /_localvpc/health answers liveness and readiness', async () => {
    const r = await send(srv.port, 'GET', '/_localvpc/health');
    assert.equal(r.status, 200);
    assert.equal(r.json().status, 'ok');
    assert.equal(r.json().ready, true);
  });
});
