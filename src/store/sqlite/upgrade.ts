// Rows exported at an older schema, brought to the current one: they are loaded into a scratch
// SQLite database migrated only as far as the export's schema, the remaining migrations run over
// them (the same migrations a stored database goes through), and the result is read back in
// chunks. Scratch files live in the OS temp folder and are removed after; memory stays flat.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { ImportChunk, ModuleSchema, Scalar } from '../port.js';
import { SqliteStore } from './sqlite-store.js';
import { applyMigrations } from './migrate.js';

/** Why rows of schema `from` cannot be brought to `schema`, or undefined when they can. */
export function upgradeRefusal(schema: readonly ModuleSchema[], from: Record<string, number>): string | undefined {
  const known = new Map(schema.map((m) => [m.module, m]));
  for (const [module, v] of Object.entries(from)) {
    const m = known.get(module);
    if (!m) return `module ${module} is not part of this LocalVPC`;
    const latest = m.migrations.reduce((n, x) => Math.max(n, x.version), 0);
    if (!Number.isInteger(v) || v < 0) return `module ${module} has no version ${String(v)}`;
    if (v > latest)
      return `module ${module} is at version ${v}, newer than this LocalVPC's ${latest}: export it again from the same release`;
  }
  return undefined;
}

/** The chunks, migrated from `from` (module -> version; a module left out is at 0) to the current schema. */
export async function* upgradeChunks(
  schema: readonly ModuleSchema[],
  from: Record<string, number>,
  chunks: AsyncIterable<ImportChunk> | Iterable<ImportChunk>,
): AsyncGenerator<ImportChunk> {
  const dir = mkdtempSync(join(tmpdir(), 'localvpc-upgrade-'));
  const path = join(dir, `${randomUUID()}.db`);
  try {
    // The export's schema, and its rows as they are (their checks come when they are imported).
    const db = new Database(path);
    try {
      applyMigrations(db, schema, from);
      db.exec('BEGIN');
      const statements = new Map<string, Database.Statement>();
      for await (const c of chunks) {
        for (const row of c.rows) {
          const cols = Object.keys(row);
          const sql = `INSERT INTO ${c.table} (${cols.map((x) => `"${x}"`).join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`;
          let stmt = statements.get(sql);
          if (!stmt) statements.set(sql, (stmt = db.prepare(sql)));
          stmt.run(...cols.map((x) => (typeof row[x] === 'boolean' ? (row[x] ? 1 : 0) : (row[x] as Scalar))));
        }
      }
      db.exec('COMMIT');
    } catch (e) {
      throw new Error(`the rows do not fit the schema they were exported with: ${e instanceof Error ? e.message : String(e)}`, {
        cause: e,
      });
    } finally {
      db.close();
    }
    const after = new SqliteStore({ path, schema, durability: 'off' });
    try {
      for await (const c of after.exportChunks()) {
        yield { table: c.table, rows: c.rows.map((r) => Object.fromEntries(c.columns.map((col, i) => [col, r[i] as Scalar]))) };
      }
    } finally {
      await after.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
