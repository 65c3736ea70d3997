// Bundles the package's entry points into dist/, one ESM file each (loading one file instead of
// ~70 modules shortens the cold start); runtime dependencies stay external (installed packages):
//   dist/localvpc.mjs  the `localvpc` command: checks the Node.js version, then loads dist/cli.mjs
//   dist/cli.mjs       the CLI and the server
//   dist/index.mjs     the package's main entry: checks the Node.js version, then loads dist/api.mjs
//   dist/api.mjs       the programmatic API (`import { startLocalVpc } from 'localvpc'`); its types
//                      are emitted by `npm run build:types` into dist/types/.
//   dist/console/      the web console's page, script and styles
import { build } from 'esbuild';
import { copyFileSync, readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const path = (p) => new URL(`../${p}`, import.meta.url).pathname;

const common = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  external: Object.keys(pkg.dependencies),
  logLevel: 'warning',
};

await Promise.all([
  build({ ...common, entryPoints: [path('src/cli/launch.ts')], outfile: path('dist/localvpc.mjs'), external: ['./cli.mjs'] }),
  build({ ...common, entryPoints: [path('src/cli/main.ts')], outfile: path('dist/cli.mjs') }),
  build({ ...common, entryPoints: [path('src/lib/entry.ts')], outfile: path('dist/index.mjs'), external: ['./api.mjs'] }),
  build({ ...common, entryPoints: [path('src/lib/index.ts')], outfile: path('dist/api.mjs') }),
]);

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
