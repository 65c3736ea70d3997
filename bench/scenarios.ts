// The scenario registry. A scenario has an id (what `--only` matches) and a run() that starts the
// servers it needs (one at a time: the machine may have only 2 cores), measures, stops them, and
// returns one table row. `vsCeiling` builds the common kind: the same signed request against
// LocalVPC, then against the bare HMAC ceiling answering LocalVPC's own answer.
// To add a scenario, append to SCENARIOS (a `vsCeiling(...)` or any object with id and run; run
// returns one row, or several rows and facts for the section under the table). Other scenarios:
// scenarios-ri.ts (DescribeRouterInterfaces by store size), scenarios-write.ts (durable writes,
// lifecycle), scenarios-start.ts (cold start, RSS), scenarios-sdk.ts (through the official SDK),
// scenarios-nonce.ts (the nonce cache over 1M requests).
import type { Answer, LoadResult } from './load.js';
import { startCeiling, startLocalVpc } from './servers.js';
import { DEFAULT_KEY, v1Signer, v3Signer, type RequestSpec } from './sign.js';
import { expect200, load, profileArgs, type Scenario } from './harness.js';
import { riScenarios } from './scenarios-ri.js';
import { writeScenarios } from './scenarios-write.js';
import { startScenarios } from './scenarios-start.js';
import { sdkScenarios } from './scenarios-sdk.js';
import { nonceScenario } from './scenarios-nonce.js';

export type { BenchOptions, Fact, Result, Row, Scenario } from './harness.js';

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
      const ceil = await startCeiling(
        {
          secret: DEFAULT_KEY.secret,
          body: answer.body,
          contentType: String(answer.headers['content-type']),
          requestId: String(answer.headers['x-acs-request-id']),
        },
        profileArgs(o, 'ceiling'),
      );
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
  ...[1, 32].map((concurrency) =>
    vsCeiling({ name: 'DescribeRegions V3', concurrency, factory: (port) => v3Signer(regions, `127.0.0.1:${port}`) }),
  ),
  ...riScenarios(),
  ...writeScenarios(),
  ...startScenarios(),
  ...sdkScenarios(),
  nonceScenario,
];
