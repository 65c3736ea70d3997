// Replays across a restart: a signed request's nonce is kept in the store, so the very same request
// sent again after the server stopped (cleanly, or killed with SIGKILL right after the answer) is
// SignatureNonceUsed, and the write it carried happens once.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { startServer } from '../helpers/server.js';
import { spawnServer } from '../helpers/child.js';
import { isoNow, v1 } from '../helpers/raw.js';

function fixedRequest(port: number, params: Record<string, string>, common: Record<string, string>) {
  return v1(port, params, { common });
}

async function vpcCount(port: number): Promise<number> {
  const r = await v1(port, { Action: 'DescribeVpcs', RegionId: 'cn-hangzhou' });
  return r.json().TotalCount as number;
}

test('after a clean restart, a replayed write and a replayed read are both SignatureNonceUsed', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'localvpc-replay-'));
  try {
    const write = { SignatureNonce: randomUUID(), Timestamp: isoNow() };
    const read = { SignatureNonce: randomUUID(), Timestamp: isoNow() };
    const create = { Action: 'CreateVpc', RegionId: 'cn-hangzhou', CidrBlock: '10.0.0.0/16' };
    let srv = await startServer({}, dir);
    assert.equal((await fixedRequest(srv.port, create, write)).status, 200);
    assert.equal((await fixedRequest(srv.port, { Action: 'DescribeRegions' }, read)).status, 200);
    await srv.close();

    srv = await startServer({}, dir);
    try {
      for (const [params, common] of [
        [create, write],
        [{ Action: 'DescribeRegions' }, read],
      ] as const) {
        const again = await fixedRequest(srv.port, params, common);
        assert.equal(again.status, 400, again.text);
        assert.equal(again.json().Code, 'SignatureNonceUsed');
      }
      assert.equal(await vpcCount(srv.port), 1);
    } finally {
      await srv.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('after SIGKILL right after the answer, a replayed write is SignatureNonceUsed and created one VPC', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'localvpc-replay-kill-'));
  try {
    const write = { SignatureNonce: randomUUID(), Timestamp: isoNow() };
    const create = { Action: 'CreateVpc', RegionId: 'cn-hangzhou', CidrBlock: '10.0.0.0/16' };
    let child = await spawnServer(dir);
    assert.equal((await fixedRequest(child.port, create, write)).status, 200);
    await child.kill('SIGKILL');
    child = await spawnServer(dir);
    try {
      const again = await fixedRequest(child.port, create, write);
      assert.equal(again.json().Code, 'SignatureNonceUsed', again.text);
      assert.equal(await vpcCount(child.port), 1);
    } finally {
      await child.kill('SIGTERM');
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
