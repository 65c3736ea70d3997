// Every error code the actions raise resolves to a status and message in the catalog (the spec's
// own entry or the gateway list), so no handler can fail with "code in no catalog".
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { actionError } from '../../src/errors/catalog.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'src');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
}

test('every ctx.error code used in src/ is in a catalog', () => {
  const codes = new Set<string>();
  for (const f of files(root)) {
    for (const m of readFileSync(f, 'utf8').matchAll(/(?:ctx\.error|error)\(\s*[`'"]([A-Za-z0-9_.]+)[`'"]/g)) codes.add(m[1] as string);
  }
  assert.ok(codes.size > 40, `found only ${codes.size} codes`);
  for (const code of codes) {
    assert.doesNotThrow(() => actionError(undefined, code), `${code} is in no catalog`);
  }
});
