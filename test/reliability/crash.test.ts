// The crash suite, short in `npm test` (CRASH_CYCLES, default 3); `npm run test:crash` runs 20.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { crashCycles } from './crash.js';

const cycles = Number(process.env.CRASH_CYCLES ?? 3);

test(`SIGKILL under write load, ${cycles} cycles: nothing acknowledged is lost, invariants hold`, async () => {
  const report = await crashCycles(cycles);
  console.log(`crash: ${JSON.stringify(report)}`);
  assert.ok(report.acknowledgedInterfaces > 0, 'the load acknowledged some interfaces');
  assert.ok(report.checkedAfterRestart > 0 || cycles < 2, 'some were checked after a restart');
});
