// Building blocks for the Express Connect tests, through the official TypeScript SDK: physical
// connections, VBRs, polling; and, for the statuses no action enters (Confirmed, Rejected, ...),
// a direct write of the row, as a snapshot import would make it.
import assert from 'node:assert/strict';
import { ACCOUNTS, openWorld, type TestAccount, type World } from '../helpers/world.js';
import { Vpc, sdkError } from '../helpers/clients.js';
import { admin } from '../helpers/admin.js';
import type { TestServer } from '../helpers/server.js';
import type { Config } from '../../src/config/config.js';
import type { PcStatus, VbrStatus } from '../../src/resources/express-connect/model.js';
import { PHYSICAL_CONNECTIONS, VBRS } from '../../src/resources/express-connect/storage.js';

export const REGION = 'cn-hangzhou';
export const AP = `ap-${REGION}-xa-A`;

export class Ec {
  private vlan = 100;

  constructor(readonly w: World) {}

  async createPc(who: TestAccount = ACCOUNTS.a, extra: Record<string, unknown> = {}): Promise<string> {
    const r = await this.w
      .client(who)
      .createPhysicalConnection(
        new Vpc.CreatePhysicalConnectionRequest({ regionId: REGION, accessPointId: AP, lineOperator: 'CT', ...extra }),
      );
    return r.body?.physicalConnectionId as string;
  }

  /** The physical connections DescribePhysicalConnections lists, with these request fields. */
  async pcs(extra: Record<string, unknown>, who: TestAccount = ACCOUNTS.a) {
    const r = await this.w
      .client(who)
      .describePhysicalConnections(new Vpc.DescribePhysicalConnectionsRequest({ regionId: REGION, ...extra }));
    return r.body?.physicalConnectionSet?.physicalConnectionType;
  }

  /** The ids of the physical connections listed, 50 a page. */
  async pcIds(extra: Record<string, unknown>): Promise<(string | undefined)[] | undefined> {
    return (await this.pcs({ pageSize: 50, ...extra }))?.map((x) => x.physicalConnectionId);
  }

  async pc(id: string, who: TestAccount = ACCOUNTS.a) {
    const filter = [new Vpc.DescribePhysicalConnectionsRequestFilter({ key: 'PhysicalConnectionId', value: [id] })];
    return (await this.pcs({ filter }, who))?.[0];
  }

  async pcStatus(id: string, who?: TestAccount): Promise<string | undefined> {
    return (await this.pc(id, who))?.status;
  }

  /** A physical connection that is Enabled (enabled at once through EnablePhysicalConnection). */
  async enabledPc(who: TestAccount = ACCOUNTS.a): Promise<string> {
    const id = await this.createPc(who);
    if ((await this.pcStatus(id, who)) !== 'Enabled') {
      await this.w
        .client(who)
        .enablePhysicalConnection(new Vpc.EnablePhysicalConnectionRequest({ regionId: REGION, physicalConnectionId: id }));
    }
    assert.equal(await this.pcStatus(id, who), 'Enabled');
    return id;
  }

  async createVbr(pcId: string, who: TestAccount = ACCOUNTS.a, extra: Record<string, unknown> = {}): Promise<string> {
    const r = await this.w.client(who).createVirtualBorderRouter(
      new Vpc.CreateVirtualBorderRouterRequest({
        regionId: REGION,
        physicalConnectionId: pcId,
        vlanId: this.vlan++,
        localGatewayIp: '10.0.0.1',
        peerGatewayIp: '10.0.0.2',
        peeringSubnetMask: '255.255.255.252',
        ...extra,
      }),
    );
    return r.body?.vbrId as string;
  }

  /** The VBRs DescribeVirtualBorderRouters lists, with these request fields. */
  async vbrs(extra: Record<string, unknown>, who: TestAccount = ACCOUNTS.a) {
    const r = await this.w
      .client(who)
      .describeVirtualBorderRouters(new Vpc.DescribeVirtualBorderRoutersRequest({ regionId: REGION, ...extra }));
    return r.body?.virtualBorderRouterSet?.virtualBorderRouterType;
  }

  /** The ids of the VBRs listed, 50 a page. */
  async vbrIds(extra: Record<string, unknown>): Promise<(string | undefined)[] | undefined> {
    return (await this.vbrs({ pageSize: 50, ...extra }))?.map((x) => x.vbrId);
  }

  async vbr(id: string, who: TestAccount = ACCOUNTS.a) {
    const filter = [new Vpc.DescribeVirtualBorderRoutersRequestFilter({ key: 'VbrId', value: [id] })];
    return (await this.vbrs({ includeCrossAccountVbr: true, filter }, who))?.[0];
  }

  async vbrStatus(id: string, who?: TestAccount): Promise<string | undefined> {
    return (await this.vbr(id, who))?.status;
  }

  /** Polls until `read` gives `want` (undefined: gone), as a client would; returns the values seen. */
  async waitFor(read: () => Promise<string | undefined>, want: string | undefined, timeoutMs = 5000): Promise<(string | undefined)[]> {
    const seen: (string | undefined)[] = [];
    const until = Date.now() + timeoutMs;
    for (;;) {
      const s = await read();
      if (seen.length === 0 || seen[seen.length - 1] !== s) seen.push(s);
      if (s === want) return seen;
      if (Date.now() > until) throw new Error(`did not reach ${String(want)}; saw ${seen.map(String).join(' -> ')}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  /** Puts a physical connection in a status no action enters (as an imported snapshot could). */
  async setPcStatus(id: string, status: PcStatus): Promise<void> {
    await this.w.srv.app.store.run('write', async (tx) => {
      const row = await tx.repo(PHYSICAL_CONNECTIONS).get(id);
      assert.ok(row, id);
      await tx.repo(PHYSICAL_CONNECTIONS).update({ ...row, status, pendingStatus: '', dueAt: 0 });
    });
  }

  async setVbrStatus(id: string, status: VbrStatus): Promise<void> {
    await this.w.srv.app.store.run('write', async (tx) => {
      const row = await tx.repo(VBRS).get(id);
      assert.ok(row, id);
      await tx.repo(VBRS).update({ ...row, status, pendingStatus: '', dueAt: 0 });
    });
  }

  /** Completes a held transition now (manual profile), through the admin API. */
  async step(id: string): Promise<void> {
    const r = await admin(this.w.srv, 'POST', `/_localvpc/transitions/${id}/step`);
    assert.equal(r.status, 200, JSON.stringify(r.body));
  }
}

/** A started server with the test accounts, and a World and an Ec on it. */
export async function openEc(overrides: Partial<Config> = {}): Promise<{ srv: TestServer; w: World; ec: Ec }> {
  const { srv, w } = await openWorld(overrides);
  return { srv, w, ec: new Ec(w) };
}

/** Asserts that `fn` fails with this code and HTTP status. */
export async function fails(fn: () => Promise<unknown>, code: string, status: number): Promise<void> {
  const e = await sdkError(fn);
  assert.equal(e.code, code, e.message);
  assert.equal(e.statusCode, status, `${code}: ${e.message}`);
}
