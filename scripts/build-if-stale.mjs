// `npm start` runs this first: it builds only when the bundle is missing or older than a source
// (src/, the bundle script, package.json, tsconfig.json), so a start on a current build takes
// the server's cold start and nothing more. A fresh clone builds once.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const outputs = ['dist/localvpc.mjs', 'dist/cli.mjs', 'dist/index.mjs', 'dist/api.mjs'].map((f) => join(root, f));
const inputs = ['src', 'scripts/bundle.mjs', 'package.json', 'tsconfig.json'].map((f) => join(root, f));

function newest(path) {
  const s = statSync(path);
  if (!s.isDirectory()) return s.mtimeMs;
  let n = s.mtimeMs;
  for (const entry of readdirSync(path)) n = Math.max(n, newest(join(path, entry)));
  return n;
}

const built = outputs.every(existsSync) ? Math.min(...outputs.map((f) => statSync(f).mtimeMs)) : -Infinity;
const changed = Math.max(...inputs.filter(existsSync).map(newest));
if (changed > built) {
  process.stderr.write(
    built === -Infinity ? 'localvpc: building (first start)...\n' : 'localvpc: sources changed since the last build; building...\n',
  );
  const r = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  process.exit(r.status ?? 1);
}
