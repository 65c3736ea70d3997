// Start-up and memory, reported under the table (facts, no rows):
// - Cold start: from spawning LocalVPC (`serve`, file database) to its first successful signed
//   DescribeRegions (sent as soon as it prints that it listens), median of TRIALS starts; on an
//   empty data folder (a new one each time: migrations included), and restarted on the folder of
//   the 1M-interface data set (dataset.ts; imported once, server stopped). Targets: under 200 ms
//   empty, under 300 ms with 1M.
// - RSS idle (VmRSS of /proc/<pid>/status, 1 s after the first answer; target under 60 MiB). The
//   RSS after the load phases (target under 150 MiB) is the largest RSS any LocalVPC row noted at
//   the end of its load (harness.ts rssAfterLoad; run.ts reports it).
import { performance } from 'node:perf_hooks';
import { REGION } from './api.js';
import { dataset, sizeLabel } from './dataset.js';
import { median, ms, profileArgs, rssAfterLoad, type Fact, type Result, type Scenario } from './harness.js';
import { fetchOnce } from './load.js';
import { startLocalVpc, tempDir } from './servers.js';
import { v1Signer, v3Signer } from './sign.js';

const TRIALS = 5;
const TARGET_EMPTY_MS = 200;
const LARGE = 1_000_000;
const TARGET_LARGE_MS = 300;
const TARGET_IDLE_RSS_MB = 60;
const TARGET_LOADED_RSS_MB = 150;
const regions = { action: 'DescribeRegions', params: { RegionId: REGION } };

interface Start {
  firstMs: number;
  listenMs: number;
  rssMb: number | undefined;
}

export async function coldStart(dataDir: string, token?: string): Promise<Start> {
  const vpc = await startLocalVpc({ dataDir, token });
  try {
    const a = await fetchOnce(vpc.port, v1Signer(regions)());
    const t = performance.now();
    if (a.status !== 200) throw new Error(`first DescribeRegions answered ${a.status}: ${a.body.slice(0, 200)}`);
    return { firstMs: t - vpc.spawnedAt, listenMs: vpc.listeningAt - vpc.spawnedAt, rssMb: vpc.rssMb() };
  } finally {
    await vpc.stop();
  }
}

function startFact(name: string, starts: Start[], targetMs: number): Fact {
  const first = median(starts.map((s) => s.firstMs));
  const all = starts.map((s) => s.firstMs.toFixed(0)).join(', ');
  return {
    name,
    value: `${ms(first)} (median of ${starts.length}: ${all} ms; listening after ${ms(median(starts.map((s) => s.listenMs)))}; RSS then ${median(starts.map((s) => s.rssMb ?? NaN)).toFixed(0)} MiB)`,
    target: `< ${targetMs} ms`,
    met: first < targetMs,
  };
}

const coldStartScenario: Scenario = {
  id: 'Cold start',
  async run(): Promise<Result> {
    const empty: Start[] = [];
    for (let i = 0; i < TRIALS; i++) empty.push(await coldStart(tempDir('localvpc-bench-cold-')));
    const ds = await dataset(LARGE);
    const full: Start[] = [];
    for (let i = 0; i < TRIALS; i++) full.push(await coldStart(ds.dir, ds.token));
    return {
      rows: [],
      facts: [
        startFact('Cold start to first served request, empty database', empty, TARGET_EMPTY_MS),
        startFact(`Cold start to first served request, ${sizeLabel(LARGE)} interfaces stored (restart)`, full, TARGET_LARGE_MS),
      ],
    };
  },
};

const rssScenario: Scenario = {
  id: 'RSS idle',
  async run(o): Promise<Result> {
    const vpc = await startLocalVpc({ dataDir: tempDir('localvpc-bench-rss-'), nodeArgs: profileArgs(o, 'localvpc') });
    try {
      const first = await fetchOnce(vpc.port, v3Signer(regions, `127.0.0.1:${vpc.port}`)());
      if (first.status !== 200) throw new Error(`DescribeRegions answered ${first.status}`);
      await new Promise((r) => setTimeout(r, 1000));
      const idle = vpc.rssMb() ?? NaN;
      return {
        rows: [],
        facts: [
          {
            name: 'RSS idle, 1 s after the first answer (file database, empty)',
            value: `${idle.toFixed(1)} MiB`,
            target: `< ${TARGET_IDLE_RSS_MB} MiB`,
            met: idle < TARGET_IDLE_RSS_MB,
          },
        ],
      };
    } finally {
      await vpc.stop();
    }
  },
};

/** The fact of the largest RSS LocalVPC had at the end of a load phase, when any row measured one. */
export function rssAfterLoadFact(): Fact | undefined {
  if (rssAfterLoad.length === 0) return undefined;
  const top = rssAfterLoad.reduce((a, b) => (b.mb > a.mb ? b : a));
  return {
    name: 'RSS after the load phases (the largest at the end of any LocalVPC load)',
    value: `${top.mb.toFixed(0)} MiB (${top.what})`,
    target: `< ${TARGET_LOADED_RSS_MB} MiB`,
    met: top.mb < TARGET_LOADED_RSS_MB,
    notes: `all: ${rssAfterLoad.map((r) => `${r.what} ${r.mb.toFixed(0)}`).join(', ')} MiB`,
  };
}

export function startScenarios(): Scenario[] {
  return [coldStartScenario, rssScenario];
}
