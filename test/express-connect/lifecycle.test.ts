// Physical connections and VBRs through their whole lifecycle, as a user drives it with the
// official SDK: every status change (held under the manual profile and stepped, or completing by
// itself after a small delay), every error of the new actions (code and HTTP status), ClientToken
// idempotency, and the permissions of a VBR made on one account's connection for another account.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ACCOUNTS, type World } from '../helpers/world.js';
import { Vpc, type VpcClient } from '../helpers/clients.js';
import { admin } from '../helpers/admin.js';
import type { TestServer } from '../helpers/server.js';
import { AP, type Ec, REGION, fails, openEc } from './ec.js';
import { VBRS } from '../../src/resources/express-connect/storage.js';

const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/;

type Extra = Record<string, unknown>;

/** The actions on one physical connection of the region, through client `c` (`extra`: more request fields). */
const pcAction = {
  enable: (c: VpcClient, id: string, extra?: Extra) => c.enablePhysicalConnection(pcReq(Vpc.EnablePhysicalConnectionRequest, id, extra)),
  cancel: (c: VpcClient, id: string, extra?: Extra) => c.cancelPhysicalConnection(pcReq(Vpc.CancelPhysicalConnectionRequest, id, extra)),
  terminate: (c: VpcClient, id: string, extra?: Extra) =>
    c.terminatePhysicalConnection(pcReq(Vpc.TerminatePhysicalConnectionRequest, id, extra)),
  delete: (c: VpcClient, id: string, extra?: Extra) => c.deletePhysicalConnection(pcReq(Vpc.DeletePhysicalConnectionRequest, id, extra)),
  modify: (c: VpcClient, id: string, extra?: Extra) =>
    c.modifyPhysicalConnectionAttribute(pcReq(Vpc.ModifyPhysicalConnectionAttributeRequest, id, extra)),
};

/** The actions on one VBR of the region, through client `c`. */
const vbrAction = {
  terminate: (c: VpcClient, id: string, extra?: Extra) =>
    c.terminateVirtualBorderRouter(vbrReq(Vpc.TerminateVirtualBorderRouterRequest, id, extra)),
  recover: (c: VpcClient, id: string, extra?: Extra) =>
    c.recoverVirtualBorderRouter(vbrReq(Vpc.RecoverVirtualBorderRouterRequest, id, extra)),
  delete: (c: VpcClient, id: string, extra?: Extra) => c.deleteVirtualBorderRouter(vbrReq(Vpc.DeleteVirtualBorderRouterRequest, id, extra)),
  modify: (c: VpcClient, id: string, extra?: Extra) =>
    c.modifyVirtualBorderRouterAttribute(vbrReq(Vpc.ModifyVirtualBorderRouterAttributeRequest, id, extra)),
};

function pcReq<T>(Req: new (m: Extra) => T, id: string, extra: Extra = {}): T {
  return new Req({ regionId: REGION, physicalConnectionId: id, ...extra });
}

function vbrReq<T>(Req: new (m: Extra) => T, id: string, extra: Extra = {}): T {
  return new Req({ regionId: REGION, vbrId: id, ...extra });
}

describe('physical connections, transitions held (manual profile) and stepped', () => {
  let srv: TestServer;
  let w: World;
  let ec: Ec;
  before(async () => ({ srv, w, ec } = await openEc({ transitionProfile: 'manual' })));
  after(async () => srv.close());

  test('a new connection is Initial; EnablePhysicalConnection enables it at once and cancels the automatic transition', async () => {
    const id = await ec.createPc();
    const before = await ec.pc(id);
    assert.equal(before?.status, 'Initial');
    assert.equal(before?.enabledTime, '');
    const pending = await admin(srv, 'GET', '/_localvpc/transitions');
    assert.ok((pending.body.pending as { id: string }[]).some((p) => p.id === id));
    await pcAction.enable(w.client(), id);
    const pc = await ec.pc(id);
    assert.equal(pc?.status, 'Enabled');
    assert.match(pc?.enabledTime ?? '', ISO);
    assert.equal((await admin(srv, 'POST', `/_localvpc/transitions/${id}/step`)).status, 404);
    await fails(() => pcAction.enable(w.client(), id), 'Forbidden.NotAllowedInState', 400);
  });

  test('EnablePhysicalConnection: Confirmed too; other statuses refused', async () => {
    const id = await ec.createPc();
    await ec.setPcStatus(id, 'Confirmed');
    await pcAction.enable(w.client(), id);
    assert.equal(await ec.pcStatus(id), 'Enabled');
    for (const s of ['Approved', 'Allocated', 'Rejected', 'Canceled', 'AllocationFailed', 'Terminating', 'Terminated'] as const) {
      await ec.setPcStatus(id, s);
      await fails(() => pcAction.enable(w.client(), id), 'Forbidden.NotAllowedInState', 400);
      assert.equal(await ec.pcStatus(id), s);
    }
  });

  test('CancelPhysicalConnection: Initial, Approved, Allocated, Confirmed -> Canceled; the automatic transition is cancelled', async () => {
    const id = await ec.createPc();
    await pcAction.cancel(w.client(), id);
    assert.equal(await ec.pcStatus(id), 'Canceled');
    assert.equal((await admin(srv, 'POST', `/_localvpc/transitions/${id}/step`)).status, 404);
    assert.equal(await ec.pcStatus(id), 'Canceled');
    for (const s of ['Approved', 'Allocated', 'Confirmed'] as const) {
      const other = await ec.createPc();
      await ec.setPcStatus(other, s);
      await pcAction.cancel(w.client(), other);
      assert.equal(await ec.pcStatus(other), 'Canceled');
    }
    for (const s of ['Enabled', 'Canceled', 'Rejected', 'Allocating', 'Terminated'] as const) {
      await ec.setPcStatus(id, s);
      await fails(() => pcAction.cancel(w.client(), id), 'Forbidden.NotAllowedInState', 400);
    }
  });

  test('TerminatePhysicalConnection: Enabled -> Terminating -> Terminated; refused in other statuses and while a VBR is on it', async () => {
    const id = await ec.enabledPc();
    const vbr = await ec.createVbr(id);
    await fails(() => pcAction.terminate(w.client(), id), 'Forbidden.VbrAttached', 400);
    // a terminated VBR still counts: it must be deleted first
    await vbrAction.terminate(w.client(), vbr);
    await ec.step(vbr);
    assert.equal(await ec.vbrStatus(vbr), 'terminated');
    await fails(() => pcAction.terminate(w.client(), id), 'Forbidden.VbrAttached', 400);
    await vbrAction.delete(w.client(), vbr);

    await pcAction.terminate(w.client(), id);
    assert.equal(await ec.pcStatus(id), 'Terminating');
    await fails(() => pcAction.terminate(w.client(), id), 'Forbidden.NotAllowedInState', 400);
    // no new VBR on a connection that is going away
    await fails(() => ec.createVbr(id), 'InvalidPhysicalConnectionId.NotEnabled', 400);
    await ec.step(id);
    const pc = await ec.pc(id);
    assert.equal(pc?.status, 'Terminated');
    assert.match(pc?.enabledTime ?? '', ISO);

    const initial = await ec.createPc();
    await fails(() => pcAction.terminate(w.client(), initial), 'Forbidden.NotAllowedInState', 400);
  });

  test('DeletePhysicalConnection: only the owner, no VBR left, in the deletable statuses; gone at once', async () => {
    const c = w.client();
    await fails(() => pcAction.delete(c, 'pc-nothing'), 'InvalidPhysicalConnectionId.NotFound', 404);
    const id = await ec.enabledPc();
    await fails(() => pcAction.delete(w.client(ACCOUNTS.b), id), 'InvalidPhysicalConnectionId.NotFound', 404);
    await fails(() => pcAction.delete(c, id), 'Forbidden.NotInAllowDeleteStatus', 400);
    const vbr = await ec.createVbr(id);
    await fails(() => pcAction.delete(c, id), 'Forbidden.VBRExists', 400);
    await vbrAction.delete(c, vbr);
    for (const s of ['Initial', 'Approved', 'Allocating', 'Terminating'] as const) {
      await ec.setPcStatus(id, s);
      await fails(() => pcAction.delete(c, id), 'Forbidden.NotInAllowDeleteStatus', 400);
    }
    for (const s of ['Allocated', 'Confirmed', 'Rejected', 'Canceled', 'AllocationFailed', 'Terminated'] as const) {
      const pc = await ec.createPc();
      await ec.setPcStatus(pc, s);
      await pcAction.delete(c, pc);
      assert.equal(await ec.pc(pc), undefined, s);
      await fails(() => pcAction.delete(c, pc), 'InvalidPhysicalConnectionId.NotFound', 404);
    }
  });

  test("every new physical-connection action: an unknown id, another account's, another region's are 404", async () => {
    const id = await ec.createPc();
    const calls: [string, (c: VpcClient, pcId: string, extra?: Extra) => Promise<unknown>][] = [
      ['Enable', pcAction.enable],
      ['Cancel', pcAction.cancel],
      ['Terminate', pcAction.terminate],
      ['Modify', (c, pcId, extra) => pcAction.modify(c, pcId, { name: 'x1', ...extra })],
    ];
    for (const [name, call] of calls) {
      await fails(() => call(w.client(ACCOUNTS.a), 'pc-nothing'), 'InvalidPhysicalConnectionId.NotFound', 404);
      await fails(() => call(w.client(ACCOUNTS.b), id), 'InvalidPhysicalConnectionId.NotFound', 404);
      await fails(() => call(w.client(ACCOUNTS.a), id, { regionId: 'cn-shanghai' }), 'InvalidPhysicalConnectionId.NotFound', 404);
      assert.equal(await ec.pcStatus(id), 'Initial', name);
    }
  });

  test('ModifyPhysicalConnectionAttribute: Initial, Enabled, Rejected (back to Initial); values checked as at creation', async () => {
    const c = w.client();
    const id = await ec.createPc();
    const modify = (extra: Extra) => pcAction.modify(c, id, extra);
    await modify({
      name: 'primary-line',
      description: 'The primary line',
      lineOperator: 'CU',
      portType: '10GBase-LR',
      bandwidth: 10_000,
      peerLocation: 'Room 101',
      circuitCode: 'longtel001',
    });
    let pc = await ec.pc(id);
    assert.deepEqual(
      [pc?.status, pc?.name, pc?.description, pc?.lineOperator, pc?.portType, pc?.bandwidth, pc?.peerLocation, pc?.circuitCode],
      ['Initial', 'primary-line', 'The primary line', 'CU', '10GBase-LR', 10_000, 'Room 101', 'longtel001'],
    );
    // a redundant connection: another of the caller's, alive
    const other = await ec.createPc();
    await modify({ redundantPhysicalConnectionId: other });
    assert.equal((await ec.pc(id))?.redundantPhysicalConnectionId, other);
    for (const bad of ['pc-nothing', id, await ec.createPc(ACCOUNTS.b)]) {
      await fails(() => modify({ redundantPhysicalConnectionId: bad }), 'InvalidRedundantPhysicalConnection', 400);
    }
    await ec.setPcStatus(other, 'Canceled');
    await fails(() => modify({ redundantPhysicalConnectionId: other }), 'InvalidRedundantPhysicalConnectionStatus', 400);
    for (const [field, value, code] of [
      ['lineOperator', 'XX', 'InvalidLineOperator.Malformd'],
      ['portType', '1Base-T', 'InvalidPortType.Malformd'],
      ['bandwidth', 0, 'InvalidBandwidth'],
      ['name', '1st', 'InvalidName.Malformed'],
      ['description', 'http://x', 'InvalidDescription.Malformed'],
    ] as const) {
      await fails(() => modify({ [field]: value }), code, 400);
    }
    // Enabled: allowed
    await pcAction.enable(c, id);
    await modify({ bandwidth: 2000 });
    pc = await ec.pc(id);
    assert.deepEqual([pc?.status, pc?.bandwidth], ['Enabled', 2000]);
    // Rejected: modified, it is submitted again (Initial), and enabled by itself in time
    await ec.setPcStatus(id, 'Rejected');
    await modify({ portType: '1000Base-LX' });
    assert.equal(await ec.pcStatus(id), 'Initial');
    await ec.step(id);
    assert.equal(await ec.pcStatus(id), 'Enabled');
    for (const s of ['Canceled', 'Allocating', 'AllocationFailed', 'Terminating', 'Terminated', 'Confirmed'] as const) {
      await ec.setPcStatus(id, s);
      await fails(() => modify({ name: 'again' }), 'InvalidStatus', 400);
    }
  });

  test('ClientToken: a repeated call answers as the first did and changes nothing', async () => {
    const c = w.client();
    const first = await ec.createPc(ACCOUNTS.a, { clientToken: 'pc-token-1' });
    const second = await ec.createPc(ACCOUNTS.a, { clientToken: 'pc-token-1' });
    assert.equal(second, first);
    await pcAction.enable(c, first, { clientToken: 'enable-1' });
    await pcAction.enable(c, first, { clientToken: 'enable-1' });
    await pcAction.terminate(c, first, { clientToken: 'terminate-1' });
    await pcAction.terminate(c, first, { clientToken: 'terminate-1' });
    assert.equal(await ec.pcStatus(first), 'Terminating');
    const modified = await ec.createPc();
    await pcAction.modify(c, modified, { clientToken: 'modify-1', name: 'first-name' });
    await pcAction.modify(c, modified, { clientToken: 'modify-1', name: 'first-name' });
    await fails(() => pcAction.modify(c, modified, { clientToken: 'modify-1', name: 'second-name' }), 'IdempotentParameterMismatch', 400);
    assert.equal((await ec.pc(modified))?.name, 'first-name');
    await ec.step(first);
    await pcAction.delete(c, first, { clientToken: 'delete-1' });
    await pcAction.delete(c, first, { clientToken: 'delete-1' });
    assert.equal(await ec.pc(first), undefined);
    const cancelled = await ec.createPc();
    await pcAction.cancel(c, cancelled, { clientToken: 'cancel-1' });
    await pcAction.cancel(c, cancelled, { clientToken: 'cancel-1' });
    assert.equal(await ec.pcStatus(cancelled), 'Canceled');
    // without the token the second call is refused
    await fails(() => pcAction.cancel(c, cancelled), 'Forbidden.NotAllowedInState', 400);
  });
});

describe('physical connections by themselves (delay 150 ms)', () => {
  let w: World;
  let ec: Ec;
  before(async () => ({ w, ec } = await openEc({ transitionDelayMs: 150 })));
  after(async () => w.srv.close());

  test('Initial, then Enabled by itself; Terminating, then Terminated by itself', async () => {
    const id = await ec.createPc();
    const seen = await ec.waitFor(() => ec.pcStatus(id), 'Enabled');
    assert.deepEqual(seen, ['Initial', 'Enabled']);
    assert.match((await ec.pc(id))?.enabledTime ?? '', ISO);
    await pcAction.terminate(w.client(), id);
    assert.equal(await ec.pcStatus(id), 'Terminating');
    await ec.waitFor(() => ec.pcStatus(id), 'Terminated');
  });

  test('a cancelled connection stays Canceled after the delay', async () => {
    const id = await ec.createPc();
    await pcAction.cancel(w.client(), id);
    await new Promise((r) => setTimeout(r, 300));
    assert.equal(await ec.pcStatus(id), 'Canceled');
  });
});

describe('VBRs: terminate and recover, held (manual profile) and stepped', () => {
  let srv: TestServer;
  let w: World;
  let ec: Ec;
  let pc: string;
  before(async () => {
    ({ srv, w, ec } = await openEc({ transitionProfile: 'manual' }));
    pc = await ec.enabledPc();
  });
  after(async () => srv.close());

  test('active -> terminating -> terminated -> recovering -> active, with TerminationTime and RecoveryTime', async () => {
    const c = w.client();
    const id = await ec.createVbr(pc);
    const fresh = await ec.vbr(id);
    assert.deepEqual([fresh?.status, fresh?.terminationTime, fresh?.recoveryTime], ['active', '', '']);
    await vbrAction.terminate(c, id);
    assert.equal(await ec.vbrStatus(id), 'terminating');
    for (const call of [() => vbrAction.terminate(c, id), () => vbrAction.recover(c, id), () => vbrAction.delete(c, id)]) {
      await fails(call, 'InvalidOperation.OperationNotAllowedInState', 400);
    }
    await fails(() => vbrAction.modify(c, id, { name: 'renamed' }), 'IncorrectStatus.VirtualBorderRouter', 400);
    await ec.step(id);
    const terminated = await ec.vbr(id);
    assert.equal(terminated?.status, 'terminated');
    assert.match(terminated?.terminationTime ?? '', ISO);
    await fails(() => vbrAction.terminate(c, id), 'InvalidOperation.OperationNotAllowedInState', 400);
    await fails(() => vbrAction.modify(c, id, { name: 'renamed' }), 'IncorrectStatus.VirtualBorderRouter', 400);
    // no router interface on a VBR that is not active
    await fails(
      () =>
        c.createRouterInterface(
          new Vpc.CreateRouterInterfaceRequest({
            regionId: REGION,
            role: 'InitiatingSide',
            routerType: 'VBR',
            routerId: id,
            accessPointId: AP,
            spec: 'Large.1',
            oppositeRegionId: REGION,
          }),
        ),
      'INVAID_VBR_STATUS',
      400,
    );

    await vbrAction.recover(c, id);
    assert.equal(await ec.vbrStatus(id), 'recovering');
    await fails(() => vbrAction.recover(c, id), 'InvalidOperation.OperationNotAllowedInState', 400);
    await ec.step(id);
    const recovered = await ec.vbr(id);
    assert.equal(recovered?.status, 'active');
    assert.match(recovered?.recoveryTime ?? '', ISO);
    assert.equal(recovered?.terminationTime, terminated?.terminationTime);
    await fails(() => vbrAction.recover(c, id), 'InvalidOperation.OperationNotAllowedInState', 400);
  });

  test('RecoverVirtualBorderRouter needs an Enabled physical connection and the VBR its VLAN', async () => {
    const c = w.client();
    const id = await ec.createVbr(pc);
    await vbrAction.terminate(c, id);
    await ec.step(id);
    await ec.setPcStatus(pc, 'Terminated');
    await fails(() => vbrAction.recover(c, id), 'OperationFailed.PconnTrafficNotEnable', 400);
    await ec.setPcStatus(pc, 'Enabled');
    // another VBR took the VLAN meanwhile (Alibaba frees a terminated VBR's VLAN after 7 days)
    const other = await ec.createVbr(pc);
    const vlan = (await ec.vbr(id))?.vlanId as number;
    await srv.app.store.run('write', async (tx) => {
      const row = await tx.repo(VBRS).get(other);
      if (row) await tx.repo(VBRS).update({ ...row, vlanId: vlan });
    });
    await fails(() => vbrAction.recover(c, id), 'OperationFailed.VlanIdAlreadyInUse', 400);
    await vbrAction.delete(c, other);
    await vbrAction.recover(c, id);
    assert.equal(await ec.vbrStatus(id), 'recovering');
  });

  test('DeleteVirtualBorderRouter: unconfirmed, active and terminated only', async () => {
    const c = w.client();
    for (const s of ['unconfirmed', 'active', 'terminated'] as const) {
      const id = await ec.createVbr(pc);
      await ec.setVbrStatus(id, s);
      await vbrAction.delete(c, id);
      assert.equal(await ec.vbr(id), undefined, s);
    }
    for (const s of ['terminating', 'recovering', 'deleting'] as const) {
      const id = await ec.createVbr(pc);
      await ec.setVbrStatus(id, s);
      await fails(() => vbrAction.delete(c, id), 'InvalidOperation.OperationNotAllowedInState', 400);
    }
    await fails(() => vbrAction.delete(c, 'vbr-nothing'), 'InvalidVbrId.NotFound', 404);
  });

  test("a VBR made for another account: only the connection's owner terminates or recovers it; a stranger does not see it", async () => {
    const id = await ec.createVbr(pc, ACCOUNTS.a, { vbrOwnerId: Number(ACCOUNTS.b.uid) });
    assert.equal((await ec.vbr(id, ACCOUNTS.b))?.physicalConnectionOwnerUid, ACCOUNTS.a.uid);
    const b = w.client(ACCOUNTS.b);
    const stranger = w.client(ACCOUNTS.intl);
    await fails(() => vbrAction.terminate(b, id), 'Forbidden.OperationTerminateNotAllowedByUser', 403);
    await fails(() => vbrAction.terminate(stranger, id), 'InvalidVbrId.NotFound', 404);
    await fails(() => vbrAction.terminate(w.client(), id, { regionId: 'cn-shanghai' }), 'InvalidVbrId.NotFound', 404);
    await fails(() => vbrAction.terminate(w.client(), 'vbr-nothing'), 'InvalidVbrId.NotFound', 404);
    await vbrAction.terminate(w.client(), id);
    await ec.step(id);
    assert.equal(await ec.vbrStatus(id, ACCOUNTS.b), 'terminated');
    await fails(() => vbrAction.recover(b, id), 'Forbidden.OperationRecoverNotAllowedByUser', 403);
    await fails(() => vbrAction.recover(stranger, id), 'InvalidVbrId.NotFound', 404);
    await vbrAction.recover(w.client(), id);
    await ec.step(id);
    assert.equal(await ec.vbrStatus(id, ACCOUNTS.b), 'active');
    // both owners may delete it; a stranger may not see it
    await fails(() => vbrAction.delete(stranger, id), 'InvalidVbrId.NotFound', 404);
    await vbrAction.delete(b, id);
    assert.equal(await ec.vbr(id), undefined);
  });

  test('ClientToken: a repeated terminate or recover answers as the first did', async () => {
    const c = w.client();
    const id = await ec.createVbr(pc);
    await vbrAction.terminate(c, id, { clientToken: 'vbr-terminate-1' });
    await vbrAction.terminate(c, id, { clientToken: 'vbr-terminate-1' });
    await ec.step(id);
    await vbrAction.recover(c, id, { clientToken: 'vbr-recover-1' });
    await vbrAction.recover(c, id, { clientToken: 'vbr-recover-1' });
    assert.equal(await ec.vbrStatus(id), 'recovering');
    await ec.step(id);
    await vbrAction.delete(c, id, { clientToken: 'vbr-delete-1' });
    await vbrAction.delete(c, id, { clientToken: 'vbr-delete-1' });
    assert.equal(await ec.vbr(id), undefined);
  });
});

describe('VBRs by themselves (delay 150 ms)', () => {
  let w: World;
  let ec: Ec;
  before(async () => ({ w, ec } = await openEc({ transitionDelayMs: 150 })));
  after(async () => w.srv.close());

  test('terminating, then terminated by itself; recovering, then active by itself', async () => {
    const pc = await ec.enabledPc();
    const id = await ec.createVbr(pc);
    await vbrAction.terminate(w.client(), id);
    assert.equal(await ec.vbrStatus(id), 'terminating');
    await ec.waitFor(() => ec.vbrStatus(id), 'terminated');
    await vbrAction.recover(w.client(), id);
    assert.equal(await ec.vbrStatus(id), 'recovering');
    await ec.waitFor(() => ec.vbrStatus(id), 'active');
    const v = await ec.vbr(id);
    assert.match(v?.terminationTime ?? '', ISO);
    assert.match(v?.recoveryTime ?? '', ISO);
  });
});

describe('ModifyVirtualBorderRouterAttribute (no delay)', () => {
  let w: World;
  let ec: Ec;
  let pc: string;
  before(async () => {
    ({ w, ec } = await openEc());
    pc = await ec.enabledPc();
  });
  after(async () => w.srv.close());

  const modify = (id: string, extra: Record<string, unknown>, who = ACCOUNTS.a) => vbrAction.modify(w.client(who), id, extra);

  test('every field of the spec, shown by DescribeVirtualBorderRouters', async () => {
    const id = await ec.createVbr(pc, ACCOUNTS.a, { vlanId: 900 });
    const fresh = await ec.vbr(id);
    assert.deepEqual(
      [fresh?.minRxInterval, fresh?.minTxInterval, fresh?.detectMultiplier, fresh?.mtu, fresh?.enableIpv6, fresh?.sitelinkEnable],
      [200, 200, 3, 1500, false, false],
    );
    // each field set, then shown as set
    const fields = {
      vlanId: 901,
      name: 'edge-router',
      description: 'The edge router',
      circuitCode: 'circuit-7',
      localGatewayIp: '172.16.0.1',
      peerGatewayIp: '172.16.0.100',
      peeringSubnetMask: '255.255.255.0',
      minRxInterval: 300,
      minTxInterval: 400,
      detectMultiplier: 5,
      mtu: 8500,
      bandwidth: 500,
      enableIpv6: true,
      localIpv6GatewayIp: '2408:4004:cc::1',
      peerIpv6GatewayIp: '2408:4004:cc::2',
      peeringIpv6SubnetMask: '2408:4004:cc::/56',
      sitelinkEnable: true,
    };
    await modify(id, { ...fields, associatedPhysicalConnections: '[]' });
    const v = await ec.vbr(id);
    const shown = Object.fromEntries((Object.keys(fields) as (keyof typeof fields)[]).map((k) => [k, v?.[k]]));
    assert.deepEqual({ status: v?.status, ...shown }, { status: 'active', ...fields });
    // the current VLAN and peering again, as Terraform always sends them
    await modify(id, {
      vlanId: 901,
      localGatewayIp: '172.16.0.1',
      peerGatewayIp: '172.16.0.100',
      peeringSubnetMask: '255.255.255.0',
      mtu: 1500,
    });
    assert.deepEqual([(await ec.vbr(id))?.vlanId, (await ec.vbr(id))?.mtu], [901, 1500]);
  });

  test('values: each malformed one, a used VLAN, the peering as a whole', async () => {
    const id = await ec.createVbr(pc, ACCOUNTS.a, { vlanId: 910 });
    await ec.createVbr(pc, ACCOUNTS.a, { vlanId: 911 });
    const cases: [Record<string, unknown>, string][] = [
      [{ vlanId: 3000 }, 'InvalidVlanId.Malformed'],
      [{ vlanId: -1 }, 'InvalidVlanId.Malformed'],
      [{ vlanId: 911 }, 'InvalidVlanId.Used'],
      [{ localGatewayIp: '10.0.0.300' }, 'InvalidIp.Malformed'],
      [{ peerGatewayIp: 'ten' }, 'InvalidIp.Malformed'],
      [{ peeringSubnetMask: '255.255.255.254' }, 'InvalidPeeringSubnetMask.Malformed'],
      [{ peeringSubnetMask: '255.255.0.0' }, 'InvalidPeeringSubnetMask.Malformed'],
      [{ peeringSubnetMask: '255.0.255.0' }, 'InvalidPeeringSubnetMask.Malformed'],
      [{ peerGatewayIp: '10.0.1.2' }, 'InvalidIp.NotSameSubnet'],
      [{ minRxInterval: 199 }, 'IllegalParam.MinRxInterval'],
      [{ minTxInterval: 1001 }, 'IllegalParam.MinTxInterval'],
      [{ detectMultiplier: 11 }, 'IllegalParam.DetectMultiplier'],
      [{ mtu: 9000 }, 'InvalidParameter'],
      [{ bandwidth: 0 }, 'InvalidParameter'],
      [{ name: '1st' }, 'InvalidName.Malformed'],
      [{ description: 'https://example.com' }, 'InvalidDescription.Malformed'],
      [{ localIpv6GatewayIp: '2408::zz' }, 'IllegalParam.IpAddress'],
      [{ peeringIpv6SubnetMask: '2408:4004:cc::/129' }, 'IllegalParam.CidrBlock'],
      [{ associatedPhysicalConnections: '[{' }, 'IllegalParam.AssociatedPhysicalConnections'],
    ];
    for (const [extra, code] of cases) await fails(() => modify(id, extra), code, 400);
    const v = await ec.vbr(id);
    assert.deepEqual([v?.vlanId, v?.localGatewayIp, v?.mtu], [910, '10.0.0.1', 1500]);
    // a VBR made without a peering gets all three fields or none
    const bare = await ec.createVbr(pc, ACCOUNTS.a, { localGatewayIp: undefined, peerGatewayIp: undefined, peeringSubnetMask: undefined });
    await modify(bare, { name: 'bare-vbr' });
    await fails(() => modify(bare, { localGatewayIp: '192.168.0.1' }), 'MissingParameter', 400);
    await modify(bare, { localGatewayIp: '192.168.0.1', peerGatewayIp: '192.168.0.2', peeringSubnetMask: '255.255.255.252' });
    assert.equal((await ec.vbr(bare))?.peerGatewayIp, '192.168.0.2');
  });

  test('who may change what: the VBR owner and the connection owner, each their own fields; a stranger gets 404', async () => {
    const id = await ec.createVbr(pc, ACCOUNTS.a, { vbrOwnerId: Number(ACCOUNTS.b.uid), vlanId: 920 });
    // the VBR's owner: its peering, name, description, BFD; not the VLAN or the circuit code
    await modify(
      id,
      { localGatewayIp: '10.0.0.5', peerGatewayIp: '10.0.0.6', name: 'owner-set', minRxInterval: 500, vlanId: 920 },
      ACCOUNTS.b,
    );
    await fails(() => modify(id, { vlanId: 921 }, ACCOUNTS.b), 'Forbidden.VlanIdNotAllowedByCaller', 403);
    await fails(() => modify(id, { circuitCode: 'mine' }, ACCOUNTS.b), 'Forbidden.CircuitCodeNotAllowedByCaller', 403);
    // the connection's owner: the VLAN and the circuit code; not the peering, name or description
    await modify(id, { vlanId: 921, circuitCode: 'carrier-1', name: 'owner-set' });
    for (const [extra, code] of [
      [{ localGatewayIp: '10.0.0.9' }, 'Forbidden.LocalGatewayIpNotAllowedByCaller'],
      [{ peerGatewayIp: '10.0.0.10' }, 'Forbidden.PeerGatewayIpNotAllowedByCaller'],
      [{ peeringSubnetMask: '255.255.255.0' }, 'Forbidden.PeeringSubnetMaskNotAllowedByCaller'],
      [{ name: 'other-name' }, 'Forbidden.NameNotAllowedByCaller'],
      [{ description: 'Another description' }, 'Forbidden.DescriptionNotAllowedByCaller'],
    ] as const) {
      await fails(() => modify(id, extra), code, 403);
    }
    const v = await ec.vbr(id, ACCOUNTS.b);
    assert.deepEqual(
      [v?.vlanId, v?.circuitCode, v?.localGatewayIp, v?.peerGatewayIp, v?.name, v?.minRxInterval],
      [921, 'carrier-1', '10.0.0.5', '10.0.0.6', 'owner-set', 500],
    );
    // (ModifyVirtualBorderRouterAttribute's spec gives InvalidVbrId.NotFound status 400)
    await fails(() => modify(id, { name: 'stranger' }, ACCOUNTS.intl), 'InvalidVbrId.NotFound', 400);
    await fails(() => modify('vbr-nothing', { name: 'nothing' }), 'InvalidVbrId.NotFound', 400);
  });

  test('ClientToken: the second call with the same token changes nothing', async () => {
    const id = await ec.createVbr(pc);
    await modify(id, { name: 'first-name', clientToken: 'modify-vbr-1' });
    await modify(id, { name: 'first-name', clientToken: 'modify-vbr-1' });
    await fails(() => modify(id, { name: 'second-name', clientToken: 'modify-vbr-1' }), 'IdempotentParameterMismatch', 400);
    assert.equal((await ec.vbr(id))?.name, 'first-name');
    const again = await ec.createVbr(pc, ACCOUNTS.a, { vlanId: 990, clientToken: 'create-vbr-1' });
    assert.equal(await ec.createVbr(pc, ACCOUNTS.a, { vlanId: 990, clientToken: 'create-vbr-1' }), again);
  });
});
