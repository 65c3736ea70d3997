// Bundles the CLI and server into one ESM file, dist/localvpc.mjs: loading one file instead of
// ~70 modules shortens the cold start. Runtime dependencies stay external (installed packages).
import { build } from 'esbuild';
import { copyFileSync, readFileSync } from 'node:fs';

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

// The web console (src/console/, preact): one script, its page and styles in dist/console/, read
// by the server on the console's first request only. No source maps, nothing fetched at run time.
const consoleOut = new URL('../dist/console/', import.meta.url).pathname;
await build({
  entryPoints: [new URL('../src/console/main.tsx', import.meta.url).pathname],
  outfile: `${consoleOut}app.js`,
  bundle: true,
  platform: 'browser',
  format: 'esm',
  target: 'es2022',
  jsx: 'automatic',
  jsxImportSource: 'preact',
  minify: true,
  legalComments: 'none',
  logLevel: 'warning',
});
for (const f of ['index.html', 'style.css']) copyFileSync(new URL(`../src/console/${f}`, import.meta.url), `${consoleOut}${f}`);
