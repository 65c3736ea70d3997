// Bundles the package's entry points into dist/, one ESM file each (loading one file instead of
// ~70 modules shortens the cold start); runtime dependencies stay external (installed packages):
//   dist/localvpc.mjs  the `localvpc` command: checks the Node.js version, then loads dist/cli.mjs
//   dist/cli.mjs       the CLI and the server
//   dist/index.mjs     the package's main entry: checks the Node.js version, then loads dist/api.mjs
//   dist/api.mjs       the programmatic API (`import { startLocalVpc } from 'localvpc'`); its types
//                      are emitted by `npm run build:types` into dist/types/.
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';

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
