// What every scenario shares: the options, the result types (table rows, further tables, and facts
// for the section under the tables: targets, cold start, memory), the load run through wrk with a
// rerun when the machine was busy, profiling arguments, a one-request check that a scenario works
// before it is measured, and the record of LocalVPC's RSS after each load phase.
import { join } from 'node:path';
import { fetchOnce, type Answer } from './load.js';
import type { Child } from './servers.js';
import type { RequestSpec } from './sign.js';
import { poolOf, wrkLoad, type LoadResult, type PoolMaker } from './wrk.js';

export type { LoadResult } from './wrk.js';

export interface BenchOptions {
  /** Measured seconds per load run (whole seconds: wrk's -d). */
  seconds: number;
  warmupSeconds: number;
  /** Requests LocalVPC serves before the DescribeRegions rows are measured (1M by default). */
  warmRequests: number;
  /** When set, LocalVPC and the ceiling run with --cpu-prof, writing into <dir>/localvpc and <dir>/ceiling. */
  cpuProfDir?: string;
}

export interface Row {
  scenario: string;
  concurrency: number;
  subject?: LoadResult;
  /** What the subject is called in the notes (default LocalVPC). */
  subjectName?: string;
  /** What LocalVPC is compared with (a ceiling, a peer, LocalVPC configured otherwise), and its run. */
  reference?: LoadResult;
  referenceName?: string;
  /** The least ratio (subject req/s / reference req/s) LocalVPC should reach; none when unset. */
  target?: number;
  /** Why this row never has a ratio (e.g. through the SDK, whose client is the limit). */
  noRatio?: string;
  notes?: string[];
}

/** A figure reported under the tables, with its target when it has one (met undefined: not measured). */
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
  /** Further Markdown tables printed under the main one. */
  tables?: string[];
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

export interface LoadSpec {
  /** Requests (raw HTTP, each signed anew): a factory of signed requests, or a pool maker. */
  factory?: () => RequestSpec;
  make?: PoolMaker;
  /** The most the server may answer per second (sizes the warm-up pool). */
  rateHint?: number;
  /** Seconds instead of the options' (e.g. shorter cells of the scaling table). */
  seconds?: number;
}

/** A wrk run of `spec`'s requests against `child` at `concurrency`, with the busy-machine rerun. */
export async function load(
  o: BenchOptions,
  child: Child,
  concurrency: number,
  spec: LoadSpec,
  notes: string[],
  who: string,
): Promise<LoadResult> {
  const make = spec.make ?? poolOf(spec.factory as () => RequestSpec, child.port);
  const r = await measured(o, notes, who, () =>
    wrkLoad({
      port: child.port,
      connections: concurrency,
      seconds: spec.seconds ?? o.seconds,
      warmupSeconds: o.warmupSeconds,
      make,
      server: child,
      rateHint: spec.rateHint,
      check: true,
    }),
  );
  if (r.resized) notes.push(`${who}: a measured run outran its pool and was run again with a pool ${3 ** r.resized}x as large`);
  return r;
}

export function profileArgs(o: BenchOptions, who: string): string[] {
  return o.cpuProfDir ? ['--cpu-prof', '--cpu-prof-dir', join(o.cpuProfDir, who)] : [];
}

export async function expect200(what: string, port: number, spec: RequestSpec): Promise<Answer> {
  const a = await fetchOnce(port, spec);
  if (a.status !== 200) throw new Error(`${what} answered ${a.status}: ${a.body.slice(0, 500)}`);
  return a;
}

/** LocalVPC's RSS at the end of each load phase, for the memory fact (run.ts). */
export const rssAfterLoad: { what: string; mb: number }[] = [];

/** "LocalVPC RSS at end 52 MiB" of a running child, for a row's notes; recorded for the memory fact. */
export function rssNote(child: Child, what: string, when = 'at end'): string {
  const mb = child.rssMb();
  if (mb === undefined) return 'RSS unknown';
  rssAfterLoad.push({ what, mb });
  return `LocalVPC RSS ${when} ${mb.toFixed(0)} MiB`;
}

export const ms = (x: number): string => `${x.toFixed(x < 10 ? 1 : 0)} ms`;

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? NaN : (s[Math.floor((s.length - 1) / 2)] as number);
}
