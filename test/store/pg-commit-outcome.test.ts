// A PostgreSQL commit whose connection is lost while it runs: the store cannot know from the
// connection whether it committed, so it waits for the old session to be gone and looks for the
// unit's marker. Here the COMMIT is held by a deferred trigger (pg_sleep) and the session killed
// meanwhile (pg_terminate_backend): the transaction did not commit, so the unit runs again and the
// row is there exactly once; its caller gets the answer, not an error.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import pg from 'pg';
import { PostgresStore } from '../../src/store/postgres/pg-store.js';
import type { ModuleSchema, TableDef } from '../../src/store/port.js';
import { closePostgres, freshDatabase } from '../helpers/postgres.js';

interface Row {
  id: string;
  grp: string;
}

const ROWS: TableDef<Row> = { table: 'outcome_rows', key: 'id', columns: ['id', 'grp'] };
const SQL = `CREATE TABLE outcome_rows (id TEXT PRIMARY KEY, grp TEXT NOT NULL)`;
const SCHEMA: ModuleSchema[] = [
  {
    module: 'outcome',
    tables: [ROWS],
    migrations: [{ version: 1, name: 'rows', sql: SQL }],
    postgresMigrations: [{ version: 1, name: 'rows', sql: SQL }],
  },
];

after(() => closePostgres());

test('a commit whose session is killed while it runs is looked up, run again, and applied once', async () => {
  const url = await freshDatabase();
  const store = await PostgresStore.open({ url, schema: SCHEMA });
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    // COMMIT of a row of group 'slow' waits 1 s in a deferred trigger
    await admin.query(`
      CREATE FUNCTION slow_commit() RETURNS trigger AS $$ BEGIN PERFORM pg_sleep(1); RETURN NULL; END $$ LANGUAGE plpgsql;
      CREATE CONSTRAINT TRIGGER slow_commit AFTER INSERT ON outcome_rows DEFERRABLE INITIALLY DEFERRED
        FOR EACH ROW WHEN (NEW.grp = 'slow') EXECUTE FUNCTION slow_commit();
    `);
    let runs = 0;
    const writing = store.run('write', async (tx) => {
      runs++;
      await tx.repo(ROWS).insert({ id: 'once', grp: 'slow' });
      return 'answered';
    });
    // kill the session while its COMMIT sleeps (once)
    let killed = 0;
    for (let i = 0; i < 100 && killed === 0; i++) {
      await new Promise((r) => setTimeout(r, 50));
      const r = await admin.query(
        `SELECT pg_terminate_backend(pid) AS t FROM pg_stat_activity
          WHERE pid <> pg_backend_pid() AND query LIKE '%localvpc_units%COMMIT%' AND wait_event = 'PgSleep'`,
      );
      killed = r.rowCount ?? 0;
    }
    assert.equal(killed, 1, 'the commit was caught in flight');
    assert.equal(await writing, 'answered');
    assert.equal(runs, 2, 'run again once the marker showed it had not committed');
    const rows = await admin.query(`SELECT COUNT(*)::int AS n FROM outcome_rows WHERE id = 'once'`);
    assert.equal((rows.rows[0] as { n: number }).n, 1);
    assert.equal(store.health().ready, true);
  } finally {
    await admin.end();
    await store.close();
  }
});
