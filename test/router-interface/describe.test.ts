// DescribeRouterInterfaces: the ten filter keys, OR within a key and AND across keys, paging,
// stable order, unknown keys, the Go SDK's list form; and the JSON types of every implemented
// action's answer against the spec.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ACCOUNTS, World, startWorld, type End } from '../helpers/world.js';
import { Vpc } from '../helpers/clients.js';
import { v1 } from '../helpers/raw.js';
import { checkTypes } from '../helpers/types.js';
import { vpcFacts } from '../../src/spec/vpc-facts.generated.js';
import type { TestServer } from '../helpers/server.js';

let srv: TestServer;
let w: World;
let pairs: { ini: End; acc: End }[];
const REGION = 'cn-hangzhou';
before(async () => {
  srv = await startWorld();
  w = new World(srv);
  pairs = [];
  for (let i = 0; i < 3; i++) pairs.push(await w.pair({ iniRegion: REGION, accRegion: REGION }));
  await w.connect((pairs[0] as { ini: End }).ini);
});
after(async () => srv.close());

async function list(filters: [string, string[]][], extra: Record<string, unknown> = {}) {
  const r = await w.client().describeRouterInterfaces(
    new Vpc.DescribeRouterInterfacesRequest({
      regionId: REGION,
      filter: filters.map(([key, value]) => new Vpc.DescribeRouterInterfacesRequestFilter({ key, value })),
      ...extra,
    }),
  );
  return {
    total: r.body?.totalCount,
    ids: (r.body?.routerInterfaceSet?.routerInterfaceType ?? []).map((x) => x.routerInterfaceId),
    body: r.body,
  };
}

describe('filters', () => {
  test('each of the ten keys', async () => {
    const [p0, p1] = pairs as [{ ini: End; acc: End }, { ini: End; acc: End }];
    assert.deepEqual((await list([['RouterInterfaceId', [p0.ini.id]]])).ids, [p0.ini.id]);
    assert.deepEqual((await list([['RouterId', [p1.acc.routerId]]])).ids, [p1.acc.id]);
    assert.equal((await list([['RouterType', ['VRouter']]])).total, 6);
    assert.equal((await list([['RouterType', ['VBR']]])).total, 0);
    assert.equal((await list([['RouterInterfaceOwnerId', [ACCOUNTS.a.uid]]])).total, 6);
    assert.equal((await list([['RouterInterfaceOwnerId', [ACCOUNTS.b.uid]]])).total, 0);
    assert.deepEqual((await list([['OppositeInterfaceId', [p0.ini.id]]])).ids, [p0.acc.id]);
    assert.equal((await list([['OppositeRouterType', ['VRouter']]])).total, 6);
    assert.deepEqual((await list([['OppositeRouterId', [p1.ini.routerId]]])).ids, [p1.acc.id]);
    assert.equal((await list([['OppositeInterfaceOwnerId', [ACCOUNTS.a.uid]]])).total, 6);
    assert.deepEqual((await list([['Status', ['Active']]])).ids.sort(), [p0.ini.id, p0.acc.id].sort());
    assert.equal((await list([['Name', ['nothing-named-so']]])).total, 0);
  });

  test('values are ORed within a key, keys ANDed', async () => {
    const [p0, p1, p2] = pairs as { ini: End; acc: End }[] as [{ ini: End; acc: End }, { ini: End; acc: End }, { ini: End; acc: End }];
    assert.deepEqual(
      (await list([['RouterInterfaceId', [p0.ini.id, p1.ini.id, p2.acc.id]]])).ids.sort(),
      [p0.ini.id, p1.ini.id, p2.acc.id].sort(),
    );
    assert.deepEqual(
      (
        await list([
          ['RouterInterfaceId', [p0.ini.id, p1.ini.id]],
          ['Status', ['Idle']],
        ])
      ).ids,
      [p1.ini.id],
    );
  });

  test('an unknown key is InvalidFilterKey.ValueNotSupported (404); keys match case-insensitively', async () => {
    await assert.rejects(
      list([['Colour', ['red']]]),
      (e: { code: string; statusCode: number }) => e.code === 'InvalidFilterKey.ValueNotSupported' && e.statusCode === 404,
    );
    assert.equal((await list([['status', ['Active']]])).total, 2);
  });

  test('the Go SDK\'s Filter.1.Value=["..."] form', async () => {
    const [p0, p1] = pairs as [{ ini: End; acc: End }, { ini: End; acc: End }];
    const r = await v1(
      srv.port,
      {
        Action: 'DescribeRouterInterfaces',
        RegionId: REGION,
        'Filter.1.Key': 'RouterInterfaceId',
        'Filter.1.Value': JSON.stringify([p0.ini.id, p1.ini.id]),
      },
      { version: '2014-05-26' },
    );
    assert.equal(r.status, 200, r.text);
    assert.equal(r.json().TotalCount, 2);
  });

  test('another account sees none of these', async () => {
    const r = await w.client(ACCOUNTS.b).describeRouterInterfaces(new Vpc.DescribeRouterInterfacesRequest({ regionId: REGION }));
    assert.equal(r.body?.totalCount, 0);
    assert.deepEqual(r.body?.routerInterfaceSet?.routerInterfaceType, []);
  });
});

describe('paging', () => {
  test('PageNumber/PageSize with TotalCount, in a stable order', async () => {
    const all = await list([], { pageSize: 50 });
    assert.equal(all.total, 6);
    const pages: string[] = [];
    for (let n = 1; n <= 3; n++) {
      const p = await list([], { pageSize: 2, pageNumber: n });
      assert.equal(p.total, 6);
      assert.equal(p.body?.pageNumber, n);
      assert.equal(p.body?.pageSize, 2);
      pages.push(...(p.ids as string[]));
    }
    assert.deepEqual(pages, all.ids);
    assert.deepEqual((await list([], { pageSize: 2, pageNumber: 4 })).ids, []);
    await assert.rejects(list([], { pageSize: 51 }), (e: { code: string }) => e.code === 'InvalidParameter');
  });
});

describe('JSON types of every answer match the spec', () => {
  test('router-interface, VPC and Express Connect actions', async () => {
    const [p0] = pairs as [{ ini: End; acc: End }];
    const region = 'cn-hangzhou';
    const ap = 'ap-cn-hangzhou-xa-A';
    const calls: [string, Record<string, string>][] = [
      ['DescribeRegions', {}],
      ['DescribeZones', { RegionId: region }],
      ['DescribeRouterInterfaces', { RegionId: region, PageSize: '50', IncludeReservationData: 'true' }],
      ['DescribeRouterInterfaceAttribute', { RegionId: region, InstanceId: p0.ini.id }],
      ['DescribeVpcs', { RegionId: region }],
      ['DescribeVRouters', { RegionId: region }],
      ['DescribeRouteTableList', { RegionId: region }],
      ['DescribeAccessPoints', { RegionId: region }],
      ['CreatePhysicalConnection', { RegionId: region, AccessPointId: ap, LineOperator: 'CT' }],
      ['DescribePhysicalConnections', { RegionId: region }],
      ['DescribeVirtualBorderRouters', { RegionId: region }],
      ['DescribeEcGrantRelation', { InstanceType: 'VPC', InstanceId: p0.ini.vpcId }],
      ['CreateVpc', { RegionId: region }],
      [
        'CreateRouterInterface',
        {
          RegionId: region,
          Role: 'InitiatingSide',
          RouterType: 'VRouter',
          RouterId: p0.ini.routerId,
          Spec: 'Mini.2',
          OppositeRegionId: region,
          InstanceChargeType: 'PrePaid',
          Period: '1',
          PricingCycle: 'Month',
        },
      ],
      ['DescribeRouteEntryList', { RegionId: region, RouteTableId: await w.vpcRouteTable(p0.ini) }],
    ];
    for (const [action, params] of calls) {
      const r = await v1(srv.port, { Action: action, ...params });
      assert.equal(r.status, 200, `${action}: ${r.text}`);
      checkTypes(vpcFacts.actions[action as keyof typeof vpcFacts.actions].response, r.json(), action);
    }
    const ri = (await v1(srv.port, { Action: 'DescribeRouterInterfaces', RegionId: region })).json() as {
      RouterInterfaceSet: { RouterInterfaceType: Record<string, unknown>[] };
    };
    const item = ri.RouterInterfaceSet.RouterInterfaceType[0] as Record<string, unknown>;
    // the fields the Go SDK and the TS SDK read, with the types they insist on
    for (const k of ['OppositeInterfaceOwnerId', 'CreationTime', 'Status', 'Spec', 'Role', 'RouterId', 'HasReservationData'])
      assert.equal(typeof item[k], 'string', k);
    for (const k of ['Bandwidth', 'OppositeBandwidth', 'HcRate', 'HcThreshold']) assert.equal(typeof item[k], 'number', k);
    for (const k of ['CrossBorder', 'FastLinkMode']) assert.equal(typeof item[k], 'boolean', k);
  });
});
