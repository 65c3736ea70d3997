// Stored data sets for the scenarios that need many router interfaces: a LocalVPC data folder
// holding N interfaces (N/5 VPCs with their vRouter and route table: at most 5 interfaces per
// router), all the default account's, in cn-hangzhou, built once per size and benchmark run (and
// kept for every scenario of the run).
// How: start LocalVPC on a new folder, make one linked pair through the API (2 VPCs, initiator and
// acceptor, modified to point at each other, connected, Active), export it and use its rows as
// templates for the generated rows, so every column has LocalVPC's own shape. The rows are
// generated table by table in chunks, never all at once, and go in by the fastest way the store
// offers, tried in this order:
// 1. a streamed import: NDJSON, format version 3 (a first line {"format":"localvpc-snapshot",
//    "version":3,"schema":...,"exportedAt":...,"clock":...}, then per table a line {"table":name}
//    followed by one line per row), POST /_localvpc/snapshots/import with a chunked body; used when
//    the server takes a small version-3 document (the template state itself) first;
// 2. up to 100k interfaces (about 100 MB), the version-2 JSON document through the same route;
// 3. otherwise the server is stopped and the rows go into its database file chunk by chunk inside
//    one write unit of LocalVPC's own SqliteStore (each chunk checked as the import route checks
//    rows, src/store/check-rows.ts; the indexes dropped and built again after the rows), what the
//    import route does without holding every row at once.
// Interfaces are linked in pairs (initiator on router r < R/2, acceptor on router R/2 + (r + slot)
// mod R/2, so no two links join the same two routers), Active, as a busy account's would be; each
// has its own name (bench-ri-<n>), so a Name filter matches exactly one.
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { SqliteStore } from '../src/store/sqlite/sqlite-store.js';
import type { Scalar } from '../src/store/port.js';
import { Registry } from '../src/engine/module.js';
import { MODULES } from '../src/app/modules.js';
import { checkRows, type ColumnType } from '../src/store/check-rows.js';
import type { AnyTableDef } from '../src/store/port.js';
import { adminCall, adminStream, DEFAULT_ALIUID, REGION, rpc, until, type Json } from './api.js';
import { startLocalVpc, tempDir } from './servers.js';

type RowT = Record<string, Scalar>;
interface SnapshotHeader {
  format: string;
  version: number;
  schema: Record<string, number>;
  exportedAt: string;
  clock: number;
}
interface SnapshotDoc extends SnapshotHeader {
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
  /** The names of the 64 sample interfaces (`interfaces`), each unique. */
  names: string[];
  /** How the rows got in, how many bytes were sent (0 when written to the file), and how long building + importing took. */
  method: string;
  /** Why the streamed import was not used (the server's answer to a small version-3 document). */
  streamRefused?: string;
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
  // The template state is small: ask for the whole-document form (version 2).
  const res = await adminCall(port, token, 'GET', '/_localvpc/snapshots/export?version=2');
  if (res.status !== 200) throw new Error(`export answered ${res.status}: ${res.text.slice(0, 300)}`);
  const doc = JSON.parse(res.text) as SnapshotDoc;
  if (!doc.tables) throw new Error(`the export is not a version-2 document: ${res.text.slice(0, 300)}`);
  return doc;
}

/** Rows of one table (a table may come in several chunks, in order). */
interface Chunk {
  table: string;
  rows: RowT[];
}

interface Plan {
  header: SnapshotHeader;
  /** Every table of the template, in the template's order, each with its rows (the four generated ones in chunks). */
  chunks(): Generator<Chunk>;
  interfaces: string[];
  names: string[];
  routers: Dataset['routers'];
}

const CHUNK = 5_000;
const GENERATED = ['vpcs', 'routers', 'route_tables', 'router_interfaces'];

/** The plan of a store of `size` interfaces generated from the template rows of `tpl`. */
function plan(tpl: SnapshotDoc, size: number): Plan {
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
  const vpcIds = Array.from({ length: R }, (_, r) => id('vpc', r));
  const vrt = Array.from({ length: R }, (_, r) => id('vrt', r));
  const vtb = Array.from({ length: R }, (_, r) => id('vtb', r));
  const riIds = Array.from({ length: size }, (_, i) => id('ri', i));
  const name = (i: number): string => `bench-ri-${i.toString(36)}`;
  const peerOf = (i: number): number => {
    const r = Math.floor(i / 5),
      s = i % 5;
    return r < half ? (half + ((r + s) % half)) * 5 + s : ((r - half - s + 5 * half) % half) * 5 + s;
  };
  function* rows(n: number, make: (k: number) => RowT, table: string): Generator<Chunk> {
    for (let k = 0; k < n; k += CHUNK) yield { table, rows: Array.from({ length: Math.min(CHUNK, n - k) }, (_, j) => make(k + j)) };
  }
  const generated: Record<string, () => Generator<Chunk>> = {
    vpcs: () =>
      rows(
        R,
        (r) => ({ ...vpcT, id: vpcIds[r] as string, vRouterId: vrt[r] as string, routeTableId: vtb[r] as string, createdAt: base + r }),
        'vpcs',
      ),
    routers: () =>
      rows(
        R,
        (r) => ({ ...routerT, id: vrt[r] as string, vpcId: vpcIds[r] as string, routeTableId: vtb[r] as string, createdAt: base + r }),
        'routers',
      ),
    route_tables: () =>
      rows(
        R,
        (r) => ({ ...rtT, id: vtb[r] as string, routerId: vrt[r] as string, vpcId: vpcIds[r] as string, createdAt: base + r }),
        'route_tables',
      ),
    router_interfaces: () =>
      rows(
        size,
        (i) => {
          const p = peerOf(i);
          if (peerOf(p) !== i) throw new Error('bench/dataset.ts: pairing is not symmetric');
          const r = Math.floor(i / 5),
            pr = Math.floor(p / 5);
          return {
            ...(r < half ? riInit : riAcc),
            id: riIds[i] as string,
            name: name(i),
            routerId: vrt[r] as string,
            vpcId: vpcIds[r] as string,
            oppositeRouterId: vrt[pr] as string,
            oppositeInterfaceId: riIds[p] as string,
            oppositeInterfaceOwnerId: DEFAULT_ALIUID,
            oppositeRegionId: REGION,
            createdAt: base + R + i,
            connectedAt: base + R + size,
            modifiedAt: base + R + size,
          };
        },
        'router_interfaces',
      ),
  };
  const spread = (n: number, k: number): number => Math.floor(((k + 0.5) * n) / SAMPLES);
  const samples = Array.from({ length: SAMPLES }, (_, k) => spread(size, k));
  const { tables: _tables, ...header } = tpl;
  return {
    header: { ...header, version: 3 },
    *chunks() {
      for (const table of Object.keys(t)) {
        const gen = generated[table];
        if (gen) yield* gen();
        else yield { table, rows: t[table] ?? [] };
      }
      for (const table of GENERATED) if (!(table in t)) throw new Error(`the export has no table ${table}`);
    },
    interfaces: samples.map((i) => riIds[i] as string),
    names: samples.map(name),
    routers: Array.from({ length: SAMPLES }, (_, k) => {
      const r = spread(R, k);
      return { id: vrt[r] as string, interfaces: riIds.slice(r * 5, r * 5 + 5) };
    }),
  };
}

/** The plan as NDJSON (format version 3), in pieces of about 1 MiB. */
export function* ndjson(header: SnapshotHeader, chunks: Iterable<Chunk>): Generator<string> {
  yield `${JSON.stringify(header)}\n`;
  let current: string | undefined;
  let piece: string[] = [];
  let size = 0;
  for (const c of chunks) {
    if (c.table !== current) {
      current = c.table;
      piece.push(`${JSON.stringify({ table: c.table })}\n`);
    }
    for (const row of c.rows) {
      const line = `${JSON.stringify(row)}\n`;
      piece.push(line);
      size += line.length;
    }
    if (size >= 1 << 20) {
      yield piece.join('');
      piece = [];
      size = 0;
    }
  }
  if (piece.length) yield piece.join('');
}

/** The template state itself as a version-3 document: does the server take streamed imports? */
async function streamedImportWorks(port: number, token: string, tpl: SnapshotDoc): Promise<{ ok: boolean; why: string }> {
  const { tables, ...header } = tpl;
  const chunks = Object.entries(tables).map(([table, rows]) => ({ table, rows }));
  const res = await adminStream(
    port,
    token,
    '/_localvpc/snapshots/import',
    ndjson({ ...header, version: 3 }, chunks),
    'application/x-ndjson',
  ).catch((e: Error) => ({ status: -1, text: e.message, bytes: 0 }));
  return { ok: res.status === 200, why: `${res.status} ${res.text.replace(/\s+/g, ' ').slice(0, 200)}` };
}

/**
 * Writes the plan's rows into the (stopped) server's database file: one write unit of LocalVPC's
 * SqliteStore, tables emptied then filled chunk by chunk, each chunk checked as an import checks it.
 */
async function writeIntoFile(dir: string, p: Plan): Promise<void> {
  const schema = new Registry(MODULES).schema;
  const store = new SqliteStore({ path: join(dir, 'localvpc.db'), schema });
  try {
    const sorted = (x: Record<string, number>): string => JSON.stringify(Object.entries(x).sort(([a], [b]) => (a < b ? -1 : 1)));
    if (sorted(store.schema()) !== sorted(p.header.schema))
      throw new Error(
        `schema differs from the export: ${JSON.stringify(store.schema())} here, ${JSON.stringify(p.header.schema)} exported`,
      );
    const defs = new Map<string, AnyTableDef>(
      schema
        .flatMap((m) => m.tables)
        .filter((t) => !t.system)
        .map((t) => [t.table, t]),
    );
    const types = new Map<string, Map<string, ColumnType>>();
    const typesOf = (table: string): Map<string, ColumnType> => {
      let m = types.get(table);
      if (!m) {
        const info = store.db.prepare(`PRAGMA table_info(${table})`).all() as {
          name: string;
          type: string;
          notnull: number;
          dflt_value: unknown;
          pk: number;
        }[];
        const family = (t: string): ColumnType['type'] => (/INT/i.test(t) ? 'integer' : /REAL|FLOA|DOUB/i.test(t) ? 'real' : 'text');
        m = new Map(info.map((c) => [c.name, { type: family(c.type), required: c.pk > 0 || (c.notnull === 1 && c.dflt_value === null) }]));
        types.set(table, m);
      }
      return m;
    };
    await store.run('write', () => {
      store.db.pragma('defer_foreign_keys = ON');
      const names = [...defs.keys()];
      // The tables' indexes go and come back after the rows, built by the migrations' own
      // statements: SQLite then sorts each index once instead of inserting into it row by row
      // (1M interfaces: about 15 s instead of 80 s here).
      const indexes = store.db
        .prepare(
          `SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN (${names.map(() => '?').join(', ')})`,
        )
        .all(...names) as { name: string; sql: string }[];
      for (const ix of indexes) store.db.exec(`DROP INDEX "${ix.name}"`);
      for (const name of names) store.db.exec(`DELETE FROM ${name}`);
      let insert: { table: string; cols: string; run: (...v: Scalar[]) => unknown } | undefined;
      for (const c of p.chunks()) {
        checkRows({ [c.table]: c.rows }, defs, typesOf);
        for (const row of c.rows) {
          const cols = Object.keys(row);
          const key = cols.join(',');
          if (insert?.table !== c.table || insert.cols !== key) {
            const st = store.db.prepare(
              `INSERT INTO ${c.table} (${cols.map((k) => `"${k}"`).join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`,
            );
            insert = { table: c.table, cols: key, run: (...v) => st.run(...v) };
          }
          insert.run(...cols.map((k) => (typeof row[k] === 'boolean' ? (row[k] ? 1 : 0) : (row[k] as Scalar))));
        }
      }
      for (const ix of indexes) store.db.exec(ix.sql);
      return Promise.resolve();
    });
  } finally {
    await store.close();
  }
}

/** The largest store sent as one version-2 JSON document (about 100 MB at 100k). */
const MAX_DOCUMENT = 100_000;

async function build(size: number): Promise<Dataset> {
  const t0 = performance.now();
  const dir = tempDir(`localvpc-bench-data-${size}-`);
  const token = `bench-${randomUUID()}`;
  const vpc = await startLocalVpc({ dataDir: dir, token, args: ['--profile', 'instant'], logLevel: 'warn' });
  let method: string;
  let bytes = 0;
  try {
    const tpl = await exportTemplates(vpc.port, token);
    const p = plan(tpl, size);
    const streamed = await streamedImportWorks(vpc.port, token, tpl);
    if (streamed.ok) {
      const res = await adminStream(vpc.port, token, '/_localvpc/snapshots/import', ndjson(p.header, p.chunks()), 'application/x-ndjson');
      if (res.status !== 200) throw new Error(`streamed import answered ${res.status}: ${res.text.slice(0, 300)}`);
      method = 'streamed NDJSON import (format 3)';
      bytes = res.bytes;
    } else if (size <= MAX_DOCUMENT) {
      const tables: Record<string, RowT[]> = {};
      for (const c of p.chunks()) (tables[c.table] ??= []).push(...c.rows);
      const text = JSON.stringify({ ...p.header, version: 2, tables });
      bytes = Buffer.byteLength(text);
      const res = await adminCall(vpc.port, token, 'POST', '/_localvpc/snapshots/import', text);
      if (res.status !== 200) throw new Error(`import answered ${res.status}: ${res.text.slice(0, 300)}`);
      method = 'JSON document import (format 2)';
    } else {
      await vpc.stop();
      await writeIntoFile(dir, p);
      method = "written into the stopped server's file by SqliteStore, in chunks";
    }
    return {
      size,
      dir,
      token,
      interfaces: p.interfaces,
      names: p.names,
      routers: p.routers,
      method,
      streamRefused: streamed.ok ? undefined : streamed.why,
      bytes,
      seconds: (performance.now() - t0) / 1000,
    };
  } finally {
    await vpc.stop();
  }
}

/** The plan of `size` interfaces against the template of a running server (for the import row). */
export async function importStream(
  port: number,
  token: string,
  size: number,
): Promise<{ pieces: Iterable<string>; probe: { ok: boolean; why: string } }> {
  const tpl = await exportTemplates(port, token);
  const probe = await streamedImportWorks(port, token, tpl);
  const p = plan(tpl, size);
  return { pieces: ndjson(p.header, p.chunks()), probe };
}

const built = new Map<number, Promise<Dataset>>();

/** The data set of `size` interfaces, built on first use in this benchmark run. Start LocalVPC with its dir and token (any profile). */
export function dataset(size: number): Promise<Dataset> {
  let d = built.get(size);
  if (!d) built.set(size, (d = build(size)));
  return d;
}

export const sizeLabel = (n: number): string =>
  n >= 1_000_000 && n % 1_000_000 === 0 ? `${n / 1_000_000}M` : n >= 1000 && n % 1000 === 0 ? `${n / 1000}k` : String(n);
