// DeleteExpressConnect on a FastLinkMode pair (a VBR's initiator and the VPC's acceptor it made),
// as Terraform's provider calls it: with and without Force, with a route entry through an end, in
// every status, across accounts, with a ClientToken.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ACCOUNTS, type World, type End, type TestAccount } from '../helpers/world.js';
import { Vpc, sdkError } from '../helpers/clients.js';
import { AP, type Ec, REGION, fails, openEc } from './ec.js';

interface FastLink {
  ini: End;
  acc: End;
  vbrId: string;
  routeTableId: string;
}

/** A VBR of `vbrWho` with a FastLinkMode interface to a new VPC of `vpcWho`. */
async function fastLink(w: World, ec: Ec, vbrWho: TestAccount = ACCOUNTS.a, vpcWho: TestAccount = ACCOUNTS.a): Promise<FastLink> {
  const pc = await ec.enabledPc(vbrWho);
  const vbrId = await ec.createVbr(pc, vbrWho);
  const vpc = await w.vpc(REGION, vpcWho);
  const r = await w.client(vbrWho).createRouterInterface(
    new Vpc.CreateRouterInterfaceRequest({
      regionId: REGION,
      role: 'InitiatingSide',
      routerType: 'VBR',
      routerId: vbrId,
      accessPointId: AP,
      spec: 'Large.1',
      oppositeRegionId: REGION,
      oppositeRouterType: 'VRouter',
      oppositeRouterId: vpc.routerId,
      oppositeInterfaceOwnerId: Number(vpcWho.uid),
      fastLinkMode: true,
    }),
  );
  const ini: End = { id: r.body?.routerInterfaceId as string, regionId: REGION, routerId: vbrId, vpcId: '', who: vbrWho };
  const accId = (await w.describe(ini))?.oppositeInterfaceId as string;
  const acc: End = { id: accId, regionId: REGION, routerId: vpc.routerId, vpcId: vpc.vpcId, who: vpcWho };
  return { ini, acc, vbrId, routeTableId: vpc.routeTableId };
}

async function routeTo(w: World, link: FastLink, cidr = '192.168.100.0/24'): Promise<string> {
  const r = await w.client(link.acc.who).createRouteEntry(
    new Vpc.CreateRouteEntryRequest({
      regionId: REGION,
      routeTableId: link.routeTableId,
      destinationCidrBlock: cidr,
      nextHopType: 'RouterInterface',
      nextHopId: link.acc.id,
    }),
  );
  return r.body?.routeEntryId as string;
}

async function routeIds(w: World, link: FastLink): Promise<string[]> {
  const r = await w
    .client(link.acc.who)
    .describeRouteEntryList(new Vpc.DescribeRouteEntryListRequest({ regionId: REGION, routeTableId: link.routeTableId }));
  return (r.body?.routeEntrys?.routeEntry ?? []).map((e) => e.routeEntryId as string);
}

/** The statuses of both ends, the initiator's first. */
async function statuses(w: World, link: FastLink): Promise<(string | undefined)[]> {
  return [await w.status(link.ini), await w.status(link.acc)];
}

/** Polls until both ends are gone, the initiator first. */
async function bothGone(w: World, link: FastLink): Promise<void> {
  await w.waitFor(link.ini, undefined);
  await w.waitFor(link.acc, undefined);
}

function del(w: World, end: End, extra: Record<string, unknown> = {}) {
  return w
    .client(end.who)
    .deleteExpressConnect(new Vpc.DeleteExpressConnectRequest({ regionId: end.regionId, routerInterfaceId: end.id, ...extra }));
}

describe('DeleteExpressConnect (no delay)', () => {
  let w: World;
  let ec: Ec;
  before(async () => ({ w, ec } = await openEc()));
  after(async () => w.srv.close());

  test("an unknown interface, or another account's, is 404 InvalidRouterInterfaceId.NotFound", async () => {
    const link = await fastLink(w, ec);
    await fails(() => del(w, { ...link.ini, id: 'ri-nothing' }), 'InvalidRouterInterfaceId.NotFound', 404);
    await fails(() => del(w, { ...link.ini, who: ACCOUNTS.b }), 'InvalidRouterInterfaceId.NotFound', 404);
    await fails(() => del(w, { ...link.ini, regionId: 'cn-shanghai' }), 'InvalidRouterInterfaceId.NotFound', 404);
    assert.equal(await w.status(link.ini), 'Active');
  });

  test('without Force: an Active pair is refused, then a route entry through an end; an Inactive pair goes, both ends', async () => {
    const link = await fastLink(w, ec);
    await w.waitFor(link.ini, 'Active');
    assert.equal(await w.status(link.acc), 'Active');
    const e = await sdkError(() => del(w, link.ini));
    assert.deepEqual([e.code, e.statusCode], ['IncorrectStatus.RouterInterface', 400]);
    assert.match(e.message, /status of this RouterInterface is not correct/);
    await fails(() => del(w, link.ini, { force: false }), 'IncorrectStatus.RouterInterface', 400);

    await w
      .client()
      .deactivateRouterInterface(new Vpc.DeactivateRouterInterfaceRequest({ regionId: REGION, routerInterfaceId: link.ini.id }));
    await w.waitFor(link.ini, 'Inactive');
    const route = await routeTo(w, link);
    const dep = await sdkError(() => del(w, link.ini));
    assert.deepEqual([dep.code, dep.statusCode], ['DependencyViolation.RouterInterfaceReferedByRouteEntry', 400]);
    assert.match(dep.message, /refered by a route table entry as next hop/);
    assert.ok((await routeIds(w, link)).includes(route));

    await w.client().deleteRouteEntry(new Vpc.DeleteRouteEntryRequest({ regionId: REGION, routeEntryId: route }));
    await del(w, link.ini);
    await bothGone(w, link);
    // with its interface gone the VBR can be deleted
    await w.client().deleteVirtualBorderRouter(new Vpc.DeleteVirtualBorderRouterRequest({ regionId: REGION, vbrId: link.vbrId }));
  });

  test('with Force: an Active pair and the route entries through it go; called on the accepting end too', async () => {
    const link = await fastLink(w, ec);
    await w.waitFor(link.acc, 'Active');
    const route = await routeTo(w, link);
    await del(w, link.acc, { force: true });
    await bothGone(w, link);
    assert.ok(!(await routeIds(w, link)).includes(route));
  });

  test('the two ends may belong to two accounts; either owner may delete the pair', async () => {
    const link = await fastLink(w, ec, ACCOUNTS.b, ACCOUNTS.a);
    await w.waitFor(link.ini, 'Active');
    assert.equal(link.ini.who, ACCOUNTS.b);
    await fails(() => del(w, { ...link.ini, who: ACCOUNTS.a }), 'InvalidRouterInterfaceId.NotFound', 404);
    await del(w, link.ini, { force: true, clientToken: 'dec-1' });
    await bothGone(w, link);
    // the same token answers as the first call did, though the pair is gone
    await del(w, link.ini, { force: true, clientToken: 'dec-1' });
    await fails(() => del(w, link.ini, { force: true }), 'InvalidRouterInterfaceId.NotFound', 404);
  });

  test('an interface with no linked peer goes alone', async () => {
    const vpc = await w.vpc(REGION);
    const id = await w.ri({ regionId: REGION, routerId: vpc.routerId, role: 'InitiatingSide', oppositeRegionId: 'cn-shanghai' });
    const end: End = { id, regionId: REGION, routerId: vpc.routerId, vpcId: vpc.vpcId };
    assert.equal(await w.status(end), 'Idle');
    await del(w, end);
    await w.waitFor(end, undefined);
  });
});

describe('DeleteExpressConnect with visible transitional states (delay 150 ms)', () => {
  let w: World;
  let ec: Ec;
  before(async () => ({ w, ec } = await openEc({ transitionDelayMs: 150 })));
  after(async () => w.srv.close());

  test('with Force an Active pair goes straight to Deleting, both ends, then is gone', async () => {
    const link = await fastLink(w, ec);
    await w.waitFor(link.ini, 'Active');
    await w.waitFor(link.acc, 'Active');
    const route = await routeTo(w, link);
    await del(w, link.ini, { force: true });
    assert.deepEqual(await statuses(w, link), ['Deleting', 'Deleting']);
    assert.ok(!(await routeIds(w, link)).includes(route));
    // an end in a transitional state is refused, even with Force
    await fails(() => del(w, link.acc, { force: true }), 'IncorrectStatus.RouterInterface', 400);
    await bothGone(w, link);
  });
});

describe('DeleteExpressConnect on a pair still connecting (manual profile)', () => {
  let w: World;
  let ec: Ec;
  before(async () => ({ w, ec } = await openEc({ transitionProfile: 'manual' })));
  after(async () => w.srv.close());

  test('Connecting and AcceptingConnecting ends are refused, even with Force; once Active, Force deletes them', async () => {
    const link = await fastLink(w, ec);
    assert.deepEqual(await statuses(w, link), ['Connecting', 'AcceptingConnecting']);
    for (const end of [link.ini, link.acc]) await fails(() => del(w, end, { force: true }), 'IncorrectStatus.RouterInterface', 400);
    await ec.step(link.ini.id);
    assert.equal(await w.status(link.acc), 'Active');
    await del(w, link.ini, { force: true });
    assert.deepEqual(await statuses(w, link), ['Deleting', 'Deleting']);
    await ec.step(link.acc.id);
    assert.equal(await w.describe(link.ini), undefined);
    assert.equal(await w.describe(link.acc), undefined);
  });
});
