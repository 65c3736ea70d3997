// Group commit under a steady stream of writes: transitions that fall due are settled by the
// writes that follow (at their start), not by commits of their own, so commits never outnumber
// the requests; once writes stop, what is due still completes by itself.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from '../helpers/server.js';
import { popJson } from '../helpers/clients.js';
import { admin } from '../helpers/admin.js';

test('200 CreateVpc one after another, each due 20 ms later: no more commits than requests; all Available in the end', async () => {
  const srv = await startServer({ transitionProfile: 'fast', transitionDelayMs: 20 });
  try {
    const pop = popJson(srv.port);
    let commits = 0;
    srv.app.store.onCommit((ok) => ok && commits++);
    const ids: string[] = [];
    for (let i = 0; i < 200; i++)
      ids.push((await pop.request<{ VpcId: string }>('CreateVpc', { RegionId: 'cn-hangzhou', CidrBlock: '10.0.0.0/16' })).VpcId);
    // On PostgreSQL due transitions are settled in a transaction of their own just before the
    // group that follows (committed without waiting for the disk): at most one more per request.
    const bound = srv.app.store.kind === 'postgres' ? 2 * ids.length : ids.length;
    assert.ok(commits <= bound, `${commits} commits for ${ids.length} requests`);
    for (let i = 0; ; i++) {
      const pending = (await admin(srv, 'GET', '/_localvpc/transitions')).body.pending as unknown[];
      if (pending.length === 0) break;
      assert.ok(i < 200, 'the last transitions never completed');
      await new Promise((r) => setTimeout(r, 25));
    }
  } finally {
    await srv.close();
  }
});
