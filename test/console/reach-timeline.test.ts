// Reachability hop by hop (a working path, a path broken at the link, a path without a return
// route) and the timeline of a pair, through the admin API and the CLI, on state built with the
// official SDK.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { openWorld, type World } from '../helpers/world.js';
import { linked as link } from './sites.js';
import { Vpc } from '../helpers/clients.js';
import { admin } from '../helpers/admin.js';
import { runCli } from '../helpers/cli.js';
import type { TestServer } from '../helpers/server.js';

let srv: TestServer;
let w: World;
before(async () => ({ srv, w } = await openWorld()));
after(async () => srv.close());

const cli = (args: string[]) => runCli(srv, args);

interface Hop {
  step: number;
  leg: string;
  kind: string;
  result: string;
  resourceId: string;
  detail: string;
}

async function reach(source: string, destination: string): Promise<{ reachable: boolean; summary: string; hops: Hop[] }> {
  const r = await admin(srv, 'POST', '/_localvpc/reachability', { source, destination });
  assert.equal(r.status, 200, JSON.stringify(r.body));
  return r.body;
}

describe('reachability', () => {
  test('a working path: route, interface, peer, delivery, and the way back', async () => {
    const { hz, ini, acc } = await link(srv, w, 20);
    const r = await reach(hz.vswitchId, '10.21.1.9');
    assert.equal(r.reachable, true, r.summary);
    assert.deepEqual(
      r.hops.map((h) => `${h.leg}:${h.kind}:${h.result}`),
      [
        'forward:source:passed',
        'forward:route:passed',
        'forward:interface:passed',
        'forward:peer:passed',
        'forward:route:passed', // the far side's own table: the vSwitch's local entry
        'forward:deliver:passed',
        'return:route:passed',
        'return:interface:passed',
        'return:peer:passed',
        'return:route:passed',
        'return:deliver:passed',
      ],
    );
    assert.equal(r.hops[2]?.resourceId, ini.id);
    assert.equal(r.hops[3]?.resourceId, acc.id);
    assert.match(r.hops[1]?.detail ?? '', /10\.21\.0\.0\/16/);
    // inside the VPC: delivered with no link crossed
    assert.equal((await reach(hz.vpcId, '10.20.1.7')).reachable, true);
    // the CLI answers the same
    const c = await cli(['reach', hz.vswitchId, '10.21.1.9']);
    assert.equal(c.code, 0, c.stderr);
    assert.match(c.stdout, /reachable/);
    assert.match(c.stdout, /ok\s+3 forward\s+interface/);
  });

  test('broken paths: a deactivated link fails at the interface; a missing return route fails on the way back; no route at all', async () => {
    const { hz, ini } = await link(srv, w, 30);
    await w
      .client()
      .deactivateRouterInterface(new Vpc.DeactivateRouterInterfaceRequest({ regionId: ini.regionId, routerInterfaceId: ini.id }));
    await w.waitFor(ini, 'Inactive');
    const down = await reach(hz.vpcId, '10.31.1.9');
    assert.equal(down.reachable, false);
    const failed = down.hops.find((h) => h.result === 'failed');
    assert.equal(failed?.kind, 'interface');
    assert.match(failed?.detail ?? '', /Inactive/);

    const oneWay = await link(srv, w, 40, { returnRoute: false });
    const noReturn = await reach(oneWay.hz.vpcId, '10.41.1.9');
    assert.equal(noReturn.reachable, false);
    const f = noReturn.hops.find((h) => h.result === 'failed');
    assert.equal(f?.leg, 'return');
    assert.equal(f?.kind, 'route');
    assert.match(noReturn.summary, /way back/);

    const nowhere = await reach(hz.vpcId, '192.168.7.7');
    assert.equal(nowhere.reachable, false);
    assert.match(nowhere.hops[1]?.detail ?? '', /no route/);
    const c = await cli(['reach', oneWay.hz.vpcId, '10.41.1.9']);
    assert.match(c.stdout, /FAIL/);
  });

  test('bad questions are refused with the reason', async () => {
    assert.equal((await admin(srv, 'POST', '/_localvpc/reachability', { source: 'vpc-nope', destination: '10.0.0.1' })).status, 404);
    const bad = await admin(srv, 'POST', '/_localvpc/reachability', { source: 'vpc-nope', destination: '10.0.0' });
    assert.equal(bad.status, 400);
    assert.match(bad.body.error.message, /IPv4/);
    assert.equal((await admin(srv, 'POST', '/_localvpc/reachability', { source: 'vpc-x' })).status, 400);
    assert.equal((await admin(srv, 'POST', '/_localvpc/reachability', { src: 'vpc-x', destination: '1.1.1.1' })).status, 400);
  });
});

describe('timeline', () => {
  test('a pair: every call and transition of both ends, in order, with caller, RequestId and error code', async () => {
    const { ini, acc } = await w.pair();
    await assert.rejects(w.connect(acc)); // IncorrectRole.NotInitiatingSide, recorded
    await w.connect(ini);
    await w.waitFor(acc, 'Active');
    const r = await admin(srv, 'GET', `/_localvpc/timeline/${ini.id}`);
    assert.equal(r.status, 200);
    assert.equal(r.body.peerId, acc.id);
    const events: {
      eventId: number;
      eventType: string;
      eventName: string;
      resourceName: string;
      requestId: string;
      errorCode: string;
      to?: string;
    }[] = r.body.events;
    const ids = events.map((e) => e.eventId);
    assert.deepEqual(
      ids,
      [...ids].sort((a, b) => a - b),
      'oldest first',
    );
    const created = events.filter((e) => e.eventName === 'CreateRouterInterface').map((e) => e.resourceName);
    assert.deepEqual(created.sort(), [ini.id, acc.id].sort(), 'each end starts with its creation');
    const refused = events.find((e) => e.eventName === 'ConnectRouterInterface' && e.resourceName === acc.id);
    assert.equal(refused?.errorCode, 'IncorrectRole.NotInitiatingSide');
    assert.ok(refused?.requestId);
    const connect = events.find((e) => e.eventName === 'ConnectRouterInterface' && e.resourceName === ini.id);
    assert.equal(connect?.errorCode, '');
    const active = events.filter((e) => e.eventType === 'Transition' && e.to === 'Active').map((e) => e.resourceName);
    assert.deepEqual(active.sort(), [ini.id, acc.id].sort());
    assert.ok(events.indexOf(connect) < events.findIndex((e) => e.eventType === 'Transition'));
    const single = await admin(srv, 'GET', `/_localvpc/timeline/${ini.id}?pair=false`);
    assert.ok(single.body.events.every((e: { resourceName: string }) => e.resourceName === ini.id));
    assert.equal((await admin(srv, 'GET', `/_localvpc/timeline/${ini.id}?pair=maybe`)).status, 400);
    assert.equal((await admin(srv, 'GET', '/_localvpc/timeline/ri-never')).status, 404);
    const c = await cli(['timeline', ini.id]);
    assert.equal(c.code, 0, c.stderr);
    assert.match(c.stdout, /Connecting -> Active/);
    assert.match(c.stdout, /IncorrectRole\.NotInitiatingSide/);
  });
});
