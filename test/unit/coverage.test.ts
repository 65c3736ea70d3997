// docs/coverage.md matches the registry, the spec facts and scripts/coverage-data.ts (run
// `npm run gen:coverage` after implementing an action or changing the Terraform table).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { COVERAGE, renderCoverage } from '../../scripts/gen-coverage.js';

test('docs/coverage.md is what scripts/gen-coverage.ts renders', () => {
  const current = readFileSync(COVERAGE, 'utf8');
  assert.equal(renderCoverage(), current, 'docs/coverage.md is stale: run npm run gen:coverage');
});
