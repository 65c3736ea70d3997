// Closed-loop load of multi-call flows (e.g. a router-interface lifecycle), driven from this Node
// process because each call depends on earlier answers (ids), which a pool of pre-signed requests
// replayed by wrk cannot know in advance: `concurrency` workers,
// each with its own state from setup(), repeating iterate() until the deadline; every HTTP call an
// iteration makes is timed and counted, so the result is in calls per second. An iteration that
// has started is finished (so the flow cleans up after itself) and the elapsed time includes it.
// A failed iteration (a call not 2xx, a connection error) is counted and the worker gets a fresh
// state from setup(). Warm-up and CPU accounting as in load.ts.
import { Agent } from 'node:http';
import { performance } from 'node:perf_hooks';
import { fetchOnce, measure, type Answer, type MeasureOptions, type Tally } from './load.js';
import type { LoadResult } from './wrk.js';
import type { RequestSpec } from './sign.js';

/** Sends one request, timed and counted; resolves with the answer whatever its status. */
export type Send = (spec: RequestSpec) => Promise<Answer>;

export interface FlowOptions<S> extends MeasureOptions {
  port: number;
  concurrency: number;
  /** Per worker, before the measurement and after a failed iteration (its calls are not counted). */
  setup: (send: Send, worker: number) => Promise<S>;
  /** One iteration of the flow; throw on an unexpected answer. */
  iterate: (send: Send, state: S) => Promise<void>;
}

export interface FlowResult extends LoadResult {
  iterations: number;
  /** Iterations of the measured phase that failed. */
  failedIterations: number;
  /** Median time of one whole iteration, ms. */
  iterationP50: number;
  /** The first failure seen, for the notes. */
  firstFailure?: string;
}

const MAX_FAILURES = 200;

export async function runFlows<S>(o: FlowOptions<S>): Promise<FlowResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: o.concurrency, maxFreeSockets: o.concurrency });
  const untimed: Send = (spec) => fetchOnce(o.port, spec, 10_000, agent);
  const states = await Promise.all(Array.from({ length: o.concurrency }, (_, w) => o.setup(untimed, w)));
  let iterations = 0,
    failed = 0,
    failedMeasured = 0;
  let firstFailure: string | undefined;
  const iterMs: number[] = [];
  const drive = async (seconds: number, tally?: Tally): Promise<{ elapsed: number; issued: number }> => {
    const started = performance.now();
    const deadline = started + seconds * 1000;
    let issued = 0;
    const send: Send = async (spec) => {
      issued++;
      const t0 = performance.now();
      try {
        const a = await fetchOnce(o.port, spec, 10_000, agent);
        if (tally) {
          tally.latencies.push(performance.now() - t0);
          if (a.status < 200 || a.status > 299) tally.non2xx++;
        }
        return a;
      } catch (e) {
        if (tally) tally.errors++;
        throw e;
      }
    };
    const worker = async (w: number): Promise<void> => {
      while (performance.now() < deadline && failed < MAX_FAILURES) {
        const t0 = performance.now();
        try {
          await o.iterate(send, states[w] as S);
          if (tally) {
            iterations++;
            iterMs.push(performance.now() - t0);
          }
        } catch (e) {
          failed++;
          if (tally) failedMeasured++;
          firstFailure ??= (e as Error).message;
          states[w] = await o.setup(untimed, w).catch(() => states[w] as S);
        }
      }
    };
    await Promise.all(Array.from({ length: o.concurrency }, (_, w) => worker(w)));
    return { elapsed: (performance.now() - started) / 1000, issued };
  };
  try {
    const r = await measure(o, drive);
    iterMs.sort((a, b) => a - b);
    return { ...r, iterations, failedIterations: failedMeasured, iterationP50: iterMs[Math.floor(iterMs.length / 2)] ?? NaN, firstFailure };
  } finally {
    agent.destroy();
  }
}
