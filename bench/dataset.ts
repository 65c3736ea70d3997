// Stored data sets for the scenarios that need many router interfaces: a LocalVPC data folder
// holding N interfaces (N/5 VPCs with their vRouter and route table: at most 5 interfaces per
// router), all the default account's, in cn-hangzhou, built once per size and benchmark run.
// How: start LocalVPC on a new folder, make one linked pair through the API (2 VPCs, initiator and
// acceptor, modified to point at each other, connected, Active), export it
// (GET /_localvpc/snapshots/export) and use its rows as templates for the generated rows, so every
// column has LocalVPC's own shape. The document is imported with POST /_localvpc/snapshots/import.
// A document over the admin API's body limit (64 MiB in src/admin/router.ts; 100k interfaces make
// about 100 MB) is refused with 413: it is then applied, server stopped, by the function that
// import route runs, SqliteStore.replace, on the same database file.
// Interfaces are linked in pairs (initiator on router r < R/2, acceptor on router R/2 + (r + slot)
// mod R/2, so no two links join the same two routers), Active, as a busy account's would be.
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { SqliteStore } from '../src/store/sqlite/sqlite-store.js';
import type { Scalar } from '../src/store/port.js';
import { Registry } from '../src/engine/module.js';
import { MODULES } from '../src/app/modules.js';
import { adminCall, DEFAULT_ALIUID, REGION, rpc, until, type Json } from './api.js';
import { startLocalVpc, tempDir } from './servers.js';

type RowT = Record<string, Scalar>;
interface SnapshotDoc {
  format: string;
  version: number;
  schema: Record<string, number>;
  exportedAt: string;
  clock: number;
  tables: Record<string, RowT[]>;
}

export interface Dataset {
  size: number;
  /** The data folder (pass as dataDir) and the admin token the server must be started with. */
  dir: string;
  token: string;
  /** 64 interface ids spread over the store. */
  interfaces: string[];
  /** 64 routers spread over the store, with the ids of their interfaces (creation order). */
  routers: { id: string; interfaces: string[] }[];
  /** How the document got in, its size, and how long building + importing took. */
  method: string;
  bytes: number;
  seconds: number;
}

const SAMPLES = 64;

/** Deterministic pseudo-random lowercase alphanumerics (mulberry32). */
function randomChars(seed: number): (n: number) => string {
  let a = seed >>> 0;
  const next = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const abc = 'abcdefghijklmnopqrstuvwxyz0123456789';
  return (n) => Array.from({ length: n }, () => abc[Math.floor(next() * abc.length)]).join('');
}

/** One Active linked pair made through the API, then the exported document. */
async function exportTemplates(port: number, token: string): Promise<SnapshotDoc> {
  const [a, b] = [
    await rpc(port, 'CreateVpc', { RegionId: REGION, CidrBlock: '10.0.0.0/16' }),
    await rpc(port, 'CreateVpc', { RegionId: REGION, CidrBlock: '10.1.0.0/16' }),
  ] as Json[];
  const ri = async (role: string, router: unknown, spec: string): Promise<string> =>
    (
      await rpc(port, 'CreateRouterInterface', {
        RegionId: REGION,
        Role: role,
        RouterType: 'VRouter',
        RouterId: String(router),
        Spec: spec,
        OppositeRegionId: REGION,
      })
    ).RouterInterfaceId as string;
  const init = await ri('InitiatingSide', a?.VRouterId, 'Large.1');
  const acc = await ri('AcceptingSide', b?.VRouterId, 'Negative');
  const point = (id: string, peer: string, router: unknown): Promise<Json> =>
    rpc(port, 'ModifyRouterInterfaceAttribute', {
      RegionId: REGION,
      RouterInterfaceId: id,
      OppositeInterfaceId: peer,
      OppositeRouterId: String(router),
      OppositeInterfaceOwnerId: DEFAULT_ALIUID,
    });
  await point(init, acc, b?.VRouterId);
  await point(acc, init, a?.VRouterId);
  await rpc(port, 'ConnectRouterInterface', { RegionId: REGION, RouterInterfaceId: init });
  await until(
    'template pair Active',
    () => rpc(port, 'DescribeRouterInterfaceAttribute', { RegionId: REGION, InstanceId: acc }),
    (r) => r.Status === 'Active',
  );
  await until(
    'template VPCs Available',
    () => rpc(port, 'DescribeVpcs', { RegionId: REGION }),
    (r) => JSON.stringify(r).split('"Available"').length - 1 >= 2,
  );
  const res = await adminCall(port, token, 'GET', '/_localvpc/snapshots/export');
  if (res.status !== 200) throw new Error(`export answered ${res.status}: ${res.text.slice(0, 300)}`);
  return JSON.parse(res.text) as SnapshotDoc;
}

/** The document with `size` interfaces generated from the template rows of `tpl`. */
function generate(tpl: SnapshotDoc, size: number): { doc: SnapshotDoc; interfaces: string[]; routers: Dataset['routers'] } {
  const t = tpl.tables;
  const pick = (table: string, ok: (r: RowT) => boolean): RowT => {
    const r = t[table]?.find(ok);
    if (!r) throw new Error(`the export has no template row in ${table}`);
    return r;
  };
  const riInit = pick('router_interfaces', (r) => r.role === 'InitiatingSide' && r.status === 'Active');
  const riAcc = pick('router_interfaces', (r) => r.role === 'AcceptingSide' && r.status === 'Active');
  const vpcT = pick('vpcs', (r) => r.vRouterId === riInit.routerId && r.status === 'Available');
  const routerT = pick('routers', (r) => r.id === riInit.routerId);
  const rtT = pick('route_tables', (r) => r.routerId === riInit.routerId);
  const R = size / 5;
  const half = R / 2;
  if (!Number.isInteger(half) || half < 5) throw new Error(`size ${size}: must be a multiple of 10, at least 50`);
  const rand = randomChars(size);
  const id = (prefix: string, i: number): string => `${prefix}-bp1${i.toString(36).padStart(6, '0')}${rand(12)}`;
  const now = Number(riInit.createdAt);
  const base = now - R - size - 60_000; // everything created in the past, VPCs first, then interfaces, in order
  const vpcs: RowT[] = [],
    routers: RowT[] = [],
    tables: RowT[] = [],
    ris: RowT[] = [];
  const vrt: string[] = [],
    vpcIds: string[] = [];
  for (let r = 0; r < R; r++) {
    const [vpcId, vRouterId, routeTableId] = [id('vpc', r), id('vrt', r), id('vtb', r)];
    const createdAt = base + r;
    vpcs.push({ ...vpcT, id: vpcId, vRouterId, routeTableId, createdAt });
    routers.push({ ...routerT, id: vRouterId, vpcId, routeTableId, createdAt });
    tables.push({ ...rtT, id: routeTableId, routerId: vRouterId, vpcId, createdAt });
    vrt.push(vRouterId);
    vpcIds.push(vpcId);
  }
  const riIds = Array.from({ length: size }, (_, i) => id('ri', i));
  const peerOf = (i: number): number => {
    const r = Math.floor(i / 5),
      s = i % 5;
    return r < half ? (half + ((r + s) % half)) * 5 + s : ((r - half - s + 5 * half) % half) * 5 + s;
  };
  for (let i = 0; i < size; i++) {
    const p = peerOf(i);
    if (peerOf(p) !== i) throw new Error('bench/dataset.ts: pairing is not symmetric');
    const r = Math.floor(i / 5),
      pr = Math.floor(p / 5);
    const createdAt = base + R + i;
    ris.push({
      ...(r < half ? riInit : riAcc),
      id: riIds[i] as string,
      routerId: vrt[r] as string,
      vpcId: vpcIds[r] as string,
      oppositeRouterId: vrt[pr] as string,
      oppositeInterfaceId: riIds[p] as string,
      oppositeInterfaceOwnerId: DEFAULT_ALIUID,
      oppositeRegionId: REGION,
      createdAt,
      connectedAt: base + R + size,
      modifiedAt: base + R + size,
    });
  }
  const doc: SnapshotDoc = { ...tpl, tables: { ...t, vpcs, routers, route_tables: tables, router_interfaces: ris } };
  const spread = (n: number, k: number): number => Math.floor(((k + 0.5) * n) / SAMPLES);
  return {
    doc,
    interfaces: Array.from({ length: SAMPLES }, (_, k) => riIds[spread(size, k)] as string),
    routers: Array.from({ length: SAMPLES }, (_, k) => {
      const r = spread(R, k);
      return { id: vrt[r] as string, interfaces: riIds.slice(r * 5, r * 5 + 5) };
    }),
  };
}

async function build(size: number): Promise<Dataset> {
  const t0 = performance.now();
  const dir = tempDir(`localvpc-bench-data-${size}-`);
  const token = `bench-${randomUUID()}`;
  const vpc = await startLocalVpc({ dataDir: dir, token, args: ['--profile', 'instant'] });
  let method = 'POST /_localvpc/snapshots/import';
  let bytes: number;
  try {
    const { doc, interfaces, routers } = generate(await exportTemplates(vpc.port, token), size);
    const text = JSON.stringify(doc);
    bytes = Buffer.byteLength(text);
    const res = await adminCall(vpc.port, token, 'POST', '/_localvpc/snapshots/import', text).catch((e: Error) => ({
      status: -1,
      text: e.message,
    }));
    if (res.status === 413 || res.status === -1) {
      // Over the admin body limit: the same replace the import route runs, on the stopped server's file.
      await vpc.stop();
      const store = new SqliteStore({ path: join(dir, 'localvpc.db'), schema: new Registry(MODULES).schema });
      try {
        if (JSON.stringify(store.schema()) !== JSON.stringify(doc.schema)) throw new Error('schema differs from the export');
        await store.replace(doc.tables);
      } finally {
        await store.close();
      }
      method = `SqliteStore.replace (POST import refused: ${res.status === 413 ? '413, over the 64 MiB admin body limit' : res.text})`;
    } else if (res.status !== 200) {
      throw new Error(`import answered ${res.status}: ${res.text.slice(0, 300)}`);
    }
    return { size, dir, token, interfaces, routers, method, bytes, seconds: (performance.now() - t0) / 1000 };
  } finally {
    await vpc.stop();
  }
}

const built = new Map<number, Promise<Dataset>>();

/** The data set of `size` interfaces, built on first use in this benchmark run. Start LocalVPC with its dir and token (any profile). */
export function dataset(size: number): Promise<Dataset> {
  let d = built.get(size);
  if (!d) built.set(size, (d = build(size)));
  return d;
}

export const sizeLabel = (n: number): string => (n >= 1000 && n % 1000 === 0 ? `${n / 1000}k` : String(n));
