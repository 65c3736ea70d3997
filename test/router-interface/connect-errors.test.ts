// Every error of ConnectRouterInterface's table (the seed page), each provoked by a real client
// (the official TypeScript SDK), with Alibaba's code and HTTP status.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ACCOUNTS, type World, openWorld, type End } from '../helpers/world.js';
import { Vpc } from '../helpers/clients.js';
import type { TestServer } from '../helpers/server.js';

let srv: TestServer;
let w: World;
before(async () => ({ srv, w } = await openWorld()));
after(async () => srv.close());

interface SdkError {
  code: string;
  statusCode: number;
  message: string;
  data: { Message: string };
}

async function connectFails(end: End, code: string, status = 400, message?: RegExp): Promise<SdkError> {
  let err: SdkError | undefined;
  try {
    await w.connect(end);
  } catch (e) {
    err = e as SdkError;
  }
  assert.ok(err, `expected ${code}, but the connect succeeded`);
  assert.equal(err.code, code, err.message);
  assert.equal(err.statusCode, status);
  if (message) assert.match(err.data.Message, message);
  // an error changes nothing: the initiator is still as it was
  return err;
}

async function modify(end: End, fields: Record<string, unknown>): Promise<void> {
  await w
    .client(end.who)
    .modifyRouterInterfaceAttribute(
      new Vpc.ModifyRouterInterfaceAttributeRequest({ regionId: end.regionId, routerInterfaceId: end.id, ...fields }),
    );
}

describe('ConnectRouterInterface errors', () => {
  test('InvalidRegionId.NotFound (404)', async () => {
    const { ini } = await w.pair();
    await connectFails(
      { ...ini, regionId: 'cn-atlantis' },
      'InvalidRegionId.NotFound',
      404,
      /^The RegionId provided does not exist in our records\.$/,
    );
  });

  test("InvalidRouterInterfaceId.NotFound (404): unknown id, wrong region, and another account's interface", async () => {
    const { ini } = await w.pair();
    await connectFails({ ...ini, id: 'ri-doesnotexist000000000' }, 'InvalidRouterInterfaceId.NotFound', 404);
    await connectFails({ ...ini, regionId: 'cn-beijing' }, 'InvalidRouterInterfaceId.NotFound', 404);
    const err = await connectFails({ ...ini, who: ACCOUNTS.b }, 'InvalidRouterInterfaceId.NotFound', 404);
    assert.equal(err.data.Message, 'The specified RouterInterfaceId does not exist in our record.');
    assert.equal(await w.status(ini), 'Idle');
  });

  test('IncorrectRole.NotInitiatingSide: connecting from the accepting side', async () => {
    const { acc } = await w.pair();
    await connectFails(acc, 'IncorrectRole.NotInitiatingSide', 400, /^The specified RouterInterface is not InitiatingSide\.$/);
  });

  test('IncorrectRIStatus: the initiator is not Idle', async () => {
    const { ini } = await w.pair();
    await w.connect(ini);
    await w.waitFor(ini, 'Active');
    await connectFails(ini, 'IncorrectRIStatus', 400, /only when it's status is Idle/);
  });

  test('IncorrectOppositeInterfaceInfo.NotSet: nothing set, and each of the opposite fields missing', async () => {
    const v1 = await w.vpc('cn-hangzhou');
    const v2 = await w.vpc('cn-shanghai');
    const bare: End = {
      id: await w.ri({ regionId: 'cn-hangzhou', routerId: v1.routerId, role: 'InitiatingSide', oppositeRegionId: 'cn-shanghai' }),
      regionId: 'cn-hangzhou',
      routerId: v1.routerId,
      vpcId: v1.vpcId,
    };
    await connectFails(
      bare,
      'IncorrectOppositeInterfaceInfo.NotSet',
      400,
      /^OppositeInterfaceId\/OppositeRouterId\/OppositeRouterType\/OppositeInterfaceOwnerId must be all set\.$/,
    );
    const all = {
      oppositeInterfaceId: 'ri-uf6somewhere000000000',
      oppositeRouterId: v2.routerId,
      oppositeInterfaceOwnerId: ACCOUNTS.a.uid,
    };
    for (const missing of Object.keys(all)) {
      const extra = Object.fromEntries(Object.entries(all).filter(([k]) => k !== missing));
      const id = await w.ri({
        regionId: 'cn-hangzhou',
        routerId: (await w.vpc('cn-hangzhou')).routerId,
        role: 'InitiatingSide',
        oppositeRegionId: 'cn-shanghai',
        extra: { ...extra, oppositeRouterType: 'VRouter' },
      });
      await connectFails({ ...bare, id }, 'IncorrectOppositeInterfaceInfo.NotSet');
    }
  });

  test('IncorrectOppositeInterfaceInfo: both ends on the same router', async () => {
    const { ini } = await w.pair();
    await modify(ini, { oppositeRouterId: ini.routerId });
    await connectFails(ini, 'IncorrectOppositeInterfaceInfo', 400, /^Cannot connect on the same router$/);
  });

  test('Forbidden.OnlyOneConnection: the two routers already have a connected pair', async () => {
    const { ini, acc } = await w.pair();
    await w.connect(ini);
    await w.waitFor(ini, 'Active');
    const ini2: End = {
      ...ini,
      id: await w.ri({ regionId: ini.regionId, routerId: ini.routerId, role: 'InitiatingSide', oppositeRegionId: acc.regionId }),
    };
    const acc2: End = {
      ...acc,
      id: await w.ri({ regionId: acc.regionId, routerId: acc.routerId, role: 'AcceptingSide', oppositeRegionId: ini.regionId }),
    };
    await w.point(ini2, acc2);
    await w.point(acc2, ini2);
    await connectFails(ini2, 'Forbidden.OnlyOneConnection', 400, /^The Specified routers have a connection already$/);
    assert.equal(await w.status(ini2), 'Idle');
  });

  test('InvalidAccount.NotFound: the opposite owner is no account', async () => {
    const { ini } = await w.pair();
    await modify(ini, { oppositeInterfaceOwnerId: 1999999999999999 });
    await connectFails(ini, 'InvalidAccount.NotFound', 400, /^The specified account is not exists\.$/);
  });

  test('ErrCode.Invalid: the opposite owner id is not an AliUid at all (16 digits)', async () => {
    const { ini } = await w.pair();
    await modify(ini, { oppositeInterfaceOwnerId: 12345 });
    await connectFails(ini, 'ErrCode.Invalid', 400, /^got error$/);
  });

  test('CROSS_BID.FORBIDDEN (404): the two accounts are on different sites', async () => {
    const { ini } = await w.pair({ accWho: ACCOUNTS.intl });
    await connectFails(ini, 'CROSS_BID.FORBIDDEN', 404, /^Connect RouterInterface across bid is illegal$/);
  });

  test("IllegalParam.InstanceOwner: a VBR connecting to another account's VPC without its grant", async () => {
    const region = 'cn-shenzhen';
    const c = w.client(ACCOUNTS.b);
    const ap = (await c.describeAccessPoints(new Vpc.DescribeAccessPointsRequest({ regionId: region }))).body?.accessPointSet
      ?.accessPointType?.[0]?.accessPointId as string;
    const pc = (
      await c.createPhysicalConnection(new Vpc.CreatePhysicalConnectionRequest({ regionId: region, accessPointId: ap, lineOperator: 'CU' }))
    ).body?.physicalConnectionId as string;
    const vbr = (
      await c.createVirtualBorderRouter(new Vpc.CreateVirtualBorderRouterRequest({ regionId: region, physicalConnectionId: pc, vlanId: 7 }))
    ).body?.vbrId as string;
    const vpc = await w.vpc(region, ACCOUNTS.a);
    const ini: End = {
      id: await w.ri({
        regionId: region,
        routerId: vbr,
        routerType: 'VBR',
        accessPointId: ap,
        role: 'InitiatingSide',
        oppositeRegionId: region,
        who: ACCOUNTS.b,
      }),
      regionId: region,
      routerId: vbr,
      vpcId: '',
      who: ACCOUNTS.b,
    };
    const acc: End = {
      id: await w.ri({ regionId: region, routerId: vpc.routerId, role: 'AcceptingSide', oppositeRegionId: region, who: ACCOUNTS.a }),
      regionId: region,
      routerId: vpc.routerId,
      vpcId: vpc.vpcId,
      who: ACCOUNTS.a,
    };
    await w.point(ini, acc, 'VRouter');
    await w.point(acc, ini, 'VBR');
    await connectFails(ini, 'IllegalParam.InstanceOwner', 400, /^The router instance owener error\.$/);
  });
});

describe('AttrMismatching.AcceptingSide*: the acceptor disagrees with the initiator, field by field', () => {
  test('AcceptingSideInstanceId: the named acceptor does not exist', async () => {
    const { ini } = await w.pair();
    await modify(ini, { oppositeInterfaceId: 'ri-uf6nosuchinterface000' });
    const e = await connectFails(ini, 'AttrMismatching.AcceptingSideInstanceId', 400, /ri-uf6nosuchinterface000/);
    assert.doesNotMatch(e.data.Message, /%s/);
  });

  test('AcceptingSideAliUid: the acceptor belongs to another account than the initiator says', async () => {
    const { ini } = await w.pair();
    await modify(ini, { oppositeInterfaceOwnerId: Number(ACCOUNTS.b.uid) });
    await connectFails(ini, 'AttrMismatching.AcceptingSideAliUid', 400, new RegExp(`"${ACCOUNTS.a.uid}", expected "${ACCOUNTS.b.uid}"`));
  });

  test('AcceptingSideRegionNo: the acceptor is in another region than the initiator says', async () => {
    const { ini } = await w.pair({ iniOppositeRegion: 'cn-beijing' });
    await connectFails(ini, 'AttrMismatching.AcceptingSideRegionNo', 400, /"cn-shanghai", expected "cn-beijing"/);
  });

  test('AcceptingSideRouterId: the acceptor hangs on another router than the initiator says', async () => {
    const { ini } = await w.pair();
    const other = await w.vpc('cn-shanghai');
    await modify(ini, { oppositeRouterId: other.routerId });
    await connectFails(ini, 'AttrMismatching.AcceptingSideRouterId', 400, new RegExp(`expected "${other.routerId}"`));
  });

  test('AcceptingSideRouterType: the initiator expects a VBR', async () => {
    const { ini } = await w.pair();
    await modify(ini, { oppositeRouterType: 'VBR' });
    await connectFails(ini, 'AttrMismatching.AcceptingSideRouterType', 400, /"VRouter", expected "VBR"/);
  });

  test('AcceptingSideRole: the "acceptor" is an initiating side too', async () => {
    const { ini: a } = await w.pair({ accRole: 'InitiatingSide' });
    await connectFails(a, 'AttrMismatching.AcceptingSideRole', 400, /"InitiatingSide", expected "AcceptingSide"/);
  });

  test('AcceptingSideOppositeInterfaceId: the acceptor names another interface', async () => {
    const { ini, acc } = await w.pair();
    await modify(acc, { oppositeInterfaceId: 'ri-bp1someoneelse00000000' });
    await connectFails(ini, 'AttrMismatching.AcceptingSideOppositeInterfaceId', 400, new RegExp(`expected "${ini.id}"`));
  });

  test('AcceptingSideOppositeRouterId: the acceptor names another router', async () => {
    const { ini, acc } = await w.pair();
    const other = await w.vpc('cn-hangzhou');
    await modify(acc, { oppositeRouterId: other.routerId });
    await connectFails(
      ini,
      'AttrMismatching.AcceptingSideOppositeRouterId',
      400,
      new RegExp(`"${other.routerId}", expected "${ini.routerId}"`),
    );
  });

  test('AcceptingSideOppositeRouterType: the acceptor expects a VBR', async () => {
    const { ini, acc } = await w.pair();
    await modify(acc, { oppositeRouterType: 'VBR' });
    await connectFails(ini, 'AttrMismatching.AcceptingSideOppositeRouterType', 400, /"VBR", expected "VRouter"/);
  });

  test('AcceptingSideOppositeRegionNo: the acceptor expects the initiator in another region', async () => {
    const { ini } = await w.pair({ accOppositeRegion: 'cn-qingdao' });
    await connectFails(ini, 'AttrMismatching.AcceptingSideOppositeRegionNo', 400, /"cn-qingdao", expected "cn-hangzhou"/);
  });

  test("AcceptingSideOppositeInterfaceOwnerId: across accounts, the acceptor does not name the initiator's account", async () => {
    const { ini, acc } = await w.pair({ accWho: ACCOUNTS.b });
    await modify(acc, { oppositeInterfaceOwnerId: Number(ACCOUNTS.b.uid) });
    await connectFails(
      ini,
      'AttrMismatching.AcceptingSideOppositeInterfaceOwnerId',
      400,
      new RegExp(`"${ACCOUNTS.b.uid}", expected "${ACCOUNTS.a.uid}"`),
    );
  });
});

describe('the order of the checks is the documented one', () => {
  test('a wrong role is reported before a wrong status and missing opposite info', async () => {
    const v = await w.vpc('cn-hangzhou');
    const acc: End = {
      id: await w.ri({ regionId: 'cn-hangzhou', routerId: v.routerId, role: 'AcceptingSide', oppositeRegionId: 'cn-shanghai' }),
      regionId: 'cn-hangzhou',
      routerId: v.routerId,
      vpcId: v.vpcId,
    };
    await connectFails(acc, 'IncorrectRole.NotInitiatingSide');
  });

  test('CROSS_BID is reported before any attribute mismatch', async () => {
    const { ini, acc } = await w.pair({ accWho: ACCOUNTS.intl });
    await modify(acc, { oppositeRouterType: 'VBR' });
    await connectFails(ini, 'CROSS_BID.FORBIDDEN', 404);
  });
});
