// The scenario registry, in the order a full run measures them. A scenario has an id (what `--only`
// matches, `--list` prints) and a run() that starts the servers it needs (one at a time: the
// machine may have only 2 cores), measures, stops them, and returns one table row, or rows, facts
// for the section under the tables, and further tables.
// scenarios-regions.ts: signed DescribeRegions V1/V3 after 1M requests, and the cost of logging;
// scenarios-ri.ts: DescribeRouterInterfaces by RouterId against a list-rendering ceiling, and the
// store-size scaling table (1k to 1M); scenarios-write.ts: durable CreateVpc against the one-commit
// and group-commit ceilings, the router-interface lifecycle; scenarios-azurite.ts: the Azurite peer
// rows; scenarios-start.ts: cold start and idle RSS; scenarios-snapshot.ts: export and import of
// the 1M store; scenarios-sdk.ts: through the official SDK; scenarios-nonce.ts: the nonce cache;
// scenarios-postgres.ts: durable CreateVpc on PostgreSQL, one node and two, against a one-commit ceiling.
import type { Scenario } from './harness.js';
import { regionsScenarios } from './scenarios-regions.js';
import { riScenarios } from './scenarios-ri.js';
import { writeScenarios } from './scenarios-write.js';
import { azuriteScenarios } from './scenarios-azurite.js';
import { startScenarios } from './scenarios-start.js';
import { snapshotScenarios } from './scenarios-snapshot.js';
import { sdkScenarios } from './scenarios-sdk.js';
import { nonceScenario } from './scenarios-nonce.js';
import { postgresScenarios } from './scenarios-postgres.js';

export type { BenchOptions, Fact, Result, Row, Scenario } from './harness.js';

export const SCENARIOS: Scenario[] = [
  ...regionsScenarios(),
  ...riScenarios(),
  ...writeScenarios(),
  ...postgresScenarios(),
  ...azuriteScenarios(),
  ...startScenarios(),
  ...snapshotScenarios(),
  ...sdkScenarios(),
  nonceScenario,
];

/** Does this scenario need wrk? (Those through the SDK, the nonce cache and start-up do not.) */
export const needsWrk = (s: Scenario): boolean => !/^(SDK |Nonce |Cold start|RSS idle|Snapshot )/.test(s.id);
