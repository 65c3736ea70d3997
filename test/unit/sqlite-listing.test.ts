// Listings that stay flat as tables grow, against a plain model (fast-check): counts answered from
// the maintained counts, and pages far into a listing started from a remembered key, must agree
// with counting and slicing the rows themselves, through any sequence of inserts, deletes, status
// changes, replaces and rolled-back units.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import type { TableDef, Where } from '../../src/store/port.js';

interface Item {
  id: string;
  accountId: string;
  regionId: string;
  status: string;
  name: string;
  createdAt: number;
}

const ITEMS: TableDef<Item> = {
  table: 'items',
  key: 'id',
  columns: ['id', 'accountId', 'regionId', 'status', 'name', 'createdAt'],
  indexes: [{ name: 'items_owner', columns: ['accountId', 'regionId', 'createdAt', 'id'] }],
  counted: ['accountId', 'regionId', 'status'],
};

const SCHEMA = [
  {
    module: 'test',
    tables: [ITEMS],
    migrations: [
      {
        version: 1,
        name: 'items',
        sql: `CREATE TABLE items (id TEXT PRIMARY KEY, accountId TEXT NOT NULL, regionId TEXT NOT NULL, status TEXT NOT NULL, name TEXT NOT NULL, createdAt INTEGER NOT NULL);
              CREATE INDEX items_owner ON items(accountId, regionId, createdAt, id);`,
      },
    ],
  },
];

type Op =
  | { kind: 'insert'; account: string; region: string; status: string; name: string; at: number }
  | { kind: 'delete'; pick: number }
  | { kind: 'status'; pick: number; status: string }
  | { kind: 'failed'; account: string }
  | { kind: 'replace'; keep: number }
  | {
      kind: 'check';
      account: string | string[];
      region: string;
      status: string[] | undefined;
      name: string | undefined;
      offset: number;
      limit: number;
    };

const account = fc.constantFrom('a', 'b');
const status = fc.constantFrom('Idle', 'Active', 'Inactive');
const op: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constant('insert' as const),
      account,
      region: fc.constantFrom('r1', 'r2'),
      status,
      name: fc.constantFrom('x', 'y'),
      at: fc.integer({ min: 0, max: 20 }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('delete' as const), pick: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('status' as const), pick: fc.nat(), status }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('failed' as const), account }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('replace' as const), keep: fc.nat() }) },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('check' as const),
      account: fc.oneof(account, fc.constant(['a', 'b'] as string[]), fc.constant([] as string[])),
      region: fc.constantFrom('r1', 'r2'),
      status: fc.option(fc.subarray(['Idle', 'Active', 'Inactive']), { nil: undefined }),
      name: fc.option(fc.constantFrom('x', 'y'), { nil: undefined }),
      offset: fc.integer({ min: 0, max: 6 }),
      limit: fc.integer({ min: 1, max: 5 }),
    }),
  },
);

test('counts and far pages agree with the rows themselves', async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(op, { minLength: 20, maxLength: 80 }), async (ops) => {
      const store = new SqliteStore({ path: ':memory:', schema: SCHEMA });
      const model = new Map<string, Item>();
      let n = 0;
      let last: Extract<Op, { kind: 'check' }> | undefined;
      const check = async (o: Extract<Op, { kind: 'check' }>): Promise<void> => {
        const where: Where<Item> = { accountId: o.account, regionId: o.region, status: o.status, name: o.name };
        const accounts = Array.isArray(o.account) ? o.account : [o.account];
        const expected = [...model.values()]
          .filter(
            (r) =>
              accounts.includes(r.accountId) &&
              r.regionId === o.region &&
              (!o.status || o.status.includes(r.status)) &&
              (!o.name || r.name === o.name),
          )
          .sort((x, y) => x.createdAt - y.createdAt || (x.id < y.id ? -1 : 1));
        const got = await store.run('read', async (tx) => ({
          count: await tx.repo(ITEMS).count(where),
          page: await tx.repo(ITEMS).find(where, { orderBy: ['createdAt', 'id'], limit: o.limit, offset: o.offset }),
        }));
        assert.equal(got.count, expected.length, JSON.stringify(o));
        // rows by key (kept in memory once read) are the rows as they are now, gone ones included
        const byKey = await store.run('read', async (tx) => {
          const out: (Item | undefined)[] = [];
          for (const id of [...model.keys(), 'doomed', 'i999']) out.push(await tx.repo(ITEMS).get(id));
          return out;
        });
        assert.deepEqual(
          byKey.map((r) => (r ? { ...r } : undefined)),
          [...model.values(), undefined, undefined],
        );
        assert.deepEqual(
          got.page.map((r) => r.id),
          expected.slice(o.offset, o.offset + o.limit).map((r) => r.id),
          JSON.stringify(o),
        );
      };
      try {
        for (const o of ops) {
          // the same listing again after each change: what was remembered of it must not be stale
          if (last && o.kind !== 'check') await check(last);
          const ids = [...model.keys()];
          if (o.kind === 'insert') {
            const row = {
              id: `i${String(n++).padStart(3, '0')}`,
              accountId: o.account,
              regionId: o.region,
              status: o.status,
              name: o.name,
              createdAt: o.at,
            };
            await store.run('write', (tx) => tx.repo(ITEMS).insert(row));
            model.set(row.id, row);
          } else if (o.kind === 'delete' && ids.length) {
            const id = ids[o.pick % ids.length] as string;
            await store.run('write', (tx) => tx.repo(ITEMS).delete(id));
            model.delete(id);
          } else if (o.kind === 'status' && ids.length) {
            const row = { ...(model.get(ids[o.pick % ids.length] as string) as Item), status: o.status };
            await store.run('write', (tx) => tx.repo(ITEMS).update(row));
            model.set(row.id, row);
          } else if (o.kind === 'failed') {
            // a unit that writes and then fails changes nothing, counts included
            await store
              .run('write', async (tx) => {
                await tx
                  .repo(ITEMS)
                  .insert({ id: 'doomed', accountId: o.account, regionId: 'r1', status: 'Idle', name: 'x', createdAt: 1 });
                throw new Error('rolled back');
              })
              .catch(() => undefined);
          } else if (o.kind === 'replace') {
            const kept = [...model.values()].slice(0, o.keep % (model.size + 1));
            await store.replace({ items: kept.map((r) => ({ ...r })) });
            model.clear();
            for (const r of kept) model.set(r.id, r);
          } else if (o.kind === 'check') {
            await check(o);
            last = o;
          }
        }
      } finally {
        await store.close();
      }
    }),
    { numRuns: 200 },
  );
});
