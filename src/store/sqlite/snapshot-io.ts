// Whole-store export and import for the SQLite adapter, streamed so that memory stays flat however
// large the store. Export: SQLite's online backup copies the database to a temporary file first
// (a consistent state, copied a step at a time between other work), then a separate connection
// reads it table by table. Import: inside one write unit, the state tables are emptied, their
// secondary indexes and count triggers put aside, the rows inserted chunk by chunk as they arrive
// (each chunk checked as it comes), then the indexes built and the counts made again: a failure
// anywhere undoes it all.
import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AnyTableDef, ExportChunk, ImportChunk, Scalar } from '../port.js';
import { checkRows, type ColumnType } from '../check-rows.js';
import { createCountTriggers, dropCountTriggers, refillCounts } from './counts.js';

export async function* exportFrom(db: Database.Database, tables: readonly AnyTableDef[], chunkRows: number): AsyncGenerator<ExportChunk> {
  const file = join(tmpdir(), `localvpc-export-${process.pid}-${randomUUID()}.db`);
  try {
    await db.backup(file);
    const copy = new Database(file, { readonly: true });
    try {
      for (const t of tables) {
        const columns = t.columns;
        const stmt = copy.prepare(`SELECT ${columns.map((c) => `"${c}"`).join(', ')} FROM ${t.table} ORDER BY rowid`).raw(true);
        let rows: Scalar[][] = [];
        let any = false;
        for (const r of stmt.iterate() as IterableIterator<Scalar[]>) {
          rows.push(r);
          if (rows.length >= chunkRows) {
            yield { table: t.table, columns, rows };
            any = true;
            rows = [];
          }
        }
        if (rows.length > 0 || !any) yield { table: t.table, columns, rows };
      }
    } finally {
      copy.close();
    }
  } finally {
    for (const f of [file, `${file}-wal`, `${file}-shm`]) rmSync(f, { force: true });
  }
}

export interface ImportTarget {
  db: Database.Database;
  stmt(sql: string): Database.Statement;
  tables: ReadonlyMap<string, AnyTableDef>;
  columnTypes(table: string): Map<string, ColumnType>;
}

/** Secondary indexes of the table (as their CREATE statements), dropped; built again by the caller. */
function setIndexesAside(db: Database.Database, table: string): string[] {
  const ixs = db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL").all(table) as {
    name: string;
    sql: string;
  }[];
  for (const ix of ixs) db.exec(`DROP INDEX ${ix.name}`);
  return ixs.map((ix) => ix.sql);
}

/** Runs inside the caller's write unit. */
export async function importInto(
  t: ImportTarget,
  chunks: AsyncIterable<ImportChunk> | Iterable<ImportChunk>,
  keep: readonly string[],
): Promise<{ tables: number; rows: number }> {
  const { db } = t;
  db.pragma('defer_foreign_keys = ON');
  const replaced = [...t.tables.values()].filter((d) => !keep.includes(d.table));
  const indexes: string[] = [];
  for (const d of replaced) {
    if (d.counted?.length) dropCountTriggers(db, d);
    indexes.push(...setIndexesAside(db, d.table));
    db.exec(`DELETE FROM ${d.table}`);
  }
  const types = new Map<string, Map<string, ColumnType>>();
  const seen = new Map<string, number>();
  let total = 0;
  for await (const c of chunks) {
    if (keep.includes(c.table)) continue;
    const offset = seen.get(c.table) ?? 0;
    checkRows(
      { [c.table]: c.rows },
      t.tables,
      (name) => {
        let m = types.get(name);
        if (!m) types.set(name, (m = t.columnTypes(name)));
        return m;
      },
      offset,
    );
    for (const row of c.rows) {
      const cols = Object.keys(row);
      t.stmt(`INSERT INTO ${c.table} (${cols.map((x) => `"${x}"`).join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`).run(
        ...cols.map((x) => (typeof row[x] === 'boolean' ? (row[x] ? 1 : 0) : (row[x] as Scalar))),
      );
    }
    seen.set(c.table, offset + c.rows.length);
    total += c.rows.length;
  }
  for (const sql of indexes) db.exec(sql);
  for (const d of replaced) {
    if (!d.counted?.length) continue;
    refillCounts(db, d);
    createCountTriggers(db, d);
  }
  return { tables: seen.size, rows: total };
}
