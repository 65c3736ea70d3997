// Schema migrations of the SQLite adapter: each module's numbered migrations that are not applied
// yet, each in its own transaction, recorded in `schema_migrations`. A store made before
// migrations were per module (a `schema_version` table) had the same tables: the first migration
// of every module is written with IF NOT EXISTS and so applies cleanly over it.
import type Database from 'better-sqlite3';
import type { ModuleSchema } from '../port.js';

/** Applies what is missing (up to `upTo[module]` when given: an older schema); answers the versions reached. */
export function applyMigrations(
  db: Database.Database,
  schema: readonly ModuleSchema[],
  upTo?: Record<string, number>,
): Record<string, number> {
  db.exec(
    'CREATE TABLE IF NOT EXISTS schema_migrations (module TEXT NOT NULL, version INTEGER NOT NULL, name TEXT NOT NULL, appliedAt INTEGER NOT NULL, PRIMARY KEY (module, version))',
  );
  const rows = db.prepare('SELECT module, MAX(version) AS v FROM schema_migrations GROUP BY module').all() as {
    module: string;
    v: number;
  }[];
  const done = new Map(rows.map((r) => [r.module, r.v]));
  for (const m of schema) {
    for (const mig of m.migrations) {
      if (mig.version <= (done.get(m.module) ?? 0)) continue;
      if (upTo && mig.version > (upTo[m.module] ?? 0)) break;
      db.transaction(() => {
        db.exec(mig.sql);
        db.prepare('INSERT INTO schema_migrations (module, version, name, appliedAt) VALUES (?, ?, ?, ?)').run(
          m.module,
          mig.version,
          mig.name,
          Date.now(),
        );
      })();
      done.set(m.module, mig.version);
    }
  }
  db.exec('DROP TABLE IF EXISTS schema_version');
  return Object.fromEntries(done);
}
