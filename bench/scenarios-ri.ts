// DescribeRouterInterfaces filtered by RouterInterfaceId (1 match) and by RouterId (5 matches) with
// 1k, 10k and 100k interfaces stored (dataset.ts; file database, durability full, default
// profile), at concurrency 32 and 1, signed V3. Each request asks for one of 64 targets spread
// over the store, in turn; every target's answer is checked once (exactly the expected interfaces)
// before measuring. The ceiling is the bare HMAC ceiling answering LocalVPC's own answer, measured
// once per filter and concurrency (it does not depend on the store). The cost must not grow with
// the store beyond a log factor: the rows of one filter and concurrency are printed side by side,
// and a fact compares 100k with 1k.
import type { LoadResult } from './load.js';
import { dataset, sizeLabel, type Dataset } from './dataset.js';
import { expect200, load, profileArgs, rssNote, type BenchOptions, type Fact, type Result, type Row, type Scenario } from './harness.js';
import { REGION } from './api.js';
import { startCeiling, startLocalVpc } from './servers.js';
import { DEFAULT_KEY, v3Signer, type RequestSpec } from './sign.js';
import { fetchOnce, type Answer } from './load.js';

export const SIZES = [1_000, 10_000, 100_000];
const CONCURRENCY = [32, 1];
/** Cost growth allowed from 1k to 100k: log(100k) / log(1k). */
const LOG_FACTOR = Math.log(100_000) / Math.log(1_000);

type Key = 'RouterInterfaceId' | 'RouterId';

interface Target {
  value: string;
  expect: string[];
}

function targets(key: Key, ds: Dataset): Target[] {
  return key === 'RouterInterfaceId'
    ? ds.interfaces.map((id) => ({ value: id, expect: [id] }))
    : ds.routers.map((r) => ({ value: r.id, expect: r.interfaces }));
}

/** A factory cycling over one signer per target. */
export function describeFactory(port: number, key: Key, values: string[]): () => RequestSpec {
  const signers = values.map((v) =>
    v3Signer(
      { action: 'DescribeRouterInterfaces', params: { RegionId: REGION, 'Filter.1.Key': key, 'Filter.1.Value.1': v } },
      `127.0.0.1:${port}`,
    ),
  );
  let i = 0;
  return () => (signers[i++ % signers.length] as () => RequestSpec)();
}

/** Checks that each target's answer holds exactly its expected interfaces; returns the last answer. */
async function verify(port: number, key: Key, ts: Target[]): Promise<Answer> {
  let last: Answer | undefined;
  for (const t of ts) {
    const a = await fetchOnce(port, describeFactory(port, key, [t.value])());
    const body = JSON.parse(a.body) as {
      TotalCount?: number;
      RouterInterfaceSet?: { RouterInterfaceType?: { RouterInterfaceId: string }[] };
    };
    const got = (body.RouterInterfaceSet?.RouterInterfaceType ?? []).map((r) => r.RouterInterfaceId);
    if (a.status !== 200 || body.TotalCount !== t.expect.length || got.join() !== t.expect.join()) {
      throw new Error(
        `DescribeRouterInterfaces ${key}=${t.value}: expected ${t.expect.join(',')}, got ${a.status} ${a.body.slice(0, 300)}`,
      );
    }
    last = a;
  }
  return last as Answer;
}

function riScenario(key: Key): Scenario {
  const name = `DescribeRouterInterfaces by ${key}`;
  return {
    id: `DescribeRouterInterfaces filter=${key} n=${SIZES.map(sizeLabel).join('/')}`,
    async run(o: BenchOptions): Promise<Result> {
      const subject = new Map<string, LoadResult>(); // `${size} ${c}`
      const notes = new Map<string, string[]>(); // per size and concurrency
      let answer: Answer | undefined;
      for (const size of SIZES) {
        const ds = await dataset(size);
        const n: string[] = [
          `${size / 5} routers; data set built in ${ds.seconds.toFixed(1)} s (${(ds.bytes / 2 ** 20).toFixed(0)} MiB document, ${ds.method})`,
        ];
        const vpc = await startLocalVpc({ dataDir: ds.dir, token: ds.token, nodeArgs: profileArgs(o, 'localvpc') });
        try {
          const ts = targets(key, ds);
          answer = await verify(vpc.port, key, ts);
          n.push(`checked: ${ts.length} targets, each exactly its ${ts[0]?.expect.length} interface(s)`);
          const factory = describeFactory(
            vpc.port,
            key,
            ts.map((t) => t.value),
          );
          for (const c of CONCURRENCY) {
            const cn = c === CONCURRENCY[0] ? n : [];
            notes.set(`${size} ${c}`, cn);
            subject.set(`${size} ${c}`, await load(o, vpc, c, factory, cn, 'LocalVPC'));
          }
          n.push(rssNote(vpc, 'after both runs'));
        } finally {
          await vpc.stop();
        }
      }
      const a = answer as Answer;
      const ceil = await startCeiling(
        {
          secret: DEFAULT_KEY.secret,
          body: a.body,
          contentType: String(a.headers['content-type']),
          requestId: String(a.headers['x-acs-request-id']),
        },
        profileArgs(o, 'ceiling'),
      );
      const ceiling = new Map<number, LoadResult>();
      const ceilNotes = new Map<number, string[]>();
      try {
        const ds = await dataset(SIZES[0] as number);
        const factory = describeFactory(
          ceil.port,
          key,
          targets(key, ds).map((t) => t.value),
        );
        await expect200(`ceiling (${name})`, ceil.port, factory());
        for (const c of CONCURRENCY) {
          ceilNotes.set(c, []);
          ceiling.set(c, await load(o, ceil, c, factory, ceilNotes.get(c) as string[], 'ceiling'));
        }
      } finally {
        await ceil.stop();
      }
      const rows: Row[] = [];
      for (const c of CONCURRENCY) {
        for (const size of SIZES) {
          const shared = size === SIZES[0] ? ['one ceiling run per concurrency, for all sizes'] : [];
          rows.push({
            scenario: `${name}, ${sizeLabel(size)} stored`,
            concurrency: c,
            subject: subject.get(`${size} ${c}`),
            ceiling: ceiling.get(c),
            notes: [...(notes.get(`${size} ${c}`) ?? []), ...shared, ...(ceilNotes.get(c) ?? [])],
          });
        }
      }
      return { rows, facts: [scaling(name, subject)] };
    },
  };
}

/** 100k against 1k: throughput at c=32 and p50 at c=1 may change by at most the log factor. */
function scaling(name: string, subject: Map<string, LoadResult>): Fact {
  const [small, large] = [SIZES[0], SIZES[SIZES.length - 1]] as [number, number];
  const g = (size: number, c: number): LoadResult | undefined => subject.get(`${size} ${c}`);
  const rps = (g(large, 32)?.rps ?? NaN) / (g(small, 32)?.rps ?? NaN);
  const p50 = (g(large, 1)?.p50 ?? NaN) / (g(small, 1)?.p50 ?? NaN);
  const per = (c: number, f: (r: LoadResult) => string): string =>
    SIZES.map((s) => `${sizeLabel(s)} ${(g(s, c) && f(g(s, c) as LoadResult)) ?? '-'}`).join(', ');
  return {
    name: `${name}: cost vs store size`,
    value: `c=32 req/s ${per(32, (r) => r.rps.toFixed(0))} (100k/1k ${rps.toFixed(2)}); c=1 p50 ${per(1, (r) => `${r.p50.toFixed(2)} ms`)} (100k/1k ${p50.toFixed(2)})`,
    target: `within a log factor from 1k to 100k: throughput ratio >= ${(1 / LOG_FACTOR).toFixed(2)}, p50 ratio <= ${LOG_FACTOR.toFixed(2)}`,
    met: rps >= 1 / LOG_FACTOR && p50 <= LOG_FACTOR,
  };
}

export function riScenarios(): Scenario[] {
  return [riScenario('RouterInterfaceId'), riScenario('RouterId')];
}
