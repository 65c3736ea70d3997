// The other rules a user runs into around router interfaces: limits, billing, statuses, VBR rules,
// specs, idempotency, routes, and what a deleted peer means.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { v1 } from '../helpers/raw.js';
import { ACCOUNTS, World, openWorld, startWorld, type End } from '../helpers/world.js';
import { Vpc, sdkError } from '../helpers/clients.js';
import type { TestServer } from '../helpers/server.js';

let srv: TestServer;
let w: World;
before(async () => ({ srv, w } = await openWorld()));
after(async () => srv.close());

async function fails(p: Promise<unknown>, code: string, status = 400): Promise<{ code: string; data: { Message: string } }> {
  try {
    await p;
  } catch (e) {
    const err = e as { code: string; statusCode: number; message: string; data: { Message: string } };
    assert.equal(err.code, code, err.message);
    assert.equal(err.statusCode, status);
    return err;
  }
  throw new Error(`expected ${code}`);
}

describe('CreateRouterInterface rules', () => {
  test('LimitationExceed.InterfaceNumberOnRouter at the sixth interface of a router', async () => {
    const v = await w.vpc('cn-hangzhou');
    for (let i = 0; i < 5; i++)
      await w.ri({ regionId: 'cn-hangzhou', routerId: v.routerId, role: 'AcceptingSide', oppositeRegionId: 'cn-shanghai' });
    const e = await fails(
      w.ri({ regionId: 'cn-hangzhou', routerId: v.routerId, role: 'AcceptingSide', oppositeRegionId: 'cn-shanghai' }),
      'LimitationExceed.InterfaceNumberOnRouter',
    );
    assert.equal(e.data.Message, 'Total number of RouterInterfaces on a Router exceeded.');
  });

  test('Spec: Negative exactly for the accepting side', async () => {
    const v = await w.vpc('cn-hangzhou');
    const base = { regionId: 'cn-hangzhou', routerId: v.routerId, oppositeRegionId: 'cn-shanghai' };
    await fails(w.ri({ ...base, role: 'AcceptingSide', spec: 'Large.1' }), 'InvalidSpec.ValudNotSupported');
    await fails(w.ri({ ...base, role: 'InitiatingSide', spec: 'Negative' }), 'InvalidSpec.ValudNotSupported');
    await fails(w.ri({ ...base, role: 'InitiatingSide', spec: 'Huge.9' }), 'InvalidSpec.ValudNotSupported');
    await fails(w.ri({ ...base, role: 'Bystander' as 'InitiatingSide' }), 'InvalidRole.ValueNotSupported');
    await fails(w.ri({ ...base, role: 'InitiatingSide', routerType: 'Router' }), 'InvalidRouterType.ValueNotSupported');
  });

  test("the router must be the caller's, in RegionId", async () => {
    const v = await w.vpc('cn-hangzhou');
    await fails(
      w.ri({ regionId: 'cn-hangzhou', routerId: v.routerId, role: 'InitiatingSide', oppositeRegionId: 'cn-shanghai', who: ACCOUNTS.b }),
      'InvalidRouterId.NotFound',
    );
    await fails(
      w.ri({ regionId: 'cn-shanghai', routerId: v.routerId, role: 'InitiatingSide', oppositeRegionId: 'cn-shanghai' }),
      'InvalidRouterId.NotFound',
    );
  });

  test('VBR rules: initiator only, AccessPointId required and matching the VBR; none on a VRouter', async () => {
    const region = 'cn-qingdao';
    const c = w.client();
    const aps =
      (await c.describeAccessPoints(new Vpc.DescribeAccessPointsRequest({ regionId: region }))).body?.accessPointSet?.accessPointType ?? [];
    assert.equal(aps.length, 2);
    const ap = aps[0]?.accessPointId as string;
    const pc = (
      await c.createPhysicalConnection(new Vpc.CreatePhysicalConnectionRequest({ regionId: region, accessPointId: ap, lineOperator: 'CM' }))
    ).body?.physicalConnectionId as string;
    const vbr = (
      await c.createVirtualBorderRouter(
        new Vpc.CreateVirtualBorderRouterRequest({ regionId: region, physicalConnectionId: pc, vlanId: 100 }),
      )
    ).body?.vbrId as string;
    const base = { regionId: region, routerId: vbr, routerType: 'VBR', oppositeRegionId: region };
    await fails(w.ri({ ...base, role: 'AcceptingSide', accessPointId: ap }), 'InvalidRole.ValueNotSupported');
    await fails(w.ri({ ...base, role: 'InitiatingSide' }), 'InvalidParam.NotFound');
    await fails(w.ri({ ...base, role: 'InitiatingSide', accessPointId: aps[1]?.accessPointId }), 'InvalidAccessPoint.NotMatch');
    assert.match(await w.ri({ ...base, role: 'InitiatingSide', accessPointId: ap }), /^ri-/);
    const v = await w.vpc(region);
    await fails(
      w.ri({ regionId: region, routerId: v.routerId, role: 'InitiatingSide', oppositeRegionId: region, accessPointId: ap }),
      'InvalidAccessPoint.ValueNotAllowed',
    );
    // the same VLAN twice on one physical connection
    await fails(
      c.createVirtualBorderRouter(new Vpc.CreateVirtualBorderRouterRequest({ regionId: region, physicalConnectionId: pc, vlanId: 100 })),
      'InvalidVlanId.Used',
    );
  });

  test('ClientToken: a repeated create answers the first interface and creates nothing', async () => {
    const v = await w.vpc('cn-hangzhou');
    const make = () =>
      w.ri({
        regionId: 'cn-hangzhou',
        routerId: v.routerId,
        role: 'InitiatingSide',
        oppositeRegionId: 'cn-shanghai',
        extra: { clientToken: 'token-123' },
      });
    const first = await make();
    const second = await make();
    assert.equal(second, first);
    const list = await w.client().describeRouterInterfaces(
      new Vpc.DescribeRouterInterfacesRequest({
        regionId: 'cn-hangzhou',
        filter: [new Vpc.DescribeRouterInterfacesRequestFilter({ key: 'RouterId', value: [v.routerId] })],
      }),
    );
    assert.equal(list.body?.totalCount, 1);
  });

  test('ClientToken with other parameters: IdempotentParameterMismatch, and nothing created', async () => {
    const v = await w.vpc('cn-hangzhou');
    const make = (spec: string, description?: string) =>
      w.ri({
        regionId: 'cn-hangzhou',
        routerId: v.routerId,
        role: 'InitiatingSide',
        oppositeRegionId: 'cn-shanghai',
        spec,
        extra: { clientToken: 'token-mismatch', description },
      });
    const first = await make('Large.2');
    const e = await sdkError(() => make('Mini.2'));
    assert.equal(e.code, 'IdempotentParameterMismatch');
    assert.equal(e.statusCode, 400);
    assert.match(e.message, /same client token as a previous, but non-identical request/);
    assert.equal((await sdkError(() => make('Large.2', 'another'))).code, 'IdempotentParameterMismatch');
    assert.equal(await make('Large.2'), first, 'the identical request still answers the first interface');
    const list = await w.client().describeRouterInterfaces(
      new Vpc.DescribeRouterInterfacesRequest({
        regionId: 'cn-hangzhou',
        filter: [new Vpc.DescribeRouterInterfacesRequestFilter({ key: 'RouterId', value: [v.routerId] })],
      }),
    );
    assert.equal(list.body?.totalCount, 1);
    // The same token on another action is another request altogether.
    const vpc2 = await w
      .client()
      .createVpc(new Vpc.CreateVpcRequest({ regionId: 'cn-hangzhou', cidrBlock: '10.0.0.0/16', clientToken: 'token-mismatch' }));
    assert.ok(vpc2.body?.vpcId);
    const again = await sdkError(() =>
      w
        .client()
        .createVpc(new Vpc.CreateVpcRequest({ regionId: 'cn-hangzhou', cidrBlock: '172.16.0.0/12', clientToken: 'token-mismatch' })),
    );
    assert.equal(again.code, 'IdempotentParameterMismatch');
  });

  test('HaveConnectionBetweenRouters: a new interface naming a router already linked', async () => {
    const { ini, acc } = await w.pair();
    await w.connect(ini);
    await fails(
      w.ri({
        regionId: ini.regionId,
        routerId: ini.routerId,
        role: 'InitiatingSide',
        oppositeRegionId: acc.regionId,
        extra: { oppositeRouterId: acc.routerId },
      }),
      'HaveConnectionBetweenRouters',
    );
  });

  test('PrePaid: an OrderId and an EndTime; never on the accepting side', async () => {
    const v = await w.vpc('cn-hangzhou');
    const r = await w.client().createRouterInterface(
      new Vpc.CreateRouterInterfaceRequest({
        regionId: 'cn-hangzhou',
        role: 'InitiatingSide',
        routerType: 'VRouter',
        routerId: v.routerId,
        spec: 'Mini.2',
        oppositeRegionId: 'cn-shanghai',
        instanceChargeType: 'PrePaid',
        pricingCycle: 'Month',
        period: 2,
        autoPay: true,
      }),
    );
    assert.equal(typeof r.body?.orderId, 'number');
    const item = await w.describe({
      id: r.body?.routerInterfaceId as string,
      regionId: 'cn-hangzhou',
      routerId: v.routerId,
      vpcId: v.vpcId,
    });
    assert.equal(item?.chargeType, 'Prepaid');
    assert.notEqual(item?.endTime, '2999-09-08T16:00:00Z');
    await fails(
      w.ri({
        regionId: 'cn-hangzhou',
        routerId: v.routerId,
        role: 'AcceptingSide',
        oppositeRegionId: 'cn-shanghai',
        extra: { instanceChargeType: 'PrePaid' },
      }),
      'Forbidden.AcceptRoleNotSupportPrePay',
    );
  });
});

describe('status rules', () => {
  test('IncorrectRIStatus on activate (not Inactive) and deactivate (not Active)', async () => {
    const { ini } = await w.pair();
    const c = w.client();
    const e1 = await fails(
      c.activateRouterInterface(new Vpc.ActivateRouterInterfaceRequest({ regionId: ini.regionId, routerInterfaceId: ini.id })),
      'IncorrectRIStatus',
    );
    assert.match(e1.data.Message, /status is Inactive\.$/);
    const e2 = await fails(
      c.deactivateRouterInterface(new Vpc.DeactivateRouterInterfaceRequest({ regionId: ini.regionId, routerInterfaceId: ini.id })),
      'IncorrectRIStatus',
    );
    assert.match(e2.data.Message, /status is Active\.$/);
  });

  test('delete only from Idle or Inactive; ModifySpec only on Idle or Active', async () => {
    const { ini } = await w.pair();
    await w.connect(ini);
    await w.waitFor(ini, 'Active');
    const c = w.client();
    await fails(
      c.deleteRouterInterface(new Vpc.DeleteRouterInterfaceRequest({ regionId: ini.regionId, routerInterfaceId: ini.id })),
      'InvalidInstance.StatusError',
    );
    await fails(
      c.modifyRouterInterfaceAttribute(
        new Vpc.ModifyRouterInterfaceAttributeRequest({
          regionId: ini.regionId,
          routerInterfaceId: ini.id,
          oppositeRouterId: 'vrt-elsewhere',
        }),
      ),
      'InvalidParam.ModifyRouterInterface',
    );
    await c.modifyRouterInterfaceAttribute(
      new Vpc.ModifyRouterInterfaceAttributeRequest({
        regionId: ini.regionId,
        routerInterfaceId: ini.id,
        name: 'link-to-shanghai',
        description: 'Production link',
      }),
    );
    assert.equal((await w.describe(ini))?.name, 'link-to-shanghai');
    await fails(
      c.modifyRouterInterfaceSpec(
        new Vpc.ModifyRouterInterfaceSpecRequest({ regionId: ini.regionId, routerInterfaceId: ini.id, spec: 'Negative' }),
      ),
      'InvalidSpec.ValueNotSupported',
    );
  });

  test('OppositeRouterInterfaceIsDeleted: activating an interface whose peer is gone', async () => {
    const { ini, acc } = await w.pair();
    const c = w.client();
    await w.connect(ini);
    await c.deactivateRouterInterface(new Vpc.DeactivateRouterInterfaceRequest({ regionId: ini.regionId, routerInterfaceId: ini.id }));
    await w.waitFor(acc, 'Inactive');
    await c.deleteRouterInterface(new Vpc.DeleteRouterInterfaceRequest({ regionId: acc.regionId, routerInterfaceId: acc.id }));
    await w.waitFor(acc, undefined);
    assert.equal((await w.describe(ini))?.oppositeInterfaceStatus, 'Deleted');
    await fails(
      c.activateRouterInterface(new Vpc.ActivateRouterInterfaceRequest({ regionId: ini.regionId, routerInterfaceId: ini.id })),
      'OppositeRouterInterfaceIsDeleted',
    );
  });

  test('RouterInterfaceReferredByRouteEntry: a route through the interface blocks deleting it', async () => {
    const { ini } = await w.pair();
    const c = w.client();
    const rte = await c.createRouteEntry(
      new Vpc.CreateRouteEntryRequest({
        regionId: ini.regionId,
        routeTableId: await w.vpcRouteTable(ini),
        destinationCidrBlock: '10.1.0.0/16',
        nextHopType: 'RouterInterface',
        nextHopId: ini.id,
      }),
    );
    await fails(
      c.deleteRouterInterface(new Vpc.DeleteRouterInterfaceRequest({ regionId: ini.regionId, routerInterfaceId: ini.id })),
      'RouterInterfaceReferredByRouteEntry',
    );
    await c.deleteRouteEntry(new Vpc.DeleteRouteEntryRequest({ regionId: ini.regionId, routeEntryId: rte.body?.routeEntryId }));
    await c.deleteRouterInterface(new Vpc.DeleteRouterInterfaceRequest({ regionId: ini.regionId, routerInterfaceId: ini.id }));
    await w.waitFor(ini, undefined);
  });

  test('DeleteVpc is refused while its router has router interfaces', async () => {
    const { ini } = await w.pair();
    await fails(
      w.client().deleteVpc(new Vpc.DeleteVpcRequest({ regionId: ini.regionId, vpcId: ini.vpcId })),
      'DependencyViolation.RouterInterface',
    );
  });

  test("DescribeRouterInterfaceAttribute: the caller's interface in full; another account's, an unknown and a deleted one are 200 with empty fields", async () => {
    const { ini, acc } = await w.pair();
    const r = await w
      .client()
      .describeRouterInterfaceAttribute(new Vpc.DescribeRouterInterfaceAttributeRequest({ regionId: ini.regionId, instanceId: ini.id }));
    assert.equal(r.body?.routerInterfaceId, ini.id);
    assert.equal(r.body?.success, true);
    assert.equal(r.body?.fastLinkMode, 'false');
    const gone = async (who: typeof ACCOUNTS.a, regionId: string, id: string) => {
      const raw = await v1(
        w.srv.port,
        { Action: 'DescribeRouterInterfaceAttribute', RegionId: regionId, InstanceId: id },
        { key: who.key },
      );
      assert.equal(raw.status, 200);
      const body = raw.json();
      // the sentinel Terraform's provider reads: the key present, holding ""
      assert.equal(body.RouterInterfaceId, '');
      assert.equal(body.Status, '');
      return body;
    };
    await gone(ACCOUNTS.b, ini.regionId, ini.id);
    await gone(ACCOUNTS.a, ini.regionId, 'ri-bp1nosuchinterface00');
    await gone(ACCOUNTS.a, acc.regionId, ini.id);
    await w.client().deleteRouterInterface(new Vpc.DeleteRouterInterfaceRequest({ regionId: ini.regionId, routerInterfaceId: ini.id }));
    await w.waitFor(ini, undefined);
    await gone(ACCOUNTS.a, ini.regionId, ini.id);
  });
});

describe('billing flags from configuration', () => {
  test('Forbidden.BillsOutstanding on create and connect; Forbidden.FinancialLocked on activate and modify', async () => {
    const first = await startWorld();
    const w1 = new World(first);
    const { ini } = await w1.pair();
    await w1.connect(ini);
    await w1.waitFor(ini, 'Active');
    await w1
      .client()
      .deactivateRouterInterface(new Vpc.DeactivateRouterInterfaceRequest({ regionId: ini.regionId, routerInterfaceId: ini.id }));
    const { ini: idle } = await w1.pair({ iniRegion: 'cn-beijing', accRegion: 'cn-qingdao' });
    await first.app.close();
    const second = await startWorld(
      {
        defaultAccount: { ...first.config.defaultAccount },
        accounts: [{ aliUid: ACCOUNTS.a.uid, billsOutstanding: true, financialLocked: true }],
      },
      first.dataDir,
    );
    try {
      const w2 = new World(second);
      const c = w2.client();
      const e = await fails(w2.connect(idle), 'Forbidden.BillsOutstanding');
      assert.equal(e.data.Message, 'You cannot use this action because you have bills outstanding.');
      const e2 = await fails(
        w2.ri({ regionId: 'cn-hangzhou', routerId: ini.routerId, role: 'InitiatingSide', oppositeRegionId: 'cn-shanghai' }),
        'Forbidden.BillsOutstanding',
      );
      assert.equal(e2.data.Message, 'You cannot create more RouterInterface because you have bills outstanding.');
      await fails(
        c.activateRouterInterface(new Vpc.ActivateRouterInterfaceRequest({ regionId: ini.regionId, routerInterfaceId: ini.id })),
        'Forbidden.FinancialLocked',
      );
      await fails(
        c.modifyRouterInterfaceSpec(
          new Vpc.ModifyRouterInterfaceSpecRequest({ regionId: ini.regionId, routerInterfaceId: ini.id, spec: 'Mini.2' }),
        ),
        'Forbidden.FinancialLocked',
      );
      assert.equal((await w2.describe(ini))?.businessStatus, 'FinancialLocked');
    } finally {
      await second.close();
      await first.close();
    }
  });
});

describe('FastLinkMode', () => {
  test('a VBR initiator in fast-link mode creates the accepting end and connects both', async () => {
    const region = 'cn-chengdu';
    const c = w.client();
    const ap = (await c.describeAccessPoints(new Vpc.DescribeAccessPointsRequest({ regionId: region }))).body?.accessPointSet
      ?.accessPointType?.[0]?.accessPointId as string;
    const pc = (
      await c.createPhysicalConnection(new Vpc.CreatePhysicalConnectionRequest({ regionId: region, accessPointId: ap, lineOperator: 'CT' }))
    ).body?.physicalConnectionId as string;
    const vbr = (
      await c.createVirtualBorderRouter(new Vpc.CreateVirtualBorderRouterRequest({ regionId: region, physicalConnectionId: pc, vlanId: 5 }))
    ).body?.vbrId as string;
    const vpc = await w.vpc(region);
    const id = await w.ri({
      regionId: region,
      routerId: vbr,
      routerType: 'VBR',
      accessPointId: ap,
      role: 'InitiatingSide',
      oppositeRegionId: region,
      extra: {
        fastLinkMode: true,
        oppositeRouterType: 'VRouter',
        oppositeRouterId: vpc.routerId,
        oppositeInterfaceOwnerId: ACCOUNTS.a.uid,
      },
    });
    const ini: End = { id, regionId: region, routerId: vbr, vpcId: '' };
    await w.waitFor(ini, 'Active');
    const item = await w.describe(ini);
    assert.equal(item?.fastLinkMode, true);
    assert.equal(item?.oppositeInterfaceStatus, 'Active');
    const acc: End = { id: item?.oppositeInterfaceId as string, regionId: region, routerId: vpc.routerId, vpcId: vpc.vpcId };
    assert.equal((await w.describe(acc))?.role, 'AcceptingSide');
  });
});
