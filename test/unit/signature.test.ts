// The signature algorithms against Alibaba's published test vector and a captured SDK request.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { v1Sign, v1StringToSign, v3StringToSign } from '../../src/protocol/signature.js';
import { pct } from '../../src/protocol/percent.js';

test("V1: Alibaba's documented vector (api-reference.md §2.4)", () => {
  const pairs: [string, string][] = [
    ['AccessKeyId', 'testid'],
    ['Action', 'DescribeRegions'],
    ['Format', 'XML'],
    ['SignatureMethod', 'HMAC-SHA1'],
    ['SignatureNonce', '3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf'],
    ['SignatureVersion', '1.0'],
    ['Timestamp', '2016-02-23T12:46:24Z'],
    ['Version', '2014-05-26'],
  ];
  const s = v1StringToSign('GET', pairs);
  assert.equal(
    s,
    'GET&%2F&AccessKeyId%3Dtestid%26Action%3DDescribeRegions%26Format%3DXML%26SignatureMethod%3DHMAC-SHA1%26SignatureNonce%3D3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf%26SignatureVersion%3D1.0%26Timestamp%3D2016-02-23T12%253A46%253A24Z%26Version%3D2014-05-26',
  );
  assert.equal(v1Sign(s, 'testsecret'), 'OLeaidS1JvxuMvnyHOwuJ+uX5qY=');
});

test('V3: the canonical request of a captured @alicloud/vpc20160428 call (clients.md §3.1)', () => {
  const headers = {
    host: '127.0.0.1:18080',
    'x-acs-action': 'DescribeRouterInterfaces',
    'x-acs-content-sha256': 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    'x-acs-credentials-provider': 'static_ak',
    'x-acs-date': '2026-11-25T21:18:39Z',
    'x-acs-signature-nonce': 'bd8ec90fed2e33fcf8a1ae3ac5ac83dfbd1534af3baeacba2084dc90c20fcecc',
    'x-acs-version': '2016-04-28',
  };
  const query: [string, string][] = [
    ['Filter.1.Key', 'RouterInterfaceId'],
    ['Filter.1.Value.1', 'ri-a'],
    ['Filter.1.Value.2', 'ri-b'],
    ['Filter.2.Key', 'Status'],
    ['Filter.2.Value.1', 'Active'],
    ['IncludeReservationData', 'true'],
    ['PageNumber', '1'],
    ['PageSize', '50'],
    ['RegionId', 'cn-hangzhou'],
  ];
  const s = v3StringToSign('POST', '/', query, headers, Object.keys(headers), headers['x-acs-content-sha256']);
  assert.equal(s, 'ACS3-HMAC-SHA256\n0ace42dbd1d171d4f641ba3b313377c259942c621f73c2b90cf579409f87f461');
  assert.equal(createHash('sha256').update('').digest('hex'), headers['x-acs-content-sha256']);
});

test("percent-encoding escapes what RFC 3986 reserves, including * ! ' ( )", () => {
  assert.equal(pct("a b*c!d'e(f)g~h-i_j.k"), 'a%20b%2Ac%21d%27e%28f%29g~h-i_j.k');
  assert.equal(pct('ü'), '%C3%BC');
});
