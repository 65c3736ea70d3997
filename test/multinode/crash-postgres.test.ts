// The crash suite on PostgreSQL: two nodes on one database under write load through the official
// SDK, both SIGKILLed at random moments, restarted, CRASH_CYCLES times (3 in `npm test`, 20 in
// `npm run test:crash`). After each restart every acknowledged write is there, nothing is half
// applied, pending transitions complete, the invariants hold.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { crashCycles } from '../reliability/crash.js';
import { closePostgres, freshDatabase } from '../helpers/postgres.js';

const cycles = Number(process.env.CRASH_CYCLES ?? 3);

after(() => closePostgres());

test(`PostgreSQL, 2 nodes SIGKILLed under write load, ${cycles} cycles: nothing acknowledged is lost, invariants hold`, async () => {
  const report = await crashCycles(cycles, 11, { store: await freshDatabase(), nodes: 2 });
  console.log(`crash (postgres, 2 nodes): ${JSON.stringify(report)}`);
  assert.ok(report.acknowledgedInterfaces > 0, 'the load acknowledged some interfaces');
  assert.ok(report.checkedAfterRestart > 0 || cycles < 2, 'some were checked after a restart');
});
