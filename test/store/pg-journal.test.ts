// The journal shared through PostgreSQL: bounded (the newest `capacity` events kept, oldest
// dropped), one eventId sequence for all nodes, filters as the in-process journal's, and a
// subscriber on one node hears the events another node adds (what GET /_localvpc/events streams).
// Two stores on one database stand for two nodes.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { PostgresStore } from '../../src/store/postgres/pg-store.js';
import { SharedJournal } from '../../src/store/postgres/shared-journal.js';
import type { JournalEntry } from '../../src/runtime/journal.js';
import { Registry } from '../../src/engine/module.js';
import { MODULES } from '../../src/app/modules.js';
import { closePostgres, freshDatabase } from '../helpers/postgres.js';

after(() => closePostgres());

const entry = (i: number, over: Partial<JournalEntry> = {}): JournalEntry => ({
  at: 1_700_000_000_000 + i,
  type: 'ApiCall',
  name: i % 2 ? 'CreateVpc' : 'DescribeVpcs',
  source: 'api',
  requestId: `req-${i}`,
  region: 'cn-hangzhou',
  account: '1000000000000001',
  resource: `vpc-${i}`,
  code: '',
  message: '',
  ...over,
});

test('two nodes, one journal: bounded, filtered, and heard by the other node’s subscribers', async () => {
  const url = await freshDatabase();
  const schema = new Registry(MODULES).schema;
  const a = await PostgresStore.open({ url, schema });
  const b = await PostgresStore.open({ url, schema });
  const ja = new SharedJournal(a, 10);
  const jb = new SharedJournal(b, 10);
  await ja.start();
  await jb.start();
  try {
    const heard: string[] = [];
    const stop = jb.subscribe((_id, e) => heard.push(e.requestId));
    await new Promise((r) => setTimeout(r, 100)); // the subscription has read where the journal stands
    for (let i = 1; i <= 25; i++) (i % 2 ? ja : jb).add(entry(i));
    await ja.flush();
    await jb.flush();
    // bounded: 10 of 25, ids from one sequence, oldest first
    const all = await ja.query({ limit: 100 });
    assert.equal(all.total, 10);
    assert.equal(await jb.size(), 10);
    const ids = all.events.map((e) => e.eventId);
    assert.deepEqual(
      ids,
      [...ids].sort((x, y) => x - y),
    );
    // the newest by eventId (each node's buffer is written as one batch)
    const newest = Math.max(...ids);
    assert.ok(ids.every((id) => id > newest - 10));
    // the same filters as the in-process journal
    const one = all.events[3]!;
    const named = await jb.query({ eventName: one.eventName, limit: 100 });
    assert.equal(named.total, all.events.filter((e) => e.eventName === one.eventName).length);
    assert.ok(named.events.every((e) => e.eventName === one.eventName));
    assert.deepEqual((await jb.query({ resourceName: one.resourceName })).events, [one]);
    assert.equal((await jb.query({ after: Math.max(...ids) })).total, 0);
    // node b's subscriber heard node a's events too
    for (let i = 0; i < 100 && heard.length < 25; i++) await new Promise((r) => setTimeout(r, 20));
    assert.deepEqual([...heard].sort(), Array.from({ length: 25 }, (_, k) => `req-${k + 1}`).sort());
    stop();
  } finally {
    await ja.stop();
    await jb.stop();
    await a.close();
    await b.close();
  }
});
