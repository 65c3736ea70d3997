// The load generator: `concurrency` closed-loop workers over one keep-alive node:http Agent
// (maxSockets = concurrency) to 127.0.0.1. A warm-up phase (not recorded) then a measured phase;
// each request is built by the factory just before it is sent (fresh nonce, timestamp, signature).
// Bounded in time (deadline, per-request timeout) and in count (maxRequests, error limit).
// `measure()` is the warm-up + measured phase + CPU accounting shared with the other drivers
// (multi-call flows in flow-load.ts, official-SDK calls in sdk-load.ts).
import { Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';
import type { RequestSpec } from './sign.js';
import { machineBusySeconds } from './cpu.js';

export interface LoadOptions {
  port: number;
  /** Called once per request. */
  factory: () => RequestSpec;
  concurrency: number;
  /** Measured duration, seconds. */
  seconds: number;
  warmupSeconds: number;
  /** Stop the measured phase after this many requests. */
  maxRequests?: number;
  /** Per-request timeout, ms. */
  timeoutMs?: number;
  /** CPU seconds the server has used so far (read before and after the measured phase). */
  serverCpuSeconds?: () => number | undefined;
}

export interface LoadResult {
  /** Requests answered or failed in the measured phase. */
  requests: number;
  /** Requests of the warm-up phase (to relate a whole-run CPU profile to requests). */
  warmupRequests: number;
  rps: number;
  p50: number;
  p99: number;
  /** Responses whose status is not 2xx. */
  non2xx: number;
  /** Connection errors and timeouts. */
  errors: number;
  /** Measured wall time, seconds. */
  elapsed: number;
  /** CPU the load generator itself used, as a fraction of one core (near 1 = the client may be the bottleneck). */
  clientCpu: number;
  /** CPU the server used, as a fraction of one core; undefined when not measurable. */
  serverCpu: number | undefined;
  /** CPU used by everything else on the machine (other processes, kernel networking not billed to either), in cores. */
  otherCpu: number | undefined;
}

const MAX_ERRORS = 1000;

/** Sends one request; resolves with its status, or -1 on a connection error or timeout. */
function send(agent: Agent, port: number, spec: RequestSpec, timeoutMs: number): Promise<number> {
  return new Promise((resolve) => {
    const req = request({ host: '127.0.0.1', port, agent, method: spec.method, path: spec.path, headers: spec.headers }, (res) => {
      res.on('end', () => resolve(res.statusCode ?? -1));
      res.on('error', () => resolve(-1));
      res.resume();
    });
    req.setTimeout(timeoutMs, () => req.destroy(new Error('timeout')));
    req.on('error', () => resolve(-1));
    req.end(spec.body);
  });
}

export interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** One request, answer read in full (to check a scenario works, and to copy an answer for a ceiling). */
export function fetchOnce(port: number, spec: RequestSpec, timeoutMs = 5000, agent?: Agent): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, agent, method: spec.method, path: spec.path, headers: spec.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.setTimeout(timeoutMs, () => req.destroy(new Error('timeout')));
    req.on('error', reject);
    req.end(spec.body);
  });
}

export interface Tally {
  latencies: number[];
  non2xx: number;
  errors: number;
}

/** Runs the workers until the deadline (or a bound); records into `tally` when given. */
async function phase(o: LoadOptions, agent: Agent, seconds: number, tally?: Tally): Promise<{ elapsed: number; issued: number }> {
  const timeoutMs = o.timeoutMs ?? 5000;
  const max = o.maxRequests ?? 2_000_000;
  const started = performance.now();
  const deadline = started + seconds * 1000;
  let issued = 0;
  let errors = 0;
  const worker = async (): Promise<void> => {
    while (performance.now() < deadline && issued < max && errors < MAX_ERRORS) {
      issued++;
      const spec = o.factory();
      const t0 = performance.now();
      const status = await send(agent, o.port, spec, timeoutMs);
      const dt = performance.now() - t0;
      if (status < 0) errors++;
      if (!tally) continue;
      if (status < 0) tally.errors++;
      else {
        tally.latencies.push(dt);
        if (status < 200 || status > 299) tally.non2xx++;
      }
    }
  };
  await Promise.all(Array.from({ length: o.concurrency }, worker));
  return { elapsed: (performance.now() - started) / 1000, issued };
}

function percentile(sorted: Float64Array, q: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] as number;
}

/** Options of a measurement whatever drives the requests (HTTP requests, SDK calls, multi-call flows). */
export interface MeasureOptions {
  seconds: number;
  warmupSeconds: number;
  serverCpuSeconds?: () => number | undefined;
}

/**
 * Runs `drive` once unrecorded (warm-up, when warmupSeconds > 0), then recorded into a tally, and
 * turns the tally into a LoadResult with the CPU accounting. `drive` runs its workers until the
 * deadline and returns the wall time it took and how many requests it issued.
 */
export async function measure(
  o: MeasureOptions,
  drive: (seconds: number, tally?: Tally) => Promise<{ elapsed: number; issued: number }>,
): Promise<LoadResult> {
  const warmup = o.warmupSeconds > 0 ? await drive(o.warmupSeconds) : { issued: 0 };
  const tally: Tally = { latencies: [], non2xx: 0, errors: 0 };
  const cpu0 = process.cpuUsage();
  const server0 = o.serverCpuSeconds?.();
  const machine0 = machineBusySeconds();
  const { elapsed } = await drive(o.seconds, tally);
  const cpu = process.cpuUsage(cpu0);
  const server1 = o.serverCpuSeconds?.();
  const machine1 = machineBusySeconds();
  const clientCpu = (cpu.user + cpu.system) / 1e6 / elapsed;
  const serverCpu = server0 !== undefined && server1 !== undefined ? (server1 - server0) / elapsed : undefined;
  const sorted = Float64Array.from(tally.latencies).sort();
  const requests = sorted.length + tally.errors;
  return {
    requests,
    warmupRequests: warmup.issued,
    rps: sorted.length / elapsed,
    p50: percentile(sorted, 0.5),
    p99: percentile(sorted, 0.99),
    non2xx: tally.non2xx,
    errors: tally.errors,
    elapsed,
    clientCpu,
    serverCpu,
    otherCpu:
      machine0 !== undefined && machine1 !== undefined
        ? Math.max(0, (machine1 - machine0) / elapsed - clientCpu - (serverCpu ?? 0))
        : undefined,
  };
}

export async function runLoad(o: LoadOptions): Promise<LoadResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: o.concurrency, maxFreeSockets: o.concurrency });
  try {
    return await measure(o, (seconds, tally) => phase(o, agent, seconds, tally));
  } finally {
    agent.destroy();
  }
}
