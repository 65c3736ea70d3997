// Starting again on a data directory that has been used: a seeded id generator does not draw the
// ids it already stored; one server per directory (a lock), the admin token kept; damaged database
// files refused at start instead of served.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, truncateSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../helpers/server.js';
import { popJson } from '../helpers/clients.js';
import { failedStart, spawnServer } from '../helpers/child.js';

const tempDir = (): string => mkdtempSync(join(tmpdir(), 'localvpc-restart-'));

async function createVpcs(port: number, n: number): Promise<string[]> {
  const pop = popJson(port);
  const ids: string[] = [];
  for (let i = 0; i < n; i++)
    ids.push((await pop.request<{ VpcId: string }>('CreateVpc', { RegionId: 'cn-hangzhou', CidrBlock: '10.0.0.0/16' })).VpcId);
  return ids;
}

test('--id-seed: the same ids on a fresh store; new ones, and no collision, after a restart', async () => {
  const [a, b] = [tempDir(), tempDir()];
  try {
    let srv = await startServer({ idSeed: 42 }, a);
    const first = await createVpcs(srv.port, 3);
    await srv.close();
    srv = await startServer({ idSeed: 42 }, b);
    assert.deepEqual(await createVpcs(srv.port, 3), first, 'a fresh store with the same seed draws the same ids');
    await srv.close();
    srv = await startServer({ idSeed: 42 }, a);
    try {
      const again = await createVpcs(srv.port, 3);
      assert.equal(again.filter((id) => first.includes(id)).length, 0);
    } finally {
      await srv.close();
    }
  } finally {
    for (const d of [a, b]) rmSync(d, { recursive: true, force: true });
  }
});

describe('one server per data directory', () => {
  test('a second server on the same directory is refused, naming the running one; the admin token is left alone', async () => {
    const dir = tempDir();
    const first = await spawnServer(dir);
    try {
      const tokenBefore = existsSync(join(dir, 'admin-token')) ? readFileSync(join(dir, 'admin-token'), 'utf8') : undefined;
      const second = await failedStart(dir);
      assert.equal(second.code, 1);
      assert.match(second.stderr, new RegExp(`in use by another LocalVPC \\(pid ${first.pid}, http://127\\.0\\.0\\.1:${first.port}`));
      assert.doesNotMatch(second.stderr, /\n\s+at /, 'no stack trace');
      const tokenAfter = existsSync(join(dir, 'admin-token')) ? readFileSync(join(dir, 'admin-token'), 'utf8') : undefined;
      assert.equal(tokenAfter, tokenBefore);
      const inProcess = await startServer({}, dir).then(
        (s) => s.close().then(() => 'started'),
        (e: Error) => e.message,
      );
      assert.match(inProcess, /in use by another LocalVPC/);
    } finally {
      await first.kill('SIGKILL');
    }
    // The lock of a killed server is taken over.
    const next = await spawnServer(dir);
    await next.kill('SIGTERM');
    assert.equal(existsSync(join(dir, 'localvpc.lock')), false, 'the lock is removed at exit');
    rmSync(dir, { recursive: true, force: true });
  });

  test('the admin token is written once listening, and the next start reuses it', async () => {
    const dir = tempDir();
    try {
      let srv = await startServer({ adminToken: undefined }, dir);
      const token = srv.app.adminToken;
      assert.equal(readFileSync(join(dir, 'admin-token'), 'utf8').trim(), token);
      const port = srv.port;
      // A start that cannot listen (the port is taken) writes no token and leaves no lock.
      const other = tempDir();
      const refused = await startServer({ adminToken: undefined, port }, other).then(
        () => 'started',
        (e: Error) => e.message,
      );
      assert.match(
        refused,
        new RegExp(`port ${port} is in use \\(another LocalVPC\\? see http://127\\.0\\.0\\.1:${port}/_localvpc/health\\); use --port N`),
      );
      assert.equal(existsSync(join(other, 'admin-token')), false);
      assert.equal(existsSync(join(other, 'localvpc.lock')), false);
      rmSync(other, { recursive: true, force: true });
      await srv.close();
      srv = await startServer({ adminToken: undefined }, dir);
      assert.equal(srv.app.adminToken, token, 'the token of the last start');
      await srv.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('damaged database files', () => {
  async function storeWithData(dir: string): Promise<void> {
    const srv = await startServer({}, dir);
    await createVpcs(srv.port, 40);
    await srv.close();
  }

  test('a database truncated to nothing is refused (not served empty); --accept-data-loss starts empty', async () => {
    const dir = tempDir();
    try {
      await storeWithData(dir);
      truncateSync(join(dir, 'localvpc.db'), 0);
      const refused = await startServer({}, dir).then(
        () => 'started',
        (e: Error) => e.message,
      );
      assert.match(refused, /localvpc\.db is empty, but it held \d+ commits .* --accept-data-loss/);
      const srv = await startServer({ acceptDataLoss: true }, dir);
      try {
        assert.equal((await createVpcs(srv.port, 1)).length, 1);
      } finally {
        await srv.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('a database truncated to half is refused with the file named and what to do', async () => {
    const dir = tempDir();
    try {
      await storeWithData(dir);
      const file = join(dir, 'localvpc.db');
      truncateSync(file, Math.floor(statSync(file).size / 2));
      const r = await failedStart(dir);
      assert.equal(r.code, 1);
      assert.match(r.stderr, /localvpc\.db is damaged: .*Restore it from a backup or a snapshot export, or move it away/);
      assert.doesNotMatch(r.stderr, /\n\s+at /);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('a write-ahead log lost after a crash is refused (the acknowledged writes in it are gone); --accept-data-loss goes on', async () => {
    const dir = tempDir();
    try {
      const child = await spawnServer(dir);
      await createVpcs(child.port, 5);
      // the state file follows commits within a fraction of a second
      await new Promise((r) => setTimeout(r, 600));
      await child.kill('SIGKILL');
      assert.ok(existsSync(join(dir, 'localvpc.db-wal')), 'the crash left its log');
      rmSync(join(dir, 'localvpc.db-wal'));
      const r = await failedStart(dir);
      assert.equal(r.code, 1);
      assert.match(r.stderr, /write-ahead log .*localvpc\.db-wal\) is missing or was replaced, and the last \d+ commits are lost/);
      const srv = await startServer({ acceptDataLoss: true }, dir);
      try {
        assert.ok(
          srv.app.warnings.some((w) => /acknowledged commits were lost \(accepted\)/.test(w)),
          JSON.stringify(srv.app.warnings),
        );
      } finally {
        await srv.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
