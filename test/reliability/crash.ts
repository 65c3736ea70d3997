// Crash consistency: a child server under mixed write load through the official SDK (create,
// connect, modify, deactivate, delete across two accounts) is killed with SIGKILL at random
// moments and restarted on the same database. After each restart: every acknowledged mutation is
// present, nothing unacknowledged is half-applied, pending transitions complete, the invariants hold.
import { exportedTables, type ExportedTables } from '../helpers/admin.js';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnServer, TEST_TOKEN, type ChildServer } from '../helpers/child.js';
import { Vpc, vpcClient, type VpcClient } from '../helpers/clients.js';
import { DEFAULT_KEY, DEFAULT_UID } from '../helpers/server.js';
import { checkInvariants } from './invariants.js';

const B = { uid: '1000000000000002', key: { id: 'LTAI5tCrashTestKeyB00001', secret: 'CrashTestSecretB0000000000000' } };
const ACCOUNTS_ARG = JSON.stringify([{ aliUid: B.uid, accessKeys: [{ accessKeyId: B.key.id, accessKeySecret: B.key.secret }] }]);
const DELAY_MS = 40;

interface Acked {
  /** Interfaces whose create was acknowledged, with the last acknowledged state we know of. */
  interfaces: Map<string, { connected: boolean; deleted: boolean; opposite: string }>;
  vpcs: Set<string>;
  calls: number;
  failures: Map<string, number>;
}

function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => (a = (a * 1664525 + 1013904223) >>> 0) / 4294967296;
}

async function worker(a: VpcClient, b: VpcClient, acked: Acked, stop: { now: boolean }, id: number): Promise<void> {
  const call = async <T>(fn: () => Promise<T>): Promise<T | undefined> => {
    acked.calls++;
    try {
      return await fn();
    } catch (e) {
      const code = (e as { code?: string }).code ?? 'transport';
      acked.failures.set(code, (acked.failures.get(code) ?? 0) + 1);
      return undefined;
    }
  };
  const regions = ['cn-hangzhou', 'cn-shanghai', 'cn-beijing', 'cn-shenzhen'];
  const r1 = regions[id % regions.length] as string;
  const r2 = regions[(id + 1) % regions.length] as string;
  while (!stop.now) {
    const v1 = await call(() => a.createVpc(new Vpc.CreateVpcRequest({ regionId: r1 })));
    const v2 = await call(() => b.createVpc(new Vpc.CreateVpcRequest({ regionId: r2 })));
    if (!v1 || !v2) return;
    acked.vpcs.add(v1.body?.vpcId as string).add(v2.body?.vpcId as string);
    const rt1 = (v1.body as unknown as { VRouterId: string }).VRouterId;
    const rt2 = (v2.body as unknown as { VRouterId: string }).VRouterId;
    for (let round = 0; round < 3 && !stop.now; round++) {
      const ini = await call(() =>
        a.createRouterInterface(
          new Vpc.CreateRouterInterfaceRequest({
            regionId: r1,
            role: 'InitiatingSide',
            routerType: 'VRouter',
            routerId: rt1,
            spec: 'Small.1',
            oppositeRegionId: r2,
          }),
        ),
      );
      if (!ini) return;
      const iniId = ini.body?.routerInterfaceId as string;
      acked.interfaces.set(iniId, { connected: false, deleted: false, opposite: '' });
      const acc = await call(() =>
        b.createRouterInterface(
          new Vpc.CreateRouterInterfaceRequest({
            regionId: r2,
            role: 'AcceptingSide',
            routerType: 'VRouter',
            routerId: rt2,
            spec: 'Negative',
            oppositeRegionId: r1,
          }),
        ),
      );
      if (!acc) return;
      const accId = acc.body?.routerInterfaceId as string;
      acked.interfaces.set(accId, { connected: false, deleted: false, opposite: '' });
      if (
        !(await call(() =>
          a.modifyRouterInterfaceAttribute(
            new Vpc.ModifyRouterInterfaceAttributeRequest({
              regionId: r1,
              routerInterfaceId: iniId,
              oppositeInterfaceId: accId,
              oppositeRouterId: rt2,
              oppositeRouterType: 'VRouter',
              oppositeInterfaceOwnerId: Number(B.uid),
            }),
          ),
        ))
      )
        return;
      (acked.interfaces.get(iniId) as { opposite: string }).opposite = accId;
      if (
        !(await call(() =>
          b.modifyRouterInterfaceAttribute(
            new Vpc.ModifyRouterInterfaceAttributeRequest({
              regionId: r2,
              routerInterfaceId: accId,
              oppositeInterfaceId: iniId,
              oppositeRouterId: rt1,
              oppositeRouterType: 'VRouter',
              oppositeInterfaceOwnerId: Number(DEFAULT_UID),
            }),
          ),
        ))
      )
        return;
      (acked.interfaces.get(accId) as { opposite: string }).opposite = iniId;
      if (!(await call(() => a.connectRouterInterface(new Vpc.ConnectRouterInterfaceRequest({ regionId: r1, routerInterfaceId: iniId })))))
        return;
      (acked.interfaces.get(iniId) as { connected: boolean }).connected = true;
      (acked.interfaces.get(accId) as { connected: boolean }).connected = true;
      await new Promise((r) => setTimeout(r, DELAY_MS + 10));
      if (
        !(await call(() =>
          b.deactivateRouterInterface(new Vpc.DeactivateRouterInterfaceRequest({ regionId: r2, routerInterfaceId: accId })),
        ))
      )
        return;
      await new Promise((r) => setTimeout(r, DELAY_MS + 10));
      for (const [c, region, riId] of [
        [a, r1, iniId],
        [b, r2, accId],
      ] as const) {
        if (
          !(await call(() => c.deleteRouterInterface(new Vpc.DeleteRouterInterfaceRequest({ regionId: region, routerInterfaceId: riId }))))
        )
          return;
        (acked.interfaces.get(riId) as { deleted: boolean }).deleted = true;
      }
    }
  }
}

function exportState(srv: ChildServer): Promise<ExportedTables> {
  return exportedTables(srv.url, TEST_TOKEN);
}

export interface CrashReport {
  cycles: number;
  calls: number;
  acknowledgedInterfaces: number;
  acknowledgedVpcs: number;
  checkedAfterRestart: number;
  failures: Record<string, number>;
}

/**
 * `store`: a postgres:// URL instead of the SQLite file in a temporary folder; `nodes`: how many
 * servers share it (PostgreSQL only), the load spread over them and every one SIGKILLed.
 */
export async function crashCycles(cycles: number, seed = 7, opts: { store?: string; nodes?: number } = {}): Promise<CrashReport> {
  const dir = mkdtempSync(join(tmpdir(), 'localvpc-crash-'));
  const random = rng(seed);
  const acked: Acked = { interfaces: new Map(), vpcs: new Set(), calls: 0, failures: new Map() };
  let checked = 0;
  const args = [
    '--profile',
    'fast',
    '--transition-delay',
    String(DELAY_MS),
    '--accounts',
    ACCOUNTS_ARG,
    ...(opts.store ? ['--store', opts.store] : []),
  ];
  const count = opts.store ? (opts.nodes ?? 1) : 1;
  try {
    for (let cycle = 0; cycle < cycles; cycle++) {
      const servers: ChildServer[] = [];
      for (let i = 0; i < count; i++) servers.push(await spawnServer(dir, args));
      const srv = servers[0] as ChildServer;
      // after a restart: pending transitions complete, and what was acknowledged is there
      await new Promise((r) => setTimeout(r, DELAY_MS * 3));
      const tables = await exportState(srv);
      const problems = checkInvariants(tables);
      assert.deepEqual(problems, [], `cycle ${cycle}: invariants`);
      const stored = new Map((tables.router_interfaces ?? []).map((r) => [r.id as string, r]));
      const vpcIds = new Set((tables.vpcs ?? []).map((v) => v.id as string));
      for (const v of acked.vpcs) assert.ok(vpcIds.has(v), `cycle ${cycle}: acknowledged VPC ${v} lost`);
      for (const [id, s] of acked.interfaces) {
        const row = stored.get(id);
        if (s.deleted) {
          assert.ok(!row, `cycle ${cycle}: ${id} was deleted (acknowledged) but is still ${String(row?.status)}`);
          continue;
        }
        // an unacknowledged delete may have happened: then the row is gone or going
        if (!row) {
          assert.ok(s.connected, `cycle ${cycle}: acknowledged interface ${id} lost`);
          continue;
        }
        if (s.opposite) assert.equal(row.oppositeInterfaceId, s.opposite, `cycle ${cycle}: acknowledged modify of ${id} lost`);
        if (s.connected) assert.notEqual(row.status, 'Idle', `cycle ${cycle}: acknowledged connect of ${id} lost`);
        assert.notEqual(row.status, 'Deleting', `cycle ${cycle}: ${id} still Deleting after restart`);
        checked++;
      }
      // load (spread over the nodes), then SIGKILL at random moments
      const stop = { now: false };
      const workers = Array.from({ length: 6 }, (_, i) => {
        const node = servers[i % servers.length] as ChildServer;
        return worker(vpcClient(node.port, { key: DEFAULT_KEY }), vpcClient(node.port, { key: B.key }), acked, stop, i);
      });
      // PostgreSQL answers slower (round trips): a longer load before the first kill
      const base = opts.store ? 1500 : 150;
      await new Promise((r) => setTimeout(r, base + Math.floor(random() * 900)));
      for (const [i, s] of servers.entries()) {
        if (i > 0) await new Promise((r) => setTimeout(r, Math.floor(random() * 300)));
        await s.kill('SIGKILL');
      }
      stop.now = true;
      await Promise.allSettled(workers);
    }
    return {
      cycles,
      calls: acked.calls,
      acknowledgedInterfaces: acked.interfaces.size,
      acknowledgedVpcs: acked.vpcs.size,
      checkedAfterRestart: checked,
      failures: Object.fromEntries(acked.failures),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
