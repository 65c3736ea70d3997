// Durable writes, LocalVPC on its SQLite file with durability full (never --in-memory):
// - CreateVpc (V3) at concurrency 16, default transition profile. Target (reported): at least 1.5x
//   the one-commit-per-request ceiling (LocalVPC group-commits writes that arrive together) and
//   p99 under 50 ms.
// - The router-interface lifecycle at concurrency 16 under `--profile instant`, in calls/s: per
//   worker, CreateVpc x2 once (set-up, not counted); per iteration CreateRouterInterface initiator
//   + acceptor, ModifyRouterInterfaceAttribute x2 (pointing them at each other),
//   ConnectRouterInterface, DescribeRouterInterfaceAttribute until Active, DeactivateRouterInterface,
//   DescribeRouterInterfaceAttribute until Inactive, DeleteRouterInterface x2.
// The ceiling of both: bench/ceiling-server.ts in its durable mode (verify the HMAC, one INSERT +
// commit per request, WAL, synchronous=FULL) under signed CreateVpc at the same concurrency,
// measured once per benchmark run and shared by the two rows.
import { join } from 'node:path';
import { DEFAULT_ALIUID, REGION, signed } from './api.js';
import { runFlows, type FlowResult, type Send } from './flow-load.js';
import { expect200, load, measured, ms, profileArgs, rssNote, type BenchOptions, type Result, type Scenario } from './harness.js';
import type { Answer, LoadResult } from './load.js';
import { startCeiling, startLocalVpc, tempDir } from './servers.js';
import { DEFAULT_KEY, v3Signer, type RequestSpec } from './sign.js';

const CONCURRENCY = 16;
const TARGET_RATIO = 1.5;
const TARGET_P99_MS = 50;

const createVpcFactory = (port: number): (() => RequestSpec) =>
  v3Signer({ action: 'CreateVpc', params: { RegionId: REGION, CidrBlock: '10.0.0.0/16' } }, `127.0.0.1:${port}`);

let sqliteCeiling: Promise<{ result: LoadResult; notes: string[] }> | undefined;

/** The one-INSERT-per-request ceiling under signed CreateVpc at CONCURRENCY (answering `answer`), once per run. */
function insertCeiling(o: BenchOptions, answer: Answer): Promise<{ result: LoadResult; notes: string[] }> {
  sqliteCeiling ??= (async () => {
    const dir = tempDir('localvpc-bench-ceiling-');
    const ceil = await startCeiling(
      {
        secret: DEFAULT_KEY.secret,
        body: answer.body,
        contentType: String(answer.headers['content-type']),
        requestId: String(answer.headers['x-acs-request-id']),
        sqlitePath: join(dir, 'ceiling.db'),
      },
      profileArgs(o, 'ceiling'),
    );
    try {
      const notes: string[] = ['ceiling: HMAC + one INSERT and commit per request (WAL, synchronous=FULL)'];
      const factory = createVpcFactory(ceil.port);
      await expect200('insert ceiling', ceil.port, factory());
      return { result: await load(o, ceil, CONCURRENCY, factory, notes, 'ceiling'), notes };
    } finally {
      await ceil.stop();
    }
  })();
  return sqliteCeiling;
}

const durableVpc = (o: BenchOptions, profile: string[] = []) =>
  startLocalVpc({
    dataDir: tempDir('localvpc-bench-write-'),
    args: ['--durability', 'full', ...profile],
    nodeArgs: profileArgs(o, 'localvpc'),
  });

const createVpc: Scenario = {
  id: `CreateVpc durable c=${CONCURRENCY}`,
  async run(o): Promise<Result> {
    const vpc = await durableVpc(o);
    const notes = ['V3; file database, durability full, profile fast (default)'];
    let answer: Answer, subject: LoadResult;
    try {
      const factory = createVpcFactory(vpc.port);
      answer = await expect200('CreateVpc', vpc.port, factory());
      subject = await load(o, vpc, CONCURRENCY, factory, notes, 'LocalVPC');
      notes.push(rssNote(vpc));
    } finally {
      await vpc.stop();
    }
    const ceiling = await insertCeiling(o, answer);
    const ratio = subject.rps / ceiling.result.rps;
    return {
      rows: [
        {
          scenario: 'CreateVpc, durable (group commit vs one commit per request)',
          concurrency: CONCURRENCY,
          subject,
          ceiling: ceiling.result,
          targetRatio: TARGET_RATIO,
          notes: [...notes, ...ceiling.notes],
        },
      ],
      facts: [
        {
          name: `CreateVpc durable c=${CONCURRENCY}: throughput vs one-commit-per-request ceiling`,
          value: `${ratio.toFixed(2)}x (${subject.rps.toFixed(0)} vs ${ceiling.result.rps.toFixed(0)} req/s)`,
          target: `>= ${TARGET_RATIO}x`,
          met: ratio >= TARGET_RATIO,
        },
        {
          name: `CreateVpc durable c=${CONCURRENCY}: p99`,
          value: ms(subject.p99),
          target: `< ${TARGET_P99_MS} ms`,
          met: subject.p99 < TARGET_P99_MS,
        },
      ],
    };
  },
};

interface Worker {
  a: string;
  b: string;
}

async function json(send: Send, port: number, action: string, params: Record<string, string>): Promise<Record<string, unknown>> {
  const a = await send(signed(port, action, params));
  if (a.status !== 200) throw new Error(`${action} answered ${a.status}: ${a.body.slice(0, 200)}`);
  return JSON.parse(a.body) as Record<string, unknown>;
}

async function waitStatus(send: Send, port: number, id: string, status: string): Promise<number> {
  for (let polls = 1; polls <= 100; polls++) {
    if ((await json(send, port, 'DescribeRouterInterfaceAttribute', { RegionId: REGION, InstanceId: id })).Status === status) return polls;
  }
  throw new Error(`${id} never became ${status}`);
}

const lifecycle: Scenario = {
  id: `Lifecycle durable c=${CONCURRENCY}`,
  async run(o): Promise<Result> {
    const vpc = await durableVpc(o, ['--profile', 'instant']);
    const notes = ['calls/s, every call of the flow counted (polls too); file database, durability full, profile instant'];
    let subject: FlowResult;
    let answer: Answer | undefined;
    let polls = 0,
      done = 0;
    const port = vpc.port;
    try {
      const call = (send: Send, action: string, params: Record<string, string>) =>
        json(send, port, action, { RegionId: REGION, ...params });
      subject = await measured(o, notes, 'LocalVPC', () =>
        runFlows<Worker>({
          port,
          concurrency: CONCURRENCY,
          seconds: o.seconds,
          warmupSeconds: o.warmupSeconds,
          serverCpuSeconds: () => vpc.cpuSeconds(),
          async setup(send) {
            const first = await send(signed(port, 'CreateVpc', { RegionId: REGION, CidrBlock: '10.0.0.0/16' }));
            answer ??= first;
            const b = await call(send, 'CreateVpc', { CidrBlock: '10.1.0.0/16' });
            return { a: (JSON.parse(first.body) as { VRouterId: string }).VRouterId, b: b.VRouterId as string };
          },
          async iterate(send, w) {
            const create = async (role: string, router: string, spec: string) =>
              (
                await call(send, 'CreateRouterInterface', {
                  Role: role,
                  RouterType: 'VRouter',
                  RouterId: router,
                  Spec: spec,
                  OppositeRegionId: REGION,
                })
              ).RouterInterfaceId as string;
            const i = await create('InitiatingSide', w.a, 'Large.1');
            const a = await create('AcceptingSide', w.b, 'Negative');
            await call(send, 'ModifyRouterInterfaceAttribute', {
              RouterInterfaceId: i,
              OppositeInterfaceId: a,
              OppositeRouterId: w.b,
              OppositeInterfaceOwnerId: DEFAULT_ALIUID,
            });
            await call(send, 'ModifyRouterInterfaceAttribute', {
              RouterInterfaceId: a,
              OppositeInterfaceId: i,
              OppositeRouterId: w.a,
              OppositeInterfaceOwnerId: DEFAULT_ALIUID,
            });
            await call(send, 'ConnectRouterInterface', { RouterInterfaceId: i });
            const up = await waitStatus(send, port, i, 'Active');
            await call(send, 'DeactivateRouterInterface', { RouterInterfaceId: i });
            const down = await waitStatus(send, port, i, 'Inactive');
            await call(send, 'DeleteRouterInterface', { RouterInterfaceId: i });
            await call(send, 'DeleteRouterInterface', { RouterInterfaceId: a });
            polls += up + down; // not `polls += await ...`: that reads polls before the await
            done++;
          },
        }),
      );
      notes.push(
        `${subject.iterations} lifecycles (${(subject.iterations / subject.elapsed).toFixed(1)}/s, each ${ms(subject.iterationP50)} p50), ${(polls / Math.max(1, done)).toFixed(1)} status polls per lifecycle`,
        ...(subject.failedIterations ? [`${subject.failedIterations} failed lifecycles, first: ${subject.firstFailure}`] : []),
        rssNote(vpc),
      );
    } finally {
      await vpc.stop();
    }
    if (!answer) throw new Error('lifecycle: no CreateVpc answer');
    const ceiling = await insertCeiling(o, answer);
    return {
      rows: [
        {
          scenario: 'Router-interface lifecycle, durable (calls/s)',
          concurrency: CONCURRENCY,
          subject,
          ceiling: ceiling.result,
          notes: [...notes, ...ceiling.notes, "the ceiling run is the CreateVpc row's (one per benchmark run)"],
        },
      ],
      facts: [],
    };
  },
};

export function writeScenarios(): Scenario[] {
  return [createVpc, lifecycle];
}
