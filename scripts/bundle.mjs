// Bundles the CLI and server into one ESM file, dist/localvpc.mjs: loading one file instead of
// ~70 modules shortens the cold start. Runtime dependencies stay external (installed packages).
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

await build({
  entryPoints: [new URL('../src/cli/main.ts', import.meta.url).pathname],
  outfile: new URL('../dist/localvpc.mjs', import.meta.url).pathname,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  external: Object.keys(pkg.dependencies),
  logLevel: 'warning',
});
