// The package as a user gets it: `npm pack` (its prepack builds the bundles and the type
// declarations), the tarball installed into an empty folder, then from there: `npx localvpc
// --help`, `npx localvpc exec -- node check.js` (the check script calls the official SDK with the
// environment exec gives it; exit codes 0 and non-zero pass through), `npx localvpc serve`, the
// programmatic API, and its type declarations checked by tsc.
// better-sqlite3 installs from a prebuilt binary where one can be downloaded (from GitHub) and
// otherwise compiles for minutes; on machines without that download, the install here skips
// install scripts and copies the native module this repository already built (the same
// better-sqlite3 version, checked). LOCALVPC_PACK_FULL_INSTALL=1 runs the plain `npm install`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile, spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

/** The environment of a user's shell: no npm lifecycle variables of the `npm test` running this, no LOCALVPC_*. */
function userEnv(): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(npm_|LOCALVPC_|INIT_CWD$)/i.test(k)));
  env.PATH = `${dirname(process.execPath)}${delimiter}${env.PATH ?? ''}`;
  return env;
}

function run(cmd: string, args: string[], cwd: string, timeout = 300_000): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(cmd, args, { cwd, env: userEnv(), timeout, maxBuffer: 64 * 1024 * 1024 }, (err, stdout, stderr) =>
      resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

const CHECK = `
// Calls the official SDK with what \`localvpc exec\` put in the environment; exits with the code given.
import { createRequire } from 'node:module';
const require = createRequire(${JSON.stringify(join(REPO, 'package.json'))});
const Vpc = require('@alicloud/vpc20160428');
const OpenApi = require('@alicloud/openapi-core');
const e = process.env;
const client = new Vpc.default(new OpenApi.$OpenApiUtil.Config({
  accessKeyId: e.ALIBABA_CLOUD_ACCESS_KEY_ID, accessKeySecret: e.ALIBABA_CLOUD_ACCESS_KEY_SECRET,
  endpoint: new URL(e.LOCALVPC_ENDPOINT).host, protocol: 'http',
}));
const r = await client.describeRegions(new Vpc.DescribeRegionsRequest({}));
console.log('regions', r.body.regions.region.length);
process.exit(Number(process.argv[2] ?? 0));
`;

const API = `
import * as api from 'localvpc';
import { startLocalVpc } from 'localvpc';
for (const name of ['startLocalVpc', 'AdminClient', 'AdminApiError', 'clientEnv', 'terraformBlock'])
  if (typeof api[name] !== 'function') throw new Error(name + ' is not exported');
const lv = await startLocalVpc({ transitionProfile: 'instant' });
const me = await lv.freshAccount();
const accounts = await lv.admin.accounts.list();
console.log('api', lv.hostPort, accounts.some((a) => a.aliUid === me.aliUid));
await lv.stop();
`;

const TYPES = `
import { startLocalVpc, AdminApiError, type LocalVpc, type FaultRule } from 'localvpc';
const lv: LocalVpc = await startLocalVpc({ transitionProfile: 'manual', defaultAccount: { site: 'international' } });
const port: number = lv.port;
const rules: FaultRule[] = await lv.admin.faults.list();
// @ts-expect-error: not a profile
await startLocalVpc({ transitionProfile: 'slow' });
// @ts-expect-error: not an option
await startLocalVpc({ prot: 8080 });
export const used = [port, rules, AdminApiError];
`;

test(
  'npm pack, installed into an empty folder: npx localvpc --help, exec (exit codes pass through), serve, the API and its types',
  { timeout: 900_000 },
  async () => {
    const dir = mkdtempSync(join(tmpdir(), 'localvpc-pack-'));
    try {
      const packed = await run('npm', ['pack', '--pack-destination', dir, '--json'], REPO, 600_000);
      assert.equal(packed.code, 0, packed.stderr);
      const info = JSON.parse(packed.stdout.slice(packed.stdout.indexOf('['))) as { filename: string; files: { path: string }[] }[];
      const files = info[0]?.files.map((f) => f.path) ?? [];
      for (const f of [
        'package.json',
        'README.md',
        'dist/localvpc.mjs',
        'dist/cli.mjs',
        'dist/index.mjs',
        'dist/api.mjs',
        'dist/types/lib/index.d.ts',
      ])
        assert.ok(files.includes(f), `${f} is in the tarball: ${files.join(', ')}`);
      assert.ok(!files.some((f) => f.startsWith('src/') || f.startsWith('dist/test/') || f.startsWith('test/')), 'no sources or tests');

      const project = join(dir, 'project');
      cpSync(join(dir, info[0]?.filename ?? ''), join(project, 'localvpc.tgz'));
      writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'uses-localvpc', private: true, type: 'module' }));
      const full = process.env.LOCALVPC_PACK_FULL_INSTALL === '1';
      const installed = await run(
        'npm',
        ['install', '--prefer-offline', '--no-audit', '--no-fund', ...(full ? [] : ['--ignore-scripts']), './localvpc.tgz'],
        project,
        full ? 900_000 : 300_000,
      );
      assert.equal(installed.code, 0, installed.stderr);
      if (!full) {
        const version = (p: string) => (JSON.parse(readFileSync(join(p, 'package.json'), 'utf8')) as { version: string }).version;
        const mine = join(REPO, 'node_modules', 'better-sqlite3');
        const theirs = join(project, 'node_modules', 'better-sqlite3');
        assert.equal(version(theirs), version(mine), 'the same better-sqlite3 as this repository');
        cpSync(join(mine, 'build', 'Release', 'better_sqlite3.node'), join(theirs, 'build', 'Release', 'better_sqlite3.node'));
      }

      const help = await run('npx', ['--no', '--', 'localvpc', '--help'], project);
      assert.equal(help.code, 0, help.stderr);
      assert.match(help.stdout, /^Usage: localvpc <command>/);
      assert.match(help.stdout, /^ {2}exec /m);

      writeFileSync(join(project, 'check.js'), CHECK);
      const ok = await run('npx', ['--no', '--', 'localvpc', 'exec', '--', 'node', 'check.js'], project);
      assert.equal(ok.code, 0, ok.stderr);
      assert.match(ok.stdout, /^regions \d+$/m);
      const failing = await run('npx', ['--no', '--', 'localvpc', 'exec', '--', 'node', 'check.js', '3'], project);
      assert.equal(failing.code, 3, failing.stderr);
      assert.match(failing.stdout, /^regions \d+$/m, 'the SDK call succeeded before the script chose to fail');

      // serve, from the installed package
      // in a process group of its own, so that stopping it stops npx and the server it runs
      const serve = spawn('npx', ['--no', '--', 'localvpc', 'serve', '--port', '0', '--in-memory'], {
        cwd: project,
        env: userEnv(),
        detached: true,
      });
      let banner = '';
      serve.stdout.on('data', (c: Buffer) => (banner += c.toString()));
      const exited = new Promise<void>((resolve) => serve.once('exit', () => resolve()));
      const url = await new Promise<string>((resolve, reject) => {
        const timer = setInterval(() => {
          const m = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(banner);
          if (m) {
            clearInterval(timer);
            resolve(m[1] as string);
          }
        }, 50);
        void exited.then(() => {
          clearInterval(timer);
          reject(new Error(`serve exited: ${banner}`));
        });
      });
      const health = (await (await fetch(`${url}/_localvpc/health`)).json()) as { ready: boolean };
      assert.equal(health.ready, true);
      process.kill(-(serve.pid as number), 'SIGTERM');
      await exited;

      writeFileSync(join(project, 'api.mjs'), API);
      const api = await run(process.execPath, ['api.mjs'], project);
      assert.equal(api.code, 0, api.stderr);
      assert.match(api.stdout, /^api 127\.0\.0\.1:\d+ true$/m);

      writeFileSync(join(project, 'types.mts'), TYPES);
      const tsc = await run(
        process.execPath,
        [
          join(REPO, 'node_modules', 'typescript', 'bin', 'tsc'),
          '--noEmit',
          '--strict',
          '--module',
          'nodenext',
          '--moduleResolution',
          'nodenext',
          '--target',
          'es2022',
          'types.mts',
        ],
        project,
      );
      assert.equal(tsc.code, 0, `${tsc.stdout}${tsc.stderr}`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
);
