// Schema migrations of the PostgreSQL adapter: each module's numbered PostgreSQL migrations not yet
// applied, each in its own transaction, recorded in `schema_migrations` (the same versions as
// SQLite's). Several nodes may start at once on one database: an advisory lock makes them migrate
// one after another. The adapter's own tables (runtime state shared by the nodes, commit markers)
// are made here too; they are not part of any module and never exported.
import type pg from 'pg';
import type { ModuleSchema } from '../port.js';

/** The advisory lock key migrations run under (any constant: 'LVPC' in ASCII). */
const MIGRATION_LOCK = 0x4c565043;

/** Tables of the adapter itself. Every statement is idempotent. */
const OWN_TABLES = `
  CREATE TABLE IF NOT EXISTS localvpc_units (id TEXT PRIMARY KEY, at BIGINT NOT NULL);
  CREATE INDEX IF NOT EXISTS localvpc_units_at ON localvpc_units (at);
  CREATE TABLE IF NOT EXISTS localvpc_runtime (key TEXT PRIMARY KEY, value TEXT NOT NULL, version BIGINT NOT NULL DEFAULT 0);
  CREATE TABLE IF NOT EXISTS localvpc_nonces (hash BIGINT PRIMARY KEY, at BIGINT NOT NULL);
  CREATE INDEX IF NOT EXISTS localvpc_nonces_at ON localvpc_nonces (at);
  CREATE TABLE IF NOT EXISTS localvpc_faults (seq BIGSERIAL PRIMARY KEY, id TEXT UNIQUE NOT NULL, rule TEXT NOT NULL, rng BIGINT NOT NULL DEFAULT 0);
  CREATE TABLE IF NOT EXISTS localvpc_journal (
    id BIGSERIAL PRIMARY KEY, at BIGINT NOT NULL, type TEXT NOT NULL, name TEXT NOT NULL, source TEXT, "requestId" TEXT NOT NULL,
    region TEXT NOT NULL, account TEXT NOT NULL, resource TEXT NOT NULL, code TEXT NOT NULL, message TEXT NOT NULL, "from" TEXT, "to" TEXT
  );
`;

/** Applies what is missing; answers the versions reached, by module. */
export async function applyPgMigrations(client: pg.ClientBase, schema: readonly ModuleSchema[]): Promise<Record<string, number>> {
  await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
  try {
    await client.query(
      'CREATE TABLE IF NOT EXISTS schema_migrations (module TEXT NOT NULL, version BIGINT NOT NULL, name TEXT NOT NULL, "appliedAt" BIGINT NOT NULL, PRIMARY KEY (module, version))',
    );
    await client.query(OWN_TABLES);
    const rows = (await client.query('SELECT module, MAX(version) AS v FROM schema_migrations GROUP BY module')).rows as {
      module: string;
      v: number | string;
    }[];
    const done = new Map(rows.map((r) => [r.module, Number(r.v)]));
    for (const m of schema)
      if ((m.postgresMigrations ?? []).length !== m.migrations.length)
        throw new Error(
          `module ${m.module} has ${m.migrations.length} SQLite migrations but ${(m.postgresMigrations ?? []).length} for PostgreSQL`,
        );
    for (const m of schema) {
      for (const mig of m.postgresMigrations ?? []) {
        if (mig.version <= (done.get(m.module) ?? 0)) continue;
        await client.query('BEGIN');
        try {
          await client.query(mig.sql);
          await client.query('INSERT INTO schema_migrations (module, version, name, "appliedAt") VALUES ($1, $2, $3, $4)', [
            m.module,
            mig.version,
            mig.name,
            Date.now(),
          ]);
          await client.query('COMMIT');
        } catch (e) {
          await client.query('ROLLBACK').catch(() => undefined);
          throw new Error(`PostgreSQL migration ${m.module} ${mig.version} (${mig.name}) failed: ${(e as Error).message}`, { cause: e });
        }
        done.set(m.module, mig.version);
      }
    }
    return Object.fromEntries(done);
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
  }
}
