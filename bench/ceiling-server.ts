// The ceiling: a bare node:http server, run as a child process (fork) by the benchmark. Per request
// it does only what any signed-RPC server must: read the body, split the URL at '?', decode the pairs
// (as src/protocol/params.ts does), and verify the V1 or V3 HMAC against one fixed secret with the
// server's own pure signing functions. Then it answers a precomputed body with LocalVPC's headers.
// No logging, no validation, no timestamp or nonce checks, and no storage, except in the durable
// write modes (`sqlitePath`): then each verified request also does one INSERT (better-sqlite3, WAL,
// synchronous=FULL) before the answer: committed on its own in `commit: 'one'` (one fsync per
// request, the least a server that acknowledges only durable writes can do without batching them),
// or in `commit: 'group'` with every request verified in the same turn of the event loop in one
// transaction and one commit, all answered after it (as LocalVPC's store groups write units).
// With `pgUrl`, the durable write is one INSERT committed on its own in PostgreSQL (a pool of
// connections, autocommit): the least a PostgreSQL-backed server acknowledging durable writes does.
// With `render`, the answer is not a precomputed body: each request serializes the template
// (JSON.stringify, a fresh RequestId), the least a server that renders a list of that size does.
// Protocol: the parent sends one CeilingConfig message; the child answers { port } once listening,
// and exits when the IPC channel closes (so it never outlives the benchmark).
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import Database from 'better-sqlite3';
import pg from 'pg';
import { formDecode } from '../src/protocol/percent.js';
import { parseV3Authorization, sha256Hex, v1Sign, v1StringToSign, v3Sign, v3StringToSign } from '../src/protocol/signature.js';

export interface CeilingConfig {
  secret: string;
  /** The answer to every correctly signed request. */
  body: string;
  contentType: string;
  requestId: string;
  /** Durable write mode: the SQLite file to insert one row into per verified request. */
  sqlitePath?: string;
  /** With sqlitePath: a commit per request (default), or one per turn of the event loop. */
  commit?: 'one' | 'group';
  /** Render this JSON answer per request (a fresh RequestId) instead of sending `body`. */
  render?: Record<string, unknown>;
  /** Durable write mode on PostgreSQL: one INSERT committed per verified request, through a pool of `pgPool` connections. */
  pgUrl?: string;
  pgPool?: number;
}

/** One row per call in PostgreSQL, each its own transaction (autocommit): calls back once committed. */
function pgInserter(url: string | undefined, size: number): Promise<((url: string, done: () => void) => void) | undefined> {
  if (!url) return Promise.resolve(undefined);
  const pool = new pg.Pool({ connectionString: url, max: size });
  return pool
    .query('CREATE TABLE IF NOT EXISTS writes (id BIGSERIAL PRIMARY KEY, url TEXT NOT NULL, "createdAt" BIGINT NOT NULL)')
    .then(() => (u: string, done: () => void) => {
      pool.query('INSERT INTO writes (url, "createdAt") VALUES ($1, $2)', [u, Date.now()]).then(done, done);
    });
}

/** Stores one row per call and calls back once it is committed; undefined without `sqlitePath`. */
function inserter(path: string | undefined, commit: 'one' | 'group'): ((url: string, done: () => void) => void) | undefined {
  if (!path) return undefined;
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec('CREATE TABLE IF NOT EXISTS writes (id INTEGER PRIMARY KEY, url TEXT NOT NULL, createdAt INTEGER NOT NULL)');
  const insert = db.prepare('INSERT INTO writes (url, createdAt) VALUES (?, ?)');
  if (commit === 'one')
    return (url, done) => {
      insert.run(url, Date.now());
      done();
    };
  let queue: { url: string; done: () => void }[] = [];
  const flush = (): void => {
    const batch = queue;
    queue = [];
    db.exec('BEGIN IMMEDIATE');
    for (const w of batch) insert.run(w.url, Date.now());
    db.exec('COMMIT');
    for (const w of batch) w.done();
  };
  return (url, done) => {
    if (queue.push({ url, done }) === 1) setImmediate(flush);
  };
}

type Pairs = [string, string][];

function decodePairs(raw: string): Pairs | undefined {
  const out: Pairs = [];
  if (raw === '') return out;
  for (const part of raw.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    const k = formDecode(eq < 0 ? part : part.slice(0, eq));
    const v = formDecode(eq < 0 ? '' : part.slice(eq + 1));
    if (k === undefined || v === undefined) return undefined;
    out.push([k, v]);
  }
  return out;
}

function verified(req: IncomingMessage, rawBody: Buffer, secret: string): boolean {
  const url = req.url ?? '/';
  const q = url.indexOf('?');
  const path = q < 0 ? url : url.slice(0, q);
  const pairs = decodePairs(q < 0 ? '' : url.slice(q + 1));
  if (!pairs) return false;
  const method = req.method ?? 'GET';
  const authz = req.headers.authorization;
  if (authz !== undefined && authz.startsWith('ACS3-')) {
    const auth = parseV3Authorization(authz);
    if (!auth) return false;
    const declared = req.headers['x-acs-content-sha256'];
    const hash = sha256Hex(rawBody);
    if (typeof declared === 'string' && declared !== hash) return false;
    const toSign = v3StringToSign(method, path, pairs, req.headers, auth.signedHeaders, typeof declared === 'string' ? declared : hash);
    return v3Sign(toSign, secret) === auth.signature;
  }
  const sig = pairs.find(([k]) => k === 'Signature')?.[1];
  return sig !== undefined && v1Sign(v1StringToSign(method, pairs), secret) === sig;
}

async function serve(cfg: CeilingConfig): Promise<void> {
  const body = Buffer.from(cfg.body);
  const okHeaders = { 'content-type': cfg.contentType, 'content-length': body.length, 'x-acs-request-id': cfg.requestId };
  const bad = Buffer.from('{"Code":"SignatureDoesNotMatch"}');
  const write = inserter(cfg.sqlitePath, cfg.commit ?? 'one') ?? (await pgInserter(cfg.pgUrl, cfg.pgPool ?? 10));
  const render = cfg.render;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks);
      if (verified(req, raw, cfg.secret)) {
        const answer = (): void => {
          if (render) {
            const requestId = randomUUID();
            const text = JSON.stringify({ ...render, RequestId: requestId });
            res.writeHead(200, {
              'content-type': cfg.contentType,
              'content-length': Buffer.byteLength(text),
              'x-acs-request-id': requestId,
            });
            res.end(text);
          } else {
            res.writeHead(200, okHeaders);
            res.end(body);
          }
        };
        if (write) write(req.url ?? '/', answer);
        else answer();
      } else {
        res.writeHead(400, { 'content-type': cfg.contentType, 'content-length': bad.length });
        res.end(bad);
      }
    });
  });
  server.keepAliveTimeout = 65_000; // as LocalVPC
  server.listen(0, '127.0.0.1', () => process.send?.({ port: (server.address() as AddressInfo).port }));
}

process.once('message', (m) => void serve(m as CeilingConfig));
process.on('disconnect', () => process.exit(0));
process.on('SIGTERM', () => process.exit(0)); // a normal exit, so `--cpu-prof` can write its profile
