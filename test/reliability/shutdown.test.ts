// Ctrl-C while writes are in flight: SIGINT and SIGTERM stop accepting, let the requests in flight
// finish (their clients get their answers, not ECONNRESET), close keep-alive sockets, flush, and
// exit 0; every answered write is there after a restart.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Agent } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnServer, TEST_TOKEN } from '../helpers/child.js';
import { v1 } from '../helpers/raw.js';

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  test(`${signal} with 16 writes in flight: all answered, exit 0, all kept`, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'localvpc-shutdown-'));
    try {
      const child = await spawnServer(dir);
      // Each CreateVpc waits 1.5 s before it runs; the signal comes once the server has journaled
      // the fault for all 16, so all 16 are in flight then, however busy the machine is.
      const rule = await fetch(`${child.url}/_localvpc/faults`, {
        method: 'POST',
        headers: { authorization: `Bearer ${TEST_TOKEN}`, 'content-type': 'application/json' },
        body: JSON.stringify({ action: 'CreateVpc', effect: { latencyMs: 1500 } }),
      });
      assert.equal(rule.status, 201);
      const agent = new Agent({ keepAlive: true, maxSockets: 32 });
      const calls = Array.from({ length: 16 }, () =>
        v1(child.port, { Action: 'CreateVpc', RegionId: 'cn-hangzhou', CidrBlock: '10.0.0.0/16' }, { agent }).then(
          (r) => String(r.status),
          (e: NodeJS.ErrnoException) => e.code ?? String(e),
        ),
      );
      for (;;) {
        const j = await fetch(`${child.url}/_localvpc/journal?eventType=Fault&limit=1`, {
          headers: { authorization: `Bearer ${TEST_TOKEN}` },
        });
        if (((await j.json()) as { total: number }).total >= 16) break;
        await new Promise((r) => setTimeout(r, 10));
      }
      child.proc.kill(signal);
      const outcomes = await Promise.all(calls);
      assert.deepEqual(outcomes, Array(16).fill('200'));
      assert.equal(await child.exited, 0);
      agent.destroy();
      const again = await spawnServer(dir);
      try {
        const listed = await v1(again.port, { Action: 'DescribeVpcs', RegionId: 'cn-hangzhou' });
        assert.equal(listed.json().TotalCount, 16);
      } finally {
        await again.kill('SIGTERM');
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
}
