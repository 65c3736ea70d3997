// What every scenario shares: the options, the result types (table rows, and facts for the section
// under the table: cold start, memory, targets), the load run with a rerun when the machine was
// busy, profiling arguments, and a one-request check that a scenario works before it is measured.
import { join } from 'node:path';
import { fetchOnce, runLoad, type Answer, type LoadResult } from './load.js';
import type { Child } from './servers.js';
import type { RequestSpec } from './sign.js';

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
  /** The ratio LocalVPC must reach against this row's ceiling (report.ts TARGET_RATIO when unset). */
  targetRatio?: number;
  notes?: string[];
}

/** A figure reported under the table, with its target when it has one. */
export interface Fact {
  name: string;
  value: string;
  /** e.g. "< 200 ms"; met: whether the value meets it. */
  target?: string;
  met?: boolean;
  notes?: string;
}

export interface Result {
  rows: Row[];
  facts: Fact[];
}

export interface Scenario {
  id: string;
  run(o: BenchOptions): Promise<Row | Result>;
}

/** Other work (cores) on the machine above which a run is repeated once, keeping the quieter of the two. */
const BUSY = 0.5;

/** Runs `run` (one measurement), again once if the machine was busy, keeping the quieter; notes what happened. */
export async function measured<T extends LoadResult>(o: BenchOptions, notes: string[], who: string, run: () => Promise<T>): Promise<T> {
  let r = await run();
  if ((r.otherCpu ?? 0) >= BUSY && !o.cpuProfDir) {
    const again = await run();
    notes.push(`${who} rerun (machine busy)`);
    if ((again.otherCpu ?? 0) < (r.otherCpu ?? 0)) r = again;
  }
  if (o.cpuProfDir) notes.push(`${who} profile covers ${r.warmupRequests + r.requests} requests`);
  return r;
}

/** A load run of signed requests from `factory` against `child`, with the busy-machine rerun. */
export function load(
  o: BenchOptions,
  child: Child,
  concurrency: number,
  factory: () => RequestSpec,
  notes: string[],
  who: string,
): Promise<LoadResult> {
  return measured(o, notes, who, () =>
    runLoad({
      port: child.port,
      factory,
      concurrency,
      seconds: o.seconds,
      warmupSeconds: o.warmupSeconds,
      serverCpuSeconds: () => child.cpuSeconds(),
    }),
  );
}

export function profileArgs(o: BenchOptions, who: string): string[] {
  return o.cpuProfDir ? ['--cpu-prof', '--cpu-prof-dir', join(o.cpuProfDir, who)] : [];
}

export async function expect200(what: string, port: number, spec: RequestSpec): Promise<Answer> {
  const a = await fetchOnce(port, spec);
  if (a.status !== 200) throw new Error(`${what} answered ${a.status}: ${a.body.slice(0, 500)}`);
  return a;
}

/** "RSS 52 MB" of a running child, for a row's notes. */
export function rssNote(child: Child, when = 'at end'): string {
  const mb = child.rssMb();
  return mb === undefined ? 'RSS unknown' : `LocalVPC RSS ${when} ${mb.toFixed(0)} MB`;
}

export const ms = (x: number): string => `${x.toFixed(x < 10 ? 1 : 0)} ms`;

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? NaN : (s[Math.floor((s.length - 1) / 2)] as number);
}
