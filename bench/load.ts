// What the benchmark still does through node:http: one request read in full (to check a scenario
// works, and to copy an answer for a ceiling), and the measurement of the Node drivers that cannot
// be replaced by wrk replaying pre-signed requests: calls through the official SDK (sdk-load.ts)
// and flows whose calls depend on earlier answers (flow-load.ts). Every raw-HTTP row is driven by
// wrk (wrk.ts). `measure()` is the warm-up + measured phase + CPU accounting of those drivers; its
// client is this process, one core at most.
import { request, type Agent } from 'node:http';
import type { RequestSpec } from './sign.js';
import { machineBusySeconds } from './cpu.js';
import type { LoadResult } from './wrk.js';

export interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** One request, answer read in full. */
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

function percentile(sorted: Float64Array, q: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] as number;
}

/** Options of a measurement by a Node driver. */
export interface MeasureOptions {
  seconds: number;
  warmupSeconds: number;
  serverCpuSeconds?: () => number | undefined;
  serverMainCpuSeconds?: () => number | undefined;
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
  const main0 = o.serverMainCpuSeconds?.();
  const machine0 = machineBusySeconds();
  const { elapsed } = await drive(o.seconds, tally);
  const cpu = process.cpuUsage(cpu0);
  const server1 = o.serverCpuSeconds?.();
  const main1 = o.serverMainCpuSeconds?.();
  const machine1 = machineBusySeconds();
  const clientCpu = (cpu.user + cpu.system) / 1e6 / elapsed;
  const serverCpu = server0 !== undefined && server1 !== undefined ? (server1 - server0) / elapsed : undefined;
  const sorted = Float64Array.from(tally.latencies).sort();
  return {
    driver: 'node',
    requests: sorted.length + tally.errors,
    warmupRequests: warmup.issued,
    rps: sorted.length / elapsed,
    p50: percentile(sorted, 0.5),
    p90: percentile(sorted, 0.9),
    p99: percentile(sorted, 0.99),
    max: sorted.length ? (sorted[sorted.length - 1] as number) : NaN,
    non2xx: tally.non2xx,
    errors: tally.errors,
    elapsed,
    clientCpu,
    clientCores: 1,
    serverCpu,
    serverMainCpu: main0 !== undefined && main1 !== undefined ? (main1 - main0) / elapsed : undefined,
    otherCpu:
      machine0 !== undefined && machine1 !== undefined
        ? Math.max(0, (machine1 - machine0) / elapsed - clientCpu - (serverCpu ?? 0))
        : undefined,
  };
}
