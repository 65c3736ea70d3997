// The load generator of every raw-HTTP row: wrk (Debian's `wrk` 4.1, C, epoll) replaying a pool of
// pre-signed requests with bench/wrk-pool.lua, so the client is never the limit (a Node client
// saturated its own core at about 6,000 req/s here; wrk sends the same requests for a fraction of
// that CPU). How a run goes:
// 1. the pool: `count` complete raw HTTP requests, each made by `make(i)` (a fresh nonce and
//    signature each), written to a file as records "<length>\n<bytes>", split into one disjoint
//    slice per wrk thread; its size is the expected rate x seconds x a margin (sizeFor);
// 2. wrk runs for whole seconds with `connections` keep-alive connections; each thread reads its
//    slice in init() and sends it in order; a thread that runs out stops, and the run is flagged
//    `exhausted` (an error for its row: a replayed nonce would be refused);
// 3. done() prints one JSON line: requests, errors, answers outside 2xx, wrk's latency
//    percentiles, and wrk's CPU (whole process minus the main thread, which only loaded the pool
//    and slept: the CPU the sending threads used). The server's CPU (whole process and its main,
//    event-loop thread) is read from /proc before and after; so is the whole machine's.
// A run is client-bound (report.ts) when wrk's threads were busy (>= CLIENT_BUSY of the cores they
// may use) while the server's event loop was not saturated: its ratio is then not reported.
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, openSync, rmSync, writeSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { cpus } from 'node:os';
import { machineBusySeconds } from './cpu.js';
import { tempDir, type Child } from './servers.js';
import type { RequestSpec } from './sign.js';

export const WRK_LUA = fileURLToPath(new URL('../../bench/wrk-pool.lua', import.meta.url));
const TICKS_PER_SECOND = 100;

/** Which driver produced a result: wrk replaying pre-signed requests, or a Node client (SDK, dependent flows). */
export type Driver = 'wrk' | 'node';

export interface LoadResult {
  driver: Driver;
  /** Answers (any status) in the measured phase. */
  requests: number;
  /** Requests of the warm-up phase. */
  warmupRequests: number;
  rps: number;
  /** Latency percentiles, ms. */
  p50: number;
  p90: number;
  p99: number;
  max: number;
  /** Answers whose status is not 2xx (wrk in "fast" mode: >= 400 only). */
  non2xx: number;
  /** Connection errors and timeouts. */
  errors: number;
  /** The first answer outside 2xx (status and the start of its body), when known. */
  firstBad?: string;
  /** The pool ran out before the end (wrk). */
  exhausted?: boolean;
  /** Pool size, for the notes (wrk). */
  poolSize?: number;
  /** Measured wall time, seconds. */
  elapsed: number;
  /** Cores used by the load generator's sending threads, and how many cores they may use. */
  clientCpu: number;
  clientCores: number;
  /** Cores used by the server process, and by its main (event-loop) thread; undefined when not measurable. */
  serverCpu: number | undefined;
  serverMainCpu: number | undefined;
  /** Cores used by everything else on the machine (other processes, kernel work billed to none). */
  otherCpu: number | undefined;
}

let checked: boolean | undefined;

/** Is wrk on the PATH? */
export function wrkInstalled(): boolean {
  checked ??= spawnSync('wrk', ['--version'], { stdio: 'ignore' }).error === undefined;
  return checked;
}

export const WRK_MISSING =
  'bench: wrk is not installed. The benchmark drives its raw-HTTP rows with wrk; install it with\n  sudo apt-get install wrk\n(Debian/Ubuntu, wrk 4.1), then run `npm run bench` again.\n';

/** The raw HTTP/1.1 request of a RequestSpec sent to `host` (the Host header), keep-alive. */
export function rawRequest(spec: RequestSpec, host: string): string {
  const lines = [`${spec.method} ${spec.path} HTTP/1.1`];
  const headers = Object.entries(spec.headers);
  if (!headers.some(([k]) => k.toLowerCase() === 'host')) lines.push(`Host: ${host}`);
  for (const [k, v] of headers) lines.push(`${k}: ${v}`);
  const body = spec.body ?? '';
  if (body !== '' && !headers.some(([k]) => k.toLowerCase() === 'content-length')) lines.push(`Content-Length: ${Buffer.byteLength(body)}`);
  return `${lines.join('\r\n')}\r\n\r\n${body}`;
}

/** Makes the i-th request of a pool (raw HTTP, every one signed anew). */
export type PoolMaker = (i: number) => string;

/** A factory of signed requests as a pool maker for the server on 127.0.0.1:port. */
export function poolOf(factory: () => RequestSpec, port: number): PoolMaker {
  const host = `127.0.0.1:${port}`;
  return () => rawRequest(factory(), host);
}

export interface Pool {
  path: string;
  count: number;
  /** "<offset>:<count>" per thread. */
  slices: string[];
  seconds: number;
}

let poolDir: string | undefined;

/** Writes `count` requests made by `make` into a new pool file, one slice per thread. */
export function writePool(count: number, threads: number, make: PoolMaker): Pool {
  const t0 = performance.now();
  poolDir ??= tempDir('localvpc-bench-pool-');
  const path = join(poolDir, `pool-${Date.now()}-${Math.random().toString(36).slice(2)}.txt`);
  const fd = openSync(path, 'w');
  const bounds = Array.from({ length: threads + 1 }, (_, k) => Math.floor((k * count) / threads));
  const offsets: number[] = [];
  let offset = 0;
  let parts: string[] = [];
  let pending = 0;
  const flush = (): void => {
    if (parts.length === 0) return;
    const b = Buffer.from(parts.join(''), 'latin1');
    writeSync(fd, b);
    parts = [];
    pending = 0;
  };
  try {
    let k = 0;
    for (let i = 0; i < count; i++) {
      while (bounds[k] === i) {
        offsets.push(offset);
        k++;
      }
      const raw = make(i);
      const len = Buffer.byteLength(raw);
      if (len !== raw.length) throw new Error('bench/wrk.ts: pool requests must be ASCII');
      const rec = `${len}\n${raw}`;
      parts.push(rec);
      offset += rec.length;
      pending += rec.length;
      if (pending >= 1 << 22) flush();
    }
    while (offsets.length < threads) offsets.push(offset);
    flush();
  } finally {
    closeSync(fd);
  }
  const slices = offsets.map((off, j) => `${off}:${(bounds[j + 1] as number) - (bounds[j] as number)}`);
  return { path, count, slices, seconds: (performance.now() - t0) / 1000 };
}

interface WrkJson {
  requests: number;
  durationUs: number;
  connectErrors: number;
  readErrors: number;
  writeErrors: number;
  timeouts: number;
  status4xx5xx: number;
  non2xx: number;
  firstBad: string;
  exhausted: number;
  poolUsed: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  cpuTicks: number;
  mainCpuTicks: number;
}

export interface WrkRun {
  port: number;
  connections: number;
  /** wrk threads (each may use one core); default 1: on a 2-core machine the server needs the other. */
  threads?: number;
  /** Whole seconds (wrk's -d). */
  seconds: number;
  pool: Pool;
  /** Count every answer outside 2xx and keep the first (a Lua call per answer); otherwise wrk counts >= 400. */
  check?: boolean;
  /** The server, for its CPU. */
  server?: Pick<Child, 'cpuSeconds' | 'mainThreadCpuSeconds'>;
  timeoutSeconds?: number;
  /** Send the whole pool and stop (SIGINT once every thread ran out); `seconds` is then only the bound. */
  drain?: boolean;
}

/** One wrk run over a written pool (the pool file is removed afterwards). */
export async function runWrk(o: WrkRun): Promise<LoadResult> {
  const threads = o.threads ?? 1;
  const seconds = Math.max(1, Math.round(o.seconds));
  const args = [
    '-t',
    String(threads),
    '-c',
    String(Math.max(threads, o.connections)),
    '-d',
    `${seconds}s`,
    '--timeout',
    `${o.timeoutSeconds ?? 10}s`,
    '-s',
    WRK_LUA,
    `http://127.0.0.1:${o.port}/`,
    o.pool.path,
    o.check ? 'check' : 'fast',
    ...o.pool.slices,
  ];
  const server0 = o.server?.cpuSeconds();
  const main0 = o.server?.mainThreadCpuSeconds();
  const machine0 = machineBusySeconds();
  const t0 = performance.now();
  const out = await new Promise<{ stdout: string; stderr: string; code: number | null }>((resolve, reject) => {
    const child = spawn('wrk', args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '',
      stderr = '',
      exhausted = 0;
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => {
      const text = c.toString();
      exhausted += text.split('WRK_POOL_EXHAUSTED').length - 1;
      if (o.drain && exhausted >= threads) child.kill('SIGINT');
      stderr = (stderr + text.replaceAll('WRK_POOL_EXHAUSTED\n', '')).slice(-4000);
    });
    child.once('error', reject);
    child.once('exit', (code) => resolve({ stdout, stderr, code }));
  });
  const window = (performance.now() - t0) / 1000;
  const server1 = o.server?.cpuSeconds();
  const main1 = o.server?.mainThreadCpuSeconds();
  const machine1 = machineBusySeconds();
  rmSync(o.pool.path, { force: true });
  const line = out.stdout.split('\n').find((l) => l.startsWith('WRK_JSON '));
  if (!line) throw new Error(`wrk failed (exit ${out.code}): ${out.stderr.trim() || out.stdout.trim()}`);
  const j = JSON.parse(line.slice('WRK_JSON '.length)) as WrkJson;
  const elapsed = j.durationUs / 1e6;
  const wrkCpu = j.cpuTicks / TICKS_PER_SECOND;
  const clientCpu = (j.cpuTicks - j.mainCpuTicks) / TICKS_PER_SECOND / elapsed;
  const serverCpu = server0 !== undefined && server1 !== undefined ? (server1 - server0) / elapsed : undefined;
  const serverMainCpu = main0 !== undefined && main1 !== undefined ? (main1 - main0) / elapsed : undefined;
  const errors = j.connectErrors + j.readErrors + j.writeErrors + j.timeouts;
  return {
    driver: 'wrk',
    requests: j.requests,
    warmupRequests: 0,
    rps: j.requests / elapsed,
    p50: j.p50 / 1000,
    p90: j.p90 / 1000,
    p99: j.p99 / 1000,
    max: j.max / 1000,
    non2xx: o.check ? j.non2xx : j.status4xx5xx,
    errors,
    firstBad: j.firstBad || undefined,
    exhausted: !o.drain && j.exhausted > 0,
    poolSize: o.pool.count,
    elapsed,
    clientCpu,
    clientCores: Math.min(threads, cpus().length),
    serverCpu,
    serverMainCpu,
    otherCpu:
      machine0 !== undefined && machine1 !== undefined && server0 !== undefined && server1 !== undefined
        ? Math.max(0, (machine1 - machine0 - wrkCpu - (server1 - server0)) / window)
        : undefined,
  };
}

/** Pool size for `seconds` at `rate` requests/s, with a margin (the measured phase may run faster than the warm-up). */
export function sizeFor(rate: number, seconds: number, margin = 2.5): number {
  return Math.ceil(Math.max(rate, 100) * Math.max(1, Math.round(seconds)) * margin) + 500;
}

export interface WrkLoad {
  port: number;
  connections: number;
  seconds: number;
  warmupSeconds: number;
  make: PoolMaker;
  server?: WrkRun['server'];
  /** The most this server may answer per second, to size the warm-up pool (default 40,000). */
  rateHint?: number;
  check?: boolean;
  threads?: number;
}

/**
 * A warm-up run (not recorded; its pool sized by rateHint), then the measured run with a pool sized
 * by the warm-up's rate. A measured run that runs out of its pool (it went faster than the margin
 * allowed) is thrown away and run again with a pool three times as large, at most twice; the
 * result says how often (`resized`). All pools come from the same `make`, with disjoint indexes.
 */
export async function wrkLoad(o: WrkLoad): Promise<LoadResult & { resized: number }> {
  const threads = o.threads ?? 1;
  const hint = o.rateHint ?? 40_000;
  let next = 0;
  const maker: PoolMaker = () => o.make(next++);
  let rate = hint;
  let warmupRequests = 0;
  if (o.warmupSeconds > 0) {
    const w = await runWrk({
      ...o,
      threads,
      seconds: o.warmupSeconds,
      pool: writePool(sizeFor(hint, o.warmupSeconds, 1.3), threads, maker),
    });
    warmupRequests = w.requests;
    if (!w.exhausted) rate = w.rps;
  }
  let size = sizeFor(rate, o.seconds);
  for (let resized = 0; ; resized++) {
    const r = await runWrk({ ...o, threads, pool: writePool(size, threads, maker) });
    if (!r.exhausted || resized === 2) return { ...r, warmupRequests, resized };
    size *= 3;
  }
}
