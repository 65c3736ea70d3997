// Which Node.js versions the `localvpc` command accepts (those of better-sqlite3 12's engines, as
// package.json says too), and the one line it prints on another; a native module built for another
// Node.js is told apart from any other failure.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { nativeLoadProblem, nodeSupportProblem, SUPPORTED_NODE_MAJORS } from '../../src/cli/node-support.js';

const REPO = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const engines = (dir: string): string =>
  (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { engines: { node: string } }).engines.node;

test("the supported versions are better-sqlite3's, and package.json's engines say the same", () => {
  const ours = engines(REPO);
  assert.equal(ours, engines(join(REPO, 'node_modules', 'better-sqlite3')));
  assert.deepEqual(
    ours.split('||').map((v) => Number(v.trim().replace('.x', ''))),
    SUPPORTED_NODE_MAJORS,
  );
});

test('an unsupported version gets one line saying what to do; supported and newer ones pass', () => {
  for (const v of ['v18.19.0', '21.7.3', '16.0.0']) {
    const m = nodeSupportProblem(v);
    assert.ok(m && !m.includes('\n'), v);
    assert.match(m, /^LocalVPC needs Node\.js 20, 22, 23, 24, 25, 26 .*this is Node\.js \d+\.\d+\.\d+\. Install Node\.js 22/);
  }
  for (const v of ['v20.0.0', '22.11.0', '24.1.0', '27.0.0', process.versions.node]) assert.equal(nodeSupportProblem(v), undefined, v);
});

test('a native module of another Node.js is reported as such; other errors are not', () => {
  const dlopen = Object.assign(new Error('The module was compiled against a different Node.js version using\nNODE_MODULE_VERSION 115.'), {
    code: 'ERR_DLOPEN_FAILED',
  });
  assert.match(nativeLoadProblem(dlopen) ?? '', /^better-sqlite3's native module does not load .*npm rebuild better-sqlite3/);
  assert.equal(nativeLoadProblem(new Error('boom')), undefined);
});
