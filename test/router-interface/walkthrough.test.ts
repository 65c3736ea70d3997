// The connect flow as docs/connect-flow.md walks through it, with the error a client gets at each
// wrong step, through @alicloud/vpc20160428 and @alicloud/pop-core: create the acceptor, create the
// initiator naming it, set the acceptor's opposite fields, connect from the initiator, poll.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { Vpc, popClient, sdkError } from '../helpers/clients.js';
import { connect, createAcceptor, createInitiator, nameInitiator } from '../helpers/connect-flow.js';
import { DEFAULT_UID } from '../helpers/server.js';
import { openWorld, type World } from '../helpers/world.js';
import type { TestServer } from '../helpers/server.js';

let srv: TestServer;
let w: World;
before(async () => ({ srv, w } = await openWorld({ transitionDelayMs: 200 })));
after(() => srv.close());

test('the walkthrough: each wrong step answers its documented error; the right order connects', async () => {
  const c = w.client();
  const hz = await w.vpc('cn-hangzhou');
  const sh = await w.vpc('cn-shanghai');
  // 1. the accepting end, in Shanghai
  const acc = await createAcceptor(c, sh.routerId);
  // wrong: an initiator that does not name the other end
  const bare = await createInitiator(c, hz.routerId);
  const notSet = await sdkError(() => connect(c, bare));
  assert.equal(notSet.code, 'IncorrectOppositeInterfaceInfo.NotSet');
  assert.match(notSet.message, /OppositeInterfaceId\/OppositeRouterId\/OppositeRouterType\/OppositeInterfaceOwnerId must be all set/);
  await c.deleteRouterInterface(new Vpc.DeleteRouterInterfaceRequest({ regionId: 'cn-hangzhou', routerInterfaceId: bare }));

  // 2. the initiating end, naming the acceptor, its router and its owner
  const ini = await createInitiator(c, hz.routerId, { interfaceId: acc, routerId: sh.routerId, ownerUid: DEFAULT_UID });

  // wrong: connect before the acceptor names the initiator back
  const early = await sdkError(() => connect(c, ini));
  assert.equal(early.code, 'AttrMismatching.AcceptingSideOppositeInterfaceId');
  assert.ok(early.message.includes(ini), early.message);

  // 3. the acceptor's opposite fields
  await nameInitiator(c, acc, { interfaceId: ini, routerId: hz.routerId, ownerUid: DEFAULT_UID });

  // wrong: connect from the accepting side (pop-core, V1 signature, the same answer)
  const pop = popClient(srv.port);
  const fromAcceptor = await sdkError(() =>
    pop.request('ConnectRouterInterface', { RegionId: 'cn-shanghai', RouterInterfaceId: acc }, { method: 'POST' }),
  );
  assert.equal(fromAcceptor.code, 'IncorrectRole.NotInitiatingSide');

  // 4. connect from the initiator; 5. poll until both ends are Active
  await connect(c, ini);
  const seen = await w.waitFor({ id: ini, regionId: 'cn-hangzhou', routerId: hz.routerId, vpcId: hz.vpcId }, 'Active');
  assert.deepEqual(seen, ['Connecting', 'Active']);
  assert.equal(await w.status({ id: acc, regionId: 'cn-shanghai', routerId: sh.routerId, vpcId: sh.vpcId }), 'Active');

  // wrong: connect again
  const again = await sdkError(() => connect(c, ini));
  assert.equal(again.code, 'IncorrectRIStatus');
});
