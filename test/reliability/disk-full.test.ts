// A full disk (a small tmpfs, filled up): writes answer 503 ServiceUnavailable naming the cause,
// health says not ready and why, the server does not spin retrying the failed commit, a transition
// that fell due meanwhile completes by itself once space returns, and nothing acknowledged is
// lost. Starting on a full disk says so, without a stack trace. Needs root (to mount the tmpfs):
// skipped otherwise.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { closeSync, mkdirSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../helpers/server.js';
import { failedStart } from '../helpers/child.js';
import { v1 } from '../helpers/raw.js';
import { admin } from '../helpers/admin.js';

function mountTmpfs(sizeKb: number): string | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const dir = mkdtempSync(join(tmpdir(), 'localvpc-full-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${sizeKb}k`, 'tmpfs', dir], { stdio: 'ignore' });
    return dir;
  } catch {
    rmSync(dir, { recursive: true, force: true });
    return undefined;
  }
}

function unmount(dir: string): void {
  execFileSync('umount', [dir], { stdio: 'ignore' });
  rmSync(dir, { recursive: true, force: true });
}

/** Writes a file until the disk has no room left; returns its path. */
function fill(dir: string): string {
  const file = join(dir, 'filler');
  const fd = openSync(file, 'w');
  const chunk = Buffer.alloc(4096, 1);
  try {
    for (;;) writeSync(fd, chunk);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOSPC') throw e;
  } finally {
    closeSync(fd);
  }
  return file;
}

const createVpc = (port: number) => v1(port, { Action: 'CreateVpc', RegionId: 'cn-hangzhou', CidrBlock: '10.0.0.0/16' });

test('a disk that fills up while serving, then frees', async (t) => {
  const mount = mountTmpfs(6 * 1024);
  if (!mount) return t.skip('needs root to mount a tmpfs');
  try {
    const data = join(mount, 'data');
    mkdirSync(data);
    const srv = await startServer({ transitionProfile: 'fast', transitionDelayMs: 400 }, data);
    let commits = 0;
    srv.app.store.onCommit(() => commits++);
    try {
      const acknowledged = (await createVpc(srv.port)).json().VpcId as string;
      const filler = fill(mount);
      let full: ReturnType<typeof createVpc> extends Promise<infer R> ? R : never;
      let attempts = 0;
      for (;;) {
        full = await createVpc(srv.port);
        attempts++;
        if (full.status !== 200 || attempts > 2000) break;
      }
      assert.equal(full.status, 503, full.text);
      assert.equal(full.json().Code, 'ServiceUnavailable');
      assert.match(full.json().Message as string, /disk holding the LocalVPC database is full/);
      const health = await admin(srv, 'GET', '/_localvpc/health');
      assert.equal(health.status, 503);
      assert.equal(health.body.ready, false);
      assert.match(health.body.reason, /disk .* is full/);

      // Quiet for a while: the failed commit is retried with a growing delay, not in a loop.
      const before = commits;
      await new Promise((r) => setTimeout(r, 1500));
      assert.ok(commits - before <= 12, `${commits - before} commit attempts in 1.5 s with no request`);

      rmSync(filler);
      // The transition of the first VPC fell due while the disk was full: it completes by itself.
      for (let i = 0; ; i++) {
        const pending = (await admin(srv, 'GET', '/_localvpc/transitions')).body.pending as { id: string }[];
        if (!pending.some((p) => p.id === acknowledged)) break;
        assert.ok(i < 400, 'the due transition was forgotten');
        await new Promise((r) => setTimeout(r, 50));
      }
      assert.equal((await createVpc(srv.port)).status, 200);
      assert.equal((await admin(srv, 'GET', '/_localvpc/health')).body.ready, true);
      const listed = await v1(srv.port, { Action: 'DescribeVpcs', RegionId: 'cn-hangzhou', VpcId: acknowledged });
      assert.equal((listed.json().Vpcs as { Vpc: { Status: string }[] }).Vpc[0]?.Status, 'Available');
    } finally {
      await srv.close();
    }
  } finally {
    unmount(mount);
  }
});

test('starting on a full disk says so, without a stack trace', async (t) => {
  const mount = mountTmpfs(1024);
  if (!mount) return t.skip('needs root to mount a tmpfs');
  try {
    fill(mount);
    const r = await failedStart(join(mount, 'data'));
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stderr, /(disk .* is full|no space left on device)/i);
    assert.doesNotMatch(r.stderr, /\n\s+at /);
  } finally {
    unmount(mount);
  }
});
