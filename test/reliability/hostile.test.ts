// Hostile input: every implemented action with random, wrong-typed, huge, empty, badly encoded,
// duplicated and unknown parameters; oversized and slow or truncated requests; the authentication
// matrix; one account against another's interfaces. Never a 5xx, never a crash, never a change of
// state on an error.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { connect } from 'node:net';
import fc from 'fast-check';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { ACCOUNTS, World, startWorld, type End } from '../helpers/world.js';
import { Vpc } from '../helpers/clients.js';
import { send, v1, v3, isoNow, type RawResponse } from '../helpers/raw.js';
import { vpcFacts } from '../../src/spec/vpc-facts.generated.js';
import { Registry } from '../../src/engine/module.js';
import { MODULES } from '../../src/app/modules.js';
import type { ParamFact } from '../../src/spec/types.js';
import type { TestServer } from '../helpers/server.js';

let srv: TestServer;
let w: World;
let pair: { ini: End; acc: End };
before(async () => {
  srv = await startWorld({ requestTimeoutMs: 1000 });
  w = new World(srv);
  pair = await w.pair();
});
after(async () => srv.close());

/**
 * The stored state once what is due has settled (an empty write unit settles it): a transition a
 * previous call started completes on a timer, which may otherwise fire in the middle of a check.
 */
const state = async (): Promise<string> => {
  await srv.app.store.run('write', () => Promise.resolve());
  return JSON.stringify(await srv.app.store.dump());
};

function wellFormed(r: RawResponse): Record<string, unknown> {
  assert.ok(r.status < 500, `5xx: ${r.status} ${r.text.slice(0, 300)}`);
  const body = r.json();
  assert.equal(body.RequestId, r.headers['x-acs-request-id']);
  if (r.status >= 400) assert.deepEqual(Object.keys(body).sort(), ['Code', 'HostId', 'Message', 'Recommend', 'RequestId']);
  else assert.equal(body.Code === undefined || body.Code === '200', true);
  return body;
}

/** A value for a parameter: often plausible, often hostile. */
function valueFor(p: ParamFact): fc.Arbitrary<string> {
  const hostile = fc.oneof(
    fc.constant(''),
    fc.constant(' '),
    fc.string(),
    fc.string({ unit: 'grapheme', maxLength: 40 }),
    fc.constant('x'.repeat(70_000)),
    fc.constantFrom('-1', '0', '99999999999999999999', '1.5', 'NaN', 'true', 'null', '[]', '{}', '["a",1]', '%', '\u0000', 'ri-', 'vrt-'),
  );
  const plausible =
    p.type === 'i'
      ? fc.integer({ min: -5, max: 100 }).map(String)
      : p.type === 'b'
        ? fc.constantFrom('true', 'false')
        : p.enum
          ? fc.constantFrom(...p.enum)
          : fc.constantFrom(
              'cn-hangzhou',
              'cn-shanghai',
              pair.ini.id,
              pair.acc.id,
              pair.ini.routerId,
              pair.ini.vpcId,
              'InitiatingSide',
              'AcceptingSide',
              'VRouter',
              'VBR',
              'Large.2',
              'Negative',
              ACCOUNTS.a.uid,
              ACCOUNTS.b.uid,
            );
  return fc.oneof(plausible, hostile);
}

function paramsFor(action: string): fc.Arbitrary<[string, string][]> {
  const facts = vpcFacts.actions[action as keyof typeof vpcFacts.actions];
  const entries = facts.params.map((p) => {
    const name = p.name as string;
    if (p.type === 'a') {
      const item = p.items?.properties
        ? fc
            .tuple(
              fc.integer({ min: 0, max: 7 }),
              fc.constantFrom(...p.items.properties.map((x) => x.name as string)),
              fc.oneof(fc.string(), fc.constantFrom('RouterInterfaceId', 'Status', 'Active', '["a"]')),
            )
            .map(([i, k, v]) => [`${name}.${i}.${k}`, v] as [string, string])
        : fc.tuple(fc.integer({ min: 0, max: 25 }), fc.string()).map(([i, v]) => [`${name}.${i}`, v] as [string, string]);
      return fc.array(item, { maxLength: 8 });
    }
    return fc.option(
      valueFor(p).map((v) => [[name, v] as [string, string]]),
      { nil: [] as [string, string][] },
    );
  });
  return fc
    .tuple(fc.tuple(...entries), fc.array(fc.tuple(fc.string({ minLength: 1, maxLength: 10 }), fc.string()), { maxLength: 3 }))
    .map(([parts, unknown]) => [...parts.flat(), ...unknown]);
}

describe('every implemented action under random parameters', () => {
  for (const action of new Registry(MODULES).actions('Vpc').map((a) => a.name)) {
    test(action, async () => {
      await fc
        .assert(
          fc.asyncProperty(paramsFor(action), fc.boolean(), fc.boolean(), async (params, useV3, duplicate) => {
            const before = await state();
            const pairs: [string, string][] = duplicate && params[0] ? [...params, params[0]] : params;
            const r = useV3
              ? await v3(srv.port, Object.fromEntries(pairs), { action })
              : await v1(srv.port, [['Action', action], ...pairs], { method: 'POST', form: true });
            wellFormed(r);
            if (r.status >= 400) assert.equal(await state(), before, `${action} failed (${r.text.slice(0, 200)}) but changed state`);
          }),
          { numRuns: 40 },
        )
        .catch((e: Error) => {
          // fast-check keeps the failing assertion in `cause`, which the test reporter does not print
          throw new Error(`${e.message}\ncaused by: ${e.cause instanceof Error ? e.cause.message : String(e.cause)}`);
        });
    });
  }
});

describe('malformed requests', () => {
  test('bad encodings, broken HTTP and oversized headers get an envelope, not a crash', async () => {
    for (const path of ['/?Action=DescribeRegions&A=%C3%28', '/?%', '/?a=%zz', '//?Action=DescribeRegions', '/?' + '&'.repeat(1000)]) {
      const r = await send(srv.port, 'GET', path);
      assert.ok(r.status >= 400 && r.status < 500, `${path}: ${r.status}`);
      assert.ok(r.json().Code);
    }
    const big = await send(srv.port, 'GET', `/?Action=DescribeRegions&Pad=${'x'.repeat(70_000)}`);
    assert.equal(big.status, 431);
    assert.equal(big.json().Code, 'RequestHeaderFieldsTooLarge');
    const raw = await new Promise<string>((resolve) => {
      const s = connect(srv.port, '127.0.0.1', () => s.write('THIS IS NOT HTTP\r\n\r\n'));
      let got = '';
      s.on('data', (c) => (got += c.toString()));
      s.on('close', () => resolve(got));
    });
    assert.match(raw, /^HTTP\/1\.1 400/);
    assert.match(raw, /"Code":"InvalidParameter.Format"/);
    assert.equal((await v1(srv.port, { Action: 'DescribeRegions' })).status, 200, 'still serving');
  });

  test('prototype keys as Version, Action, Format, RegionId or enum values, and bad admin escapes: a 4xx envelope, never a 500', async () => {
    const keys = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'prototype'];
    for (const k of keys) {
      for (const query of <Record<string, string>[]>[
        { Action: 'DescribeRegions', Version: k },
        { Action: k },
        { Action: 'DescribeRegions', Format: k },
        { Action: 'DescribeVpcs', RegionId: k },
        {
          Action: 'CreateRouterInterface',
          RegionId: 'cn-hangzhou',
          Role: 'InitiatingSide',
          RouterType: 'VRouter',
          RouterId: pair.ini.routerId,
          OppositeRegionId: 'cn-shanghai',
          Spec: k,
        },
        { Action: 'ModifyRouterInterfaceSpec', RegionId: 'cn-hangzhou', RouterInterfaceId: pair.ini.id, Spec: k },
      ]) {
        const unsigned = await send(srv.port, 'GET', '/?' + new URLSearchParams(query).toString());
        assert.ok(
          unsigned.status >= 400 && unsigned.status < 500,
          `${JSON.stringify(query)} unsigned: ${unsigned.status} ${unsigned.text}`,
        );
        const signed = await v1(srv.port, query);
        assert.ok(signed.status >= 400 && signed.status < 500, `${JSON.stringify(query)} signed: ${signed.status} ${signed.text}`);
        assert.ok(signed.json().Code);
      }
    }
    for (const [method, path] of [
      ['POST', '/_localvpc/snapshots/%E0%A4%A/restore'],
      ['DELETE', '/_localvpc/faults/%'],
      ['DELETE', '/_localvpc/accounts/%zz/keys/x'],
    ] as const) {
      const r = await fetch(`${srv.url}${path}`, { method, headers: { authorization: `Bearer ${srv.app.adminToken}` } });
      assert.equal(r.status, 400, path);
      assert.equal(((await r.json()) as { error: { code: string } }).error.code, 'InvalidPath', path);
    }
  });

  test('more than 1,000 parameters are InvalidParameter.TooMany before any signature work; fewer are served', async () => {
    const params = (n: number): [string, string][] => [
      ['Action', 'DescribeRegions'],
      ...Array.from({ length: n }, (_, i): [string, string] => [`P${i}`, 'x']),
    ];
    const many = params(60_000);
    const wrongKey = { key: { id: ACCOUNTS.a.key.id, secret: 'wrong' } };
    // 60,000 in a form body; in the query, as many as fit in the 64 KiB of headers
    for (const r of [await v1(srv.port, many, { ...wrongKey, method: 'POST', form: true }), await v1(srv.port, params(6000), wrongKey)]) {
      assert.equal(r.status, 400, r.text.slice(0, 200));
      assert.equal(r.json().Code, 'InvalidParameter.TooMany');
      assert.equal(r.json().Message, 'The request carries more than 1000 parameters.');
    }
    const fine = await v1(srv.port, many.slice(0, 900));
    assert.notEqual(fine.json().Code, 'InvalidParameter.TooMany');
    assert.ok(fine.status < 500);
  });

  test('a slow request and a truncated body are cut off after the request timeout; others are served meanwhile', async () => {
    const started = Date.now();
    const closed = (payload: string) =>
      new Promise<number>((resolve) => {
        const s = connect(srv.port, '127.0.0.1', () => s.write(payload));
        s.on('data', () => undefined);
        s.on('close', () => resolve(Date.now() - started));
        s.on('error', () => undefined);
      });
    const slow = closed('GET /?Action=DescribeRegions HTTP/1.1\r\nHost: 127.0.0.1\r\n');
    const truncated = closed(
      'POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 1000\r\n\r\nAction=Desc',
    );
    assert.equal((await v1(srv.port, { Action: 'DescribeRegions' })).status, 200);
    const [a, b] = await Promise.all([slow, truncated]);
    assert.ok(a < 5000 && b < 5000, `sockets freed after ${a} and ${b} ms`);
    assert.equal((await v1(srv.port, { Action: 'DescribeRegions' })).status, 200);
  });

  test('a client that disconnects mid-body does not hurt the server', async () => {
    await new Promise<void>((resolve) => {
      const s = connect(srv.port, '127.0.0.1', () => {
        s.write('POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 500\r\n\r\nAction=');
        setTimeout(() => (s.destroy(), resolve()), 50);
      });
      s.on('error', () => undefined);
    });
    assert.equal((await v1(srv.port, { Action: 'DescribeRegions' })).status, 200);
  });
});

describe('control characters', () => {
  test('names and descriptions refuse them; a tag value holding them still gives well-formed XML', async () => {
    const desc = await v1(srv.port, {
      Action: 'CreateVpc',
      RegionId: 'cn-hangzhou',
      CidrBlock: '10.0.0.0/16',
      Description: 'bad\u0001one',
    });
    assert.equal(desc.json().Code, 'InvalidVpcDiscription.Malformed', desc.text); // Alibaba's spelling
    const name = await v1(srv.port, { Action: 'CreateVpc', RegionId: 'cn-hangzhou', CidrBlock: '10.0.0.0/16', VpcName: 'bad\u001bname' });
    assert.equal(name.json().Code, 'InvalidVpcName.Malformed', name.text);
    const vpc = await v1(srv.port, { Action: 'CreateVpc', RegionId: 'cn-hangzhou', CidrBlock: '10.0.0.0/16' });
    const vpcId = vpc.json().VpcId as string;
    const tagged = await v1(srv.port, {
      Action: 'TagResources',
      RegionId: 'cn-hangzhou',
      ResourceType: 'VPC',
      'ResourceId.1': vpcId,
      'Tag.1.Key': 'ctl',
      'Tag.1.Value': 'a\u0001b\u0008c<&>\uffff',
    });
    assert.equal(tagged.status, 200, tagged.text);
    const xml = await v1(srv.port, { Action: 'DescribeVpcs', RegionId: 'cn-hangzhou', VpcId: vpcId }, { common: { Format: 'XML' } });
    assert.equal(xml.status, 200);
    assert.equal(XMLValidator.validate(xml.text), true, xml.text);
    // XML 1.0's Char production (the validator above does not check it)
    // eslint-disable-next-line no-control-regex -- matching control characters is the point
    assert.doesNotMatch(xml.text, /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/);
    const parsed = new XMLParser().parse(xml.text) as { DescribeVpcsResponse: { Vpcs: { Vpc: { Tags: { Tag: { Value: string } } } } } };
    assert.equal(parsed.DescribeVpcsResponse.Vpcs.Vpc.Tags.Tag.Value, 'a\ufffdb\ufffdc<&>\ufffd');
    // The JSON answer keeps the value as stored.
    const json = await v1(srv.port, { Action: 'DescribeVpcs', RegionId: 'cn-hangzhou', VpcId: vpcId });
    const listed = json.json() as { Vpcs: { Vpc: { Tags: { Tag: { Value: string }[] } }[] } };
    assert.equal(listed.Vpcs.Vpc[0]?.Tags.Tag[0]?.Value, 'a\u0001b\u0008c<&>\uffff');
  });
});

describe('the authentication matrix', () => {
  const DISABLED_UID = '1000000000000008';
  before(async () => {
    const r = await fetch(`${srv.url}/_localvpc/accounts`, {
      method: 'POST',
      headers: { authorization: `Bearer ${srv.app.adminToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        aliUid: DISABLED_UID,
        accessKeyId: 'LTAI5tDisabledMatrix0001',
        accessKeySecret: 'DisabledMatrixSecret0000000000',
      }),
    });
    assert.equal(r.status, 201);
    await fetch(`${srv.url}/_localvpc/accounts/${DISABLED_UID}/keys/LTAI5tDisabledMatrix0001`, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${srv.app.adminToken}`, 'content-type': 'application/json' },
      body: '{"status":"Inactive"}',
    });
  });
  const cases: [string, number, string, (scheme: 'v1' | 'v3') => Promise<RawResponse>][] = [
    [
      'wrong secret',
      400,
      'SignatureDoesNotMatch',
      (s) =>
        s === 'v1'
          ? v1(srv.port, { Action: 'DescribeRegions' }, { key: { id: ACCOUNTS.a.key.id, secret: 'nope' } })
          : v3(srv.port, {}, { action: 'DescribeRegions', key: { id: ACCOUNTS.a.key.id, secret: 'nope' } }),
    ],
    [
      'unknown key',
      404,
      'InvalidAccessKeyId.NotFound',
      (s) =>
        s === 'v1'
          ? v1(srv.port, { Action: 'DescribeRegions' }, { key: { id: 'LTAI5tUnknown', secret: 'x' } })
          : v3(srv.port, {}, { action: 'DescribeRegions', key: { id: 'LTAI5tUnknown', secret: 'x' } }),
    ],
    [
      'disabled key',
      400,
      'InvalidAccessKeyId.Inactive',
      (s) => {
        const key = { id: 'LTAI5tDisabledMatrix0001', secret: 'DisabledMatrixSecret0000000000' };
        return s === 'v1' ? v1(srv.port, { Action: 'DescribeRegions' }, { key }) : v3(srv.port, {}, { action: 'DescribeRegions', key });
      },
    ],
    [
      'stale timestamp',
      400,
      'InvalidTimeStamp.Expired',
      (s) =>
        s === 'v1'
          ? v1(srv.port, { Action: 'DescribeRegions' }, { common: { Timestamp: isoNow(-3600_000) } })
          : v3(srv.port, {}, { action: 'DescribeRegions', date: isoNow(-3600_000) }),
    ],
    [
      'future timestamp',
      400,
      'InvalidTimeStamp.Expired',
      (s) =>
        s === 'v1'
          ? v1(srv.port, { Action: 'DescribeRegions' }, { common: { Timestamp: isoNow(3600_000) } })
          : v3(srv.port, {}, { action: 'DescribeRegions', date: isoNow(3600_000) }),
    ],
    [
      'replayed nonce',
      400,
      'SignatureNonceUsed',
      async (s) => {
        const nonce = `replay-${s}-${Math.random()}`;
        const go = () =>
          s === 'v1'
            ? v1(srv.port, { Action: 'DescribeRegions' }, { common: { SignatureNonce: nonce } })
            : v3(srv.port, {}, { action: 'DescribeRegions', nonce });
        assert.equal((await go()).status, 200);
        return go();
      },
    ],
  ];
  for (const scheme of ['v1', 'v3'] as const) {
    for (const [name, status, code, run] of cases) {
      test(`${scheme}: ${name} -> ${code}`, async () => {
        const r = await run(scheme);
        assert.equal(r.status, status, r.text);
        assert.equal(r.json().Code, code);
      });
    }
  }
});

describe('V3 signatures cover what they claim', () => {
  const ALL = ['host', 'x-acs-action', 'x-acs-version', 'x-acs-date', 'x-acs-signature-nonce', 'x-acs-content-sha256'];
  test('an empty SignedHeaders, or one leaving out host or any x-acs-* header sent, is IncompleteSignature', async () => {
    const cases: string[][] = [[], ...ALL.map((h) => ALL.filter((x) => x !== h))];
    for (const signedHeaders of cases) {
      const r = await v3(srv.port, {}, { action: 'DescribeRegions', signedHeaders });
      assert.equal(r.status, 400, signedHeaders.join(';'));
      assert.equal(r.json().Code, 'IncompleteSignature', signedHeaders.join(';'));
    }
    const withType = await v3(srv.port, {}, { action: 'DescribeRegions', contentType: 'application/json', signedHeaders: ALL });
    assert.equal(withType.json().Code, 'IncompleteSignature', 'a content-type sent must be signed');
    assert.equal((await v3(srv.port, {}, { action: 'DescribeRegions', contentType: 'application/json' })).status, 200);
  });

  test('an unsigned x-acs-action swapped after signing does not delete anything', async () => {
    const { ini } = await w.pair();
    const before = await state();
    const r = await v3(
      srv.port,
      { RegionId: ini.regionId, RouterInterfaceId: ini.id, InstanceId: ini.id },
      {
        action: 'DescribeRouterInterfaceAttribute',
        signedHeaders: ALL.filter((h) => h !== 'x-acs-action'),
        tamper: { headers: { 'x-acs-action': 'DeleteRouterInterface' } },
      },
    );
    assert.equal(r.status, 400);
    assert.equal(r.json().Code, 'IncompleteSignature');
    assert.equal(await state(), before);
    assert.equal(await w.status(ini), 'Idle');
  });
});

describe("one account against another's interfaces", () => {
  test("every router-interface action from account B on A's interface: InvalidRouterInterfaceId.NotFound, nothing more, nothing changed", async () => {
    const b = w.client(ACCOUNTS.b);
    const { ini } = pair;
    const before = await state();
    const calls: [string, () => Promise<unknown>][] = [
      [
        'Connect',
        () => b.connectRouterInterface(new Vpc.ConnectRouterInterfaceRequest({ regionId: ini.regionId, routerInterfaceId: ini.id })),
      ],
      [
        'Activate',
        () => b.activateRouterInterface(new Vpc.ActivateRouterInterfaceRequest({ regionId: ini.regionId, routerInterfaceId: ini.id })),
      ],
      [
        'Deactivate',
        () => b.deactivateRouterInterface(new Vpc.DeactivateRouterInterfaceRequest({ regionId: ini.regionId, routerInterfaceId: ini.id })),
      ],
      [
        'ModifyAttribute',
        () =>
          b.modifyRouterInterfaceAttribute(
            new Vpc.ModifyRouterInterfaceAttributeRequest({ regionId: ini.regionId, routerInterfaceId: ini.id, name: 'stolen' }),
          ),
      ],
      [
        'ModifySpec',
        () =>
          b.modifyRouterInterfaceSpec(
            new Vpc.ModifyRouterInterfaceSpecRequest({ regionId: ini.regionId, routerInterfaceId: ini.id, spec: 'Mini.2' }),
          ),
      ],
      [
        'Delete',
        () => b.deleteRouterInterface(new Vpc.DeleteRouterInterfaceRequest({ regionId: ini.regionId, routerInterfaceId: ini.id })),
      ],
    ];
    for (const [name, call] of calls) {
      await assert.rejects(call(), (e: { code: string; statusCode: number; data: { Message: string } }) => {
        assert.equal(e.code, 'InvalidRouterInterfaceId.NotFound', name);
        assert.equal(e.statusCode, 404, name);
        assert.doesNotMatch(e.data.Message, new RegExp(ACCOUNTS.a.uid), `${name} leaks nothing`);
        return true;
      });
    }
    // DescribeRouterInterfaceAttribute answers 200 with empty fields for what the caller cannot see.
    const attr = await b.describeRouterInterfaceAttribute(
      new Vpc.DescribeRouterInterfaceAttributeRequest({ regionId: ini.regionId, instanceId: ini.id }),
    );
    assert.equal(attr.body?.routerInterfaceId, '');
    assert.equal(attr.body?.vpcInstanceId, '');
    assert.doesNotMatch(JSON.stringify(attr.body), new RegExp(ACCOUNTS.a.uid), 'DescribeAttribute leaks nothing');
    const listed = await b.describeRouterInterfaces(
      new Vpc.DescribeRouterInterfacesRequest({
        regionId: ini.regionId,
        filter: [new Vpc.DescribeRouterInterfacesRequestFilter({ key: 'RouterInterfaceId', value: [ini.id] })],
      }),
    );
    assert.equal(listed.body?.totalCount, 0);
    assert.equal(await state(), before);
  });
});
