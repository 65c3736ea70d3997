// The README's generated parts match the code (run `npm run gen:docs` after changing either).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { README, renderReadme } from '../../scripts/gen-docs.js';

test('README.md lists exactly the registered actions and configuration keys', () => {
  const readme = readFileSync(README, 'utf8');
  assert.equal(renderReadme(readme), readme, 'README.md is stale: run npm run gen:docs');
});
