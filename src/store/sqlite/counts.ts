// Row counts kept current as rows change, for the tables that declare `counted` columns: a table
// `count_<table>` (one row per combination of those columns' values, with its count) maintained by
// triggers, so TotalCount of a listing over a million rows is a lookup of a few rows instead of a
// walk of the index. The adapter owns these tables (they are derived, not state): they are made,
// filled and, when a table's counted columns change, remade at start.
import type Database from 'better-sqlite3';
import type { AnyTableDef } from '../port.js';

export function countTableOf(def: AnyTableDef): string {
  return `count_${def.table}`;
}

function triggerNames(def: AnyTableDef): string[] {
  const t = countTableOf(def);
  return [`${t}_insert`, `${t}_delete`, `${t}_update`];
}

function columnsOf(db: Database.Database, table: string): string[] {
  return (db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map((c) => c.name);
}

export function createCountTriggers(db: Database.Database, def: AnyTableDef): void {
  const cols = def.counted ?? [];
  const t = countTableOf(def);
  const [ins, del, upd] = triggerNames(def);
  const quoted = cols.map((c) => `"${c}"`).join(', ');
  const match = (row: 'NEW' | 'OLD') => cols.map((c) => `"${c}" IS ${row}."${c}"`).join(' AND ');
  const add = `INSERT INTO ${t} (${quoted}, n) VALUES (${cols.map((c) => `NEW."${c}"`).join(', ')}, 1) ON CONFLICT DO UPDATE SET n = n + 1;`;
  const remove = `UPDATE ${t} SET n = n - 1 WHERE ${match('OLD')};`;
  db.exec(`
    CREATE TRIGGER IF NOT EXISTS ${ins} AFTER INSERT ON ${def.table} BEGIN ${add} END;
    CREATE TRIGGER IF NOT EXISTS ${del} AFTER DELETE ON ${def.table} BEGIN ${remove} END;
    CREATE TRIGGER IF NOT EXISTS ${upd} AFTER UPDATE OF ${quoted} ON ${def.table}
      WHEN ${cols.map((c) => `OLD."${c}" IS NOT NEW."${c}"`).join(' OR ')}
      BEGIN ${remove} ${add} END;
  `);
}

export function dropCountTriggers(db: Database.Database, def: AnyTableDef): void {
  for (const name of triggerNames(def)) db.exec(`DROP TRIGGER IF EXISTS ${name}`);
}

/** Recounts a table from its rows. */
export function refillCounts(db: Database.Database, def: AnyTableDef): void {
  const cols = (def.counted ?? []).map((c) => `"${c}"`).join(', ');
  const t = countTableOf(def);
  db.exec(`DELETE FROM ${t}; INSERT INTO ${t} (${cols}, n) SELECT ${cols}, COUNT(*) FROM ${def.table} GROUP BY ${cols};`);
}

/** Makes every counted table's counts (anew when its counted columns changed) and drops counts no table declares any more. */
export function installCounts(db: Database.Database, tables: readonly AnyTableDef[]): void {
  const wanted = new Map(tables.filter((t) => t.counted?.length).map((t) => [countTableOf(t), t]));
  const existing = (
    db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'count\\_%' ESCAPE '\\'").all() as { name: string }[]
  ).map((r) => r.name);
  db.transaction(() => {
    for (const name of existing) {
      const def = wanted.get(name);
      const cols = def ? [...(def.counted ?? []), 'n'] : [];
      if (def && JSON.stringify(columnsOf(db, name)) === JSON.stringify(cols)) continue;
      if (def) dropCountTriggers(db, def);
      for (const trg of [`${name}_insert`, `${name}_delete`, `${name}_update`]) db.exec(`DROP TRIGGER IF EXISTS ${trg}`);
      db.exec(`DROP TABLE ${name}`);
    }
    const now = new Set(
      (
        db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'count\\_%' ESCAPE '\\'").all() as { name: string }[]
      ).map((r) => r.name),
    );
    for (const [name, def] of wanted) {
      if (now.has(name)) continue;
      const cols = (def.counted ?? []).map((c) => `"${c}"`).join(', ');
      db.exec(`CREATE TABLE ${name} (${cols}, n INTEGER NOT NULL, PRIMARY KEY (${cols})) WITHOUT ROWID`);
      refillCounts(db, def);
      createCountTriggers(db, def);
    }
  })();
}
