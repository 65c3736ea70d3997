// Starting again on a data directory that has been used: a seeded id generator does not draw the
// ids it already stored.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../helpers/server.js';
import { popJson } from '../helpers/clients.js';

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
