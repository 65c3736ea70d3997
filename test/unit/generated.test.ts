// The generated fact modules are exactly what the generator makes of the vendored spec/ files, so
// nobody edits them by hand and nobody forgets to regenerate after vendoring new metadata.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

interface Generator {
  render(file: string, exportName: string, product: undefined, newer?: string): string;
  OUTPUTS: { file: string; newer?: string; exportName: string; target: string }[];
}

void test('src/spec/*.generated.ts match what scripts/gen-facts.mjs makes of spec/', async () => {
  const gen = (await import(pathToFileURL(join(root, 'scripts', 'gen-facts.mjs')).href)) as Generator;
  assert.ok(gen.OUTPUTS.length >= 2);
  for (const o of gen.OUTPUTS) {
    const committed = readFileSync(join(root, o.target), 'utf8');
    assert.ok(committed === gen.render(o.file, o.exportName, undefined, o.newer), `${o.target} is stale: run npm run gen:facts`);
  }
});
