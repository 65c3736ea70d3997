// Start-up and memory, reported under the table (facts, no rows):
// - Cold start: from spawning LocalVPC (`serve`, file database) to its first successful signed
//   DescribeRegions (sent as soon as it prints that it listens), median of TRIALS starts; on an
//   empty data folder (a new one each time: migrations included), and restarted on the folder of
//   the 100k-interface data set (dataset.ts; imported once, server stopped). Targets: under 200 ms
//   empty, under 500 ms with 100k.
// - RSS (VmRSS of /proc/<pid>/status): idle 1 s after start (target under 60 MB), and at the end of
//   a load phase (DescribeRegions V3, concurrency 32); every LocalVPC row also notes its RSS.
import { performance } from 'node:perf_hooks';
import { REGION } from './api.js';
import { dataset } from './dataset.js';
import { load, median, ms, profileArgs, type Fact, type Result, type Scenario } from './harness.js';
import { fetchOnce } from './load.js';
import { startLocalVpc, tempDir } from './servers.js';
import { v1Signer, v3Signer } from './sign.js';

const TRIALS = 5;
const TARGET_EMPTY_MS = 200;
const TARGET_100K_MS = 500;
const TARGET_IDLE_RSS_MB = 60;
const regions = { action: 'DescribeRegions', params: { RegionId: REGION } };

interface Start {
  firstMs: number;
  listenMs: number;
  rssMb: number | undefined;
}

async function coldStart(dataDir: string, token?: string): Promise<Start> {
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
    value: `${ms(first)} (median of ${starts.length}: ${all} ms; listening after ${ms(median(starts.map((s) => s.listenMs)))}; RSS then ${median(starts.map((s) => s.rssMb ?? NaN)).toFixed(0)} MB)`,
    target: `< ${targetMs} ms`,
    met: first < targetMs,
  };
}

const coldStartScenario: Scenario = {
  id: 'Cold start',
  async run(): Promise<Result> {
    const empty: Start[] = [];
    for (let i = 0; i < TRIALS; i++) empty.push(await coldStart(tempDir('localvpc-bench-cold-')));
    const ds = await dataset(100_000);
    const full: Start[] = [];
    for (let i = 0; i < TRIALS; i++) full.push(await coldStart(ds.dir, ds.token));
    return {
      rows: [],
      facts: [
        startFact('Cold start to first served request, empty database', empty, TARGET_EMPTY_MS),
        startFact('Cold start to first served request, 100k interfaces stored (restart)', full, TARGET_100K_MS),
      ],
    };
  },
};

const rssScenario: Scenario = {
  id: 'RSS',
  async run(o): Promise<Result> {
    const vpc = await startLocalVpc({ dataDir: tempDir('localvpc-bench-rss-'), nodeArgs: profileArgs(o, 'localvpc') });
    try {
      const factory = v3Signer(regions, `127.0.0.1:${vpc.port}`);
      const first = await fetchOnce(vpc.port, factory());
      if (first.status !== 200) throw new Error(`DescribeRegions answered ${first.status}`);
      await new Promise((r) => setTimeout(r, 1000));
      const idle = vpc.rssMb() ?? NaN;
      const notes: string[] = [];
      const r = await load(o, vpc, 32, factory, notes, 'LocalVPC');
      const after = vpc.rssMb() ?? NaN;
      return {
        rows: [],
        facts: [
          {
            name: 'RSS idle, 1 s after start (file database, empty)',
            value: `${idle.toFixed(1)} MB`,
            target: `< ${TARGET_IDLE_RSS_MB} MB`,
            met: idle < TARGET_IDLE_RSS_MB,
          },
          {
            name: 'RSS at the end of a load phase',
            value: `${after.toFixed(1)} MB`,
            notes: `DescribeRegions V3 c=32, ${r.requests} requests in ${r.elapsed.toFixed(1)} s after ${r.warmupRequests} warm-up${notes.length ? `; ${notes.join('; ')}` : ''}`,
          },
        ],
      };
    } finally {
      await vpc.stop();
    }
  },
};

export function startScenarios(): Scenario[] {
  return [coldStartScenario, rssScenario];
}
