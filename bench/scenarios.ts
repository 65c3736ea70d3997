// The scenario registry. A scenario has an id (what `--only` matches) and a run() that starts the
// servers it needs (one at a time: the machine may have only 2 cores), measures, stops them, and
// returns one table row. `vsCeiling` builds the common kind: the same signed request against
// LocalVPC, then against the bare HMAC ceiling answering LocalVPC's own answer.
// To add a scenario, append to SCENARIOS (a `vsCeiling(...)` or any object with id and run).
import { join } from 'node:path';
import { fetchOnce, runLoad, type Answer, type LoadResult } from './load.js';
import { startCeiling, startLocalVpc, type Child } from './servers.js';
import { DEFAULT_KEY, v1Signer, v3Signer, type RequestSpec } from './sign.js';

export interface BenchOptions {
  /** Measured seconds per load run. */
  seconds: number;
  warmupSeconds: number;
  /** When set, LocalVPC and the ceiling run with --cpu-prof, writing into <dir>/localvpc and <dir>/ceiling. */
  cpuProfDir?: string;
}

export interface Row {
  scenario: string;
  concurrency: number;
  subject?: LoadResult;
  ceiling?: LoadResult;
  notes?: string[];
}

export interface Scenario {
  id: string;
  run(o: BenchOptions): Promise<Row>;
}

/** Other work (cores) on the machine above which a run is repeated once, keeping the quieter of the two. */
const BUSY = 0.5;

async function load(o: BenchOptions, child: Child, concurrency: number, factory: () => RequestSpec, notes: string[], who: string): Promise<LoadResult> {
  const run = (): Promise<LoadResult> =>
    runLoad({ port: child.port, factory, concurrency, seconds: o.seconds, warmupSeconds: o.warmupSeconds, serverCpuSeconds: () => child.cpuSeconds() });
  let r = await run();
  if ((r.otherCpu ?? 0) >= BUSY && !o.cpuProfDir) {
    const again = await run();
    notes.push(`${who} rerun (machine busy)`);
    if ((again.otherCpu ?? 0) < (r.otherCpu ?? 0)) r = again;
  }
  if (o.cpuProfDir) notes.push(`${who} profile covers ${r.warmupRequests + r.requests} requests`);
  return r;
}

function profileArgs(o: BenchOptions, who: string): string[] {
  return o.cpuProfDir ? ['--cpu-prof', '--cpu-prof-dir', join(o.cpuProfDir, who)] : [];
}

async function expect200(what: string, port: number, spec: RequestSpec): Promise<Answer> {
  const a = await fetchOnce(port, spec);
  if (a.status !== 200) throw new Error(`${what} answered ${a.status}: ${a.body.slice(0, 500)}`);
  return a;
}

export interface VsCeilingSpec {
  name: string;
  concurrency: number;
  /** The request factory for the server on `port` (each call: one freshly signed request). */
  factory: (port: number) => () => RequestSpec;
  /** Prepares LocalVPC's state before the measurement (e.g. stores N router interfaces). */
  seed?: (port: number) => Promise<void>;
}

export function vsCeiling(s: VsCeilingSpec): Scenario {
  const id = `${s.name} c=${s.concurrency}`;
  return {
    id,
    async run(o) {
      const vpc = await startLocalVpc({ nodeArgs: profileArgs(o, 'localvpc') });
      let answer: Answer;
      let subject: LoadResult;
      const notes: string[] = [];
      try {
        await s.seed?.(vpc.port);
        const next = s.factory(vpc.port);
        answer = await expect200(`LocalVPC (${id})`, vpc.port, next());
        subject = await load(o, vpc, s.concurrency, next, notes, 'LocalVPC');
      } finally {
        await vpc.stop();
      }
      const ceil = await startCeiling({
        secret: DEFAULT_KEY.secret,
        body: answer.body,
        contentType: String(answer.headers['content-type']),
        requestId: String(answer.headers['x-acs-request-id']),
      }, profileArgs(o, 'ceiling'));
      try {
        const next = s.factory(ceil.port);
        await expect200(`ceiling (${id})`, ceil.port, next());
        const ceiling = await load(o, ceil, s.concurrency, next, notes, 'ceiling');
        return { scenario: s.name, concurrency: s.concurrency, subject, ceiling, notes };
      } finally {
        await ceil.stop();
      }
    },
  };
}

const regions = { action: 'DescribeRegions', params: { RegionId: 'cn-hangzhou' } };

export const SCENARIOS: Scenario[] = [
  ...[1, 32].map((concurrency) => vsCeiling({ name: 'DescribeRegions V1', concurrency, factory: () => v1Signer(regions) })),
  ...[1, 32].map((concurrency) => vsCeiling({ name: 'DescribeRegions V3', concurrency, factory: (port) => v3Signer(regions, `127.0.0.1:${port}`) })),
];
