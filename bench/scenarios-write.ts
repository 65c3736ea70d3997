// Durable writes, LocalVPC on its SQLite file with durability full (never --in-memory):
// - CreateVpc (V3, default transition profile) at concurrency 1 beside the one-commit-per-request
//   ceiling at concurrency 1, and at concurrency 16 beside the group-commit ceiling at
//   concurrency 16 (ceiling-server.ts in its durable modes: verify the HMAC, INSERT one row, WAL,
//   synchronous=FULL; a commit per request, or one per turn of the event loop). Targets: >= 0.8 of
//   each, and p99 under 50 ms.
// - The router-interface lifecycle at concurrency 16 under `--profile instant`, in calls/s, driven
//   from this process (flow-load.ts: each call needs the ids earlier answers gave, so it cannot be
//   a pool of pre-signed requests): per worker, CreateVpc x2 once (set-up, not counted); per
//   iteration CreateRouterInterface initiator + acceptor, ModifyRouterInterfaceAttribute x2
//   (pointing them at each other), ConnectRouterInterface, DescribeRouterInterfaceAttribute until
//   Active, DeactivateRouterInterface, DescribeRouterInterfaceAttribute until Inactive,
//   DeleteRouterInterface x2. Beside the group-commit ceiling's run; no target (its client is Node).
import { join } from 'node:path';
import { DEFAULT_ALIUID, REGION, signed } from './api.js';
import { runFlows, type FlowResult, type Send } from './flow-load.js';
import { expect200, load, measured, ms, profileArgs, rssNote, type BenchOptions, type Result, type Scenario } from './harness.js';
import type { Answer } from './load.js';
import { startCeiling, startLocalVpc, tempDir } from './servers.js';
import { DEFAULT_KEY, v3Signer, type RequestSpec } from './sign.js';
import type { LoadResult } from './wrk.js';

const TARGET_RATIO = 0.8;
const TARGET_P99_MS = 50;
const LIFECYCLE_CONCURRENCY = 16;

const createVpcFactory = (port: number): (() => RequestSpec) =>
  v3Signer({ action: 'CreateVpc', params: { RegionId: REGION, CidrBlock: '10.0.0.0/16' } }, `127.0.0.1:${port}`);

type Commit = 'one' | 'group';
const ceilings = new Map<string, Promise<{ result: LoadResult; notes: string[] }>>();
const COMMIT_NOTE: Record<Commit, string> = {
  one: 'ceiling: HMAC + one INSERT committed per request (WAL, synchronous=FULL)',
  group: 'ceiling: HMAC + one INSERT per request, one commit per turn of the event loop (WAL, synchronous=FULL)',
};

/** A durable ceiling under signed CreateVpc at `concurrency` (answering `answer`), once per run and kind. */
function sqliteCeiling(
  o: BenchOptions,
  answer: Answer,
  commit: Commit,
  concurrency: number,
): Promise<{ result: LoadResult; notes: string[] }> {
  const key = `${commit} ${concurrency}`;
  let c = ceilings.get(key);
  if (!c) {
    c = (async () => {
      const dir = tempDir('localvpc-bench-ceiling-');
      const ceil = await startCeiling(
        {
          secret: DEFAULT_KEY.secret,
          body: answer.body,
          contentType: String(answer.headers['content-type']),
          requestId: String(answer.headers['x-acs-request-id']),
          sqlitePath: join(dir, 'ceiling.db'),
          commit,
        },
        profileArgs(o, 'ceiling'),
      );
      try {
        const notes: string[] = [COMMIT_NOTE[commit]];
        const factory = createVpcFactory(ceil.port);
        await expect200(`${commit}-commit ceiling`, ceil.port, factory());
        return { result: await load(o, ceil, concurrency, { factory, rateHint: 10_000 }, notes, 'ceiling'), notes };
      } finally {
        await ceil.stop();
      }
    })();
    ceilings.set(key, c);
  }
  return c;
}

const durableVpc = (o: BenchOptions, profile: string[] = []) =>
  startLocalVpc({
    dataDir: tempDir('localvpc-bench-write-'),
    args: ['--durability', 'full', ...profile],
    nodeArgs: profileArgs(o, 'localvpc'),
  });

function createVpc(concurrency: number, commit: Commit): Scenario {
  return {
    id: `CreateVpc durable c=${concurrency}`,
    async run(o): Promise<Result> {
      const vpc = await durableVpc(o);
      const notes = ['V3; file database, durability full, profile fast (default)'];
      let answer: Answer, subject: LoadResult;
      try {
        const factory = createVpcFactory(vpc.port);
        answer = await expect200('CreateVpc', vpc.port, factory());
        subject = await load(o, vpc, concurrency, { factory, rateHint: 10_000 }, notes, 'LocalVPC');
        notes.push(rssNote(vpc, `CreateVpc durable c=${concurrency}`));
      } finally {
        await vpc.stop();
      }
      const ceiling = await sqliteCeiling(o, answer, commit, concurrency);
      return {
        rows: [
          {
            scenario: `CreateVpc, durable (vs ${commit === 'one' ? 'one commit per request' : 'group commit'})`,
            concurrency,
            subject,
            reference: ceiling.result,
            referenceName: `${commit}-commit ceiling`,
            target: TARGET_RATIO,
            notes: [...notes, ...ceiling.notes],
          },
        ],
        facts: [
          {
            name: `CreateVpc durable c=${concurrency}: p99`,
            value: ms(subject.p99),
            target: `< ${TARGET_P99_MS} ms`,
            met: subject.non2xx || subject.errors || subject.exhausted ? undefined : subject.p99 < TARGET_P99_MS,
          },
        ],
      };
    },
  };
}

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
  id: `Lifecycle durable c=${LIFECYCLE_CONCURRENCY}`,
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
          concurrency: LIFECYCLE_CONCURRENCY,
          seconds: o.seconds,
          warmupSeconds: o.warmupSeconds,
          serverCpuSeconds: () => vpc.cpuSeconds(),
          serverMainCpuSeconds: () => vpc.mainThreadCpuSeconds(),
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
        rssNote(vpc, 'router-interface lifecycle'),
      );
    } finally {
      await vpc.stop();
    }
    if (!answer) throw new Error('lifecycle: no CreateVpc answer');
    const ceiling = await sqliteCeiling(o, answer, 'group', LIFECYCLE_CONCURRENCY);
    return {
      rows: [
        {
          scenario: 'Router-interface lifecycle, durable (calls/s; Node flow driver)',
          concurrency: LIFECYCLE_CONCURRENCY,
          subject,
          reference: ceiling.result,
          referenceName: 'group-commit ceiling (CreateVpc)',
          notes: [
            ...notes,
            'driven from Node (each call needs ids from earlier answers): read its client cores',
            ...ceiling.notes,
            `the ceiling run is the CreateVpc c=${LIFECYCLE_CONCURRENCY} row's`,
          ],
        },
      ],
      facts: [],
    };
  },
};

export function writeScenarios(): Scenario[] {
  return [createVpc(1, 'one'), createVpc(16, 'group'), lifecycle];
}
