// SQLite back end (better-sqlite3): WAL, versioned migrations, synchronous=FULL by default so an
// acknowledged write survives a crash or power cut, and group commit: writes queued in the same
// turn of the event loop share one transaction and one fsync.
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { FindOptions, Range, Repo, Scalar, Store, TableDef, Where } from '../store.js';
import { MIGRATIONS } from './migrations.js';

export type Durability = 'full' | 'normal' | 'off';

/** Tables that are not emulator state: the schema's own and the saved snapshots. */
const NOT_STATE = new Set(['schema_version', 'snapshots']);

export interface SqliteOptions {
  /** A file path, or ':memory:'. */
  path: string;
  durability?: Durability;
}

interface Pending {
  fn: () => unknown;
  resolve: (v: unknown) => void;
  reject: (e: unknown) => void;
}

function isRange(v: unknown): v is Range {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export class SqliteStore implements Store {
  readonly kind = 'sqlite';
  readonly db: Database.Database;
  private readonly statements = new Map<string, Database.Statement>();
  private queue: Pending[] = [];
  private scheduled = false;
  private hooks: (() => void)[] = [];
  private changeListeners: ((table: string | undefined) => void)[] = [];

  constructor(opts: SqliteOptions) {
    if (opts.path !== ':memory:') mkdirSync(dirname(opts.path), { recursive: true });
    this.db = new Database(opts.path);
    if (opts.path !== ':memory:') this.db.pragma('journal_mode = WAL');
    this.db.pragma(`synchronous = ${(opts.durability ?? 'full').toUpperCase()}`);
    this.db.pragma('foreign_keys = ON');
    this.migrate();
  }

  private migrate(): void {
    this.db.exec('CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, name TEXT NOT NULL, appliedAt INTEGER NOT NULL)');
    const row = this.db.prepare('SELECT MAX(version) AS v FROM schema_version').get() as { v: number | null };
    const current = row.v ?? 0;
    for (const m of MIGRATIONS) {
      if (m.version <= current) continue;
      this.db.transaction(() => {
        this.db.exec(m.sql);
        this.db.prepare('INSERT INTO schema_version (version, name, appliedAt) VALUES (?, ?, ?)').run(m.version, m.name, Date.now());
      })();
    }
  }

  schemaVersion(): number {
    return (this.db.prepare('SELECT MAX(version) AS v FROM schema_version').get() as { v: number }).v;
  }

  /** A prepared statement, cached by its SQL (bounded: the cache starts over past 1,000 shapes). */
  stmt(sql: string): Database.Statement {
    let s = this.statements.get(sql);
    if (!s) {
      if (this.statements.size >= 1000) this.statements.clear();
      this.statements.set(sql, (s = this.db.prepare(sql)));
    }
    return s;
  }

  repo<T>(def: TableDef<T>): Repo<T> {
    return new SqliteRepo<T>(this, def);
  }

  /** `table` changed (undefined: any table may have, e.g. after a rollback or a replace). */
  onChange(listener: (table: string | undefined) => void): void {
    this.changeListeners.push(listener);
  }

  changed(table: string | undefined): void {
    for (const l of this.changeListeners) l(table);
  }

  onBeforeGroup(hook: () => void): void {
    this.hooks.push(hook);
  }

  transaction<R>(fn: () => R): R {
    if (this.db.inTransaction) return fn();
    try {
      return this.db.transaction(fn).immediate();
    } catch (e) {
      this.changed(undefined);
      throw e;
    }
  }

  write<R>(fn: () => R): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.queue.push({ fn, resolve: resolve as (v: unknown) => void, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  /** Runs every queued write in one transaction, each in its own savepoint, then commits once. */
  private flush(): void {
    this.scheduled = false;
    const batch = this.queue;
    this.queue = [];
    const results: { p: Pending; ok: boolean; value: unknown }[] = [];
    try {
      this.db.exec('BEGIN IMMEDIATE');
      for (const h of this.hooks) h();
      for (const p of batch) {
        this.db.exec('SAVEPOINT w');
        try {
          const value = p.fn();
          this.db.exec('RELEASE w');
          results.push({ p, ok: true, value });
        } catch (e) {
          this.db.exec('ROLLBACK TO w');
          this.db.exec('RELEASE w');
          this.changed(undefined);
          results.push({ p, ok: false, value: e });
        }
      }
      this.db.exec('COMMIT');
    } catch (e) {
      if (this.db.inTransaction) this.db.exec('ROLLBACK');
      this.changed(undefined);
      for (const p of batch) p.reject(e);
      return;
    }
    for (const r of results) (r.ok ? r.p.resolve : r.p.reject)(r.value);
  }

  /** Row counts by `status` of one table (metrics). */
  countByStatus(table: string): { status: string; n: number }[] {
    return this.stmt(`SELECT status, COUNT(*) AS n FROM ${table} GROUP BY status`).all() as { status: string; n: number }[];
  }

  private stateTables(): string[] {
    const rows = this.db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
      .all() as { name: string }[];
    return rows.map((r) => r.name).filter((n) => !NOT_STATE.has(n));
  }

  /** Every row of every state table, by table name (snapshots, tests). */
  dumpTables(): Record<string, Record<string, Scalar>[]> {
    const out: Record<string, Record<string, Scalar>[]> = {};
    for (const name of this.stateTables())
      out[name] = this.db.prepare(`SELECT * FROM ${name} ORDER BY rowid`).all() as Record<string, Scalar>[];
    return out;
  }

  /**
   * Replaces the rows of the state tables (all of them, or all but `keep`) with `tables`, in one
   * transaction. Unknown tables or columns are refused before anything changes.
   */
  replaceTables(tables: Record<string, Record<string, Scalar>[]>, keep: readonly string[] = []): void {
    const known = this.stateTables();
    for (const [name, rows] of Object.entries(tables)) {
      if (!known.includes(name)) throw new Error(`unknown table ${name}`);
      const cols = new Set((this.db.prepare(`PRAGMA table_info(${name})`).all() as { name: string }[]).map((c) => c.name));
      for (const row of rows) for (const c of Object.keys(row)) if (!cols.has(c)) throw new Error(`unknown column ${name}.${c}`);
    }
    this.transaction(() => {
      this.db.pragma('defer_foreign_keys = ON');
      for (const name of known) if (!keep.includes(name)) this.db.exec(`DELETE FROM ${name}`);
      for (const [name, rows] of Object.entries(tables)) {
        if (keep.includes(name)) continue;
        for (const row of rows) {
          const cols = Object.keys(row);
          this.stmt(`INSERT INTO ${name} (${cols.map((c) => `"${c}"`).join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`).run(
            ...cols.map((c) => row[c] as Scalar),
          );
        }
      }
    });
    this.changed(undefined);
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}

class SqliteRepo<T> implements Repo<T> {
  private readonly cols: string;
  private readonly insertSql: string;
  private readonly updateSql: string;
  private readonly getSql: string;
  private readonly deleteSql: string;
  private readonly bools: Set<string>;

  constructor(
    private readonly store: SqliteStore,
    private readonly def: TableDef<T>,
  ) {
    const t = def.table;
    this.cols = def.columns.map((c) => `"${c}"`).join(', ');
    this.insertSql = `INSERT INTO ${t} (${this.cols}) VALUES (${def.columns.map((c) => '@' + c).join(', ')})`;
    this.updateSql = `UPDATE ${t} SET ${def.columns
      .filter((c) => c !== def.key)
      .map((c) => `"${c}" = @${c}`)
      .join(', ')} WHERE "${def.key}" = @${def.key}`;
    this.getSql = `SELECT ${this.cols} FROM ${t} WHERE "${def.key}" = ?`;
    this.deleteSql = `DELETE FROM ${t} WHERE "${def.key}" = ?`;
    this.bools = new Set(def.booleans ?? []);
  }

  private toRow(raw: Record<string, Scalar> | undefined): T | undefined {
    if (!raw) return undefined;
    for (const b of this.bools) raw[b] = raw[b] === 1;
    return raw as T;
  }

  private toParams(row: T): Record<string, Scalar> {
    const out: Record<string, Scalar> = {};
    for (const c of this.def.columns) {
      const v = (row as Record<string, unknown>)[c];
      out[c] = typeof v === 'boolean' ? (v ? 1 : 0) : (v as Scalar);
    }
    return out;
  }

  private where(where: Where<T>): { sql: string; args: Scalar[] } {
    const parts: string[] = [];
    const args: Scalar[] = [];
    for (const [k, v] of Object.entries(where) as [string, unknown][]) {
      if (v === undefined) continue;
      if (!this.def.columns.includes(k as keyof T & string)) throw new Error(`unknown column ${k}`);
      if (Array.isArray(v)) {
        if (v.length === 0) {
          parts.push('0');
          continue;
        }
        parts.push(`"${k}" IN (${v.map(() => '?').join(', ')})`);
        for (const x of v) args.push(this.bools.has(k) ? (x ? 1 : 0) : (x as Scalar));
      } else if (isRange(v)) {
        if (v.gt !== undefined) (parts.push(`"${k}" > ?`), args.push(v.gt));
        if (v.lte !== undefined) (parts.push(`"${k}" <= ?`), args.push(v.lte));
      } else {
        parts.push(`"${k}" = ?`);
        args.push(this.bools.has(k) ? (v ? 1 : 0) : (v as Scalar));
      }
    }
    return { sql: parts.length ? ` WHERE ${parts.join(' AND ')}` : '', args };
  }

  get(key: string): T | undefined {
    return this.toRow(this.store.stmt(this.getSql).get(key) as Record<string, Scalar> | undefined);
  }

  find(where: Where<T>, opts: FindOptions<T> = {}): T[] {
    const w = this.where(where);
    let sql = `SELECT ${this.cols} FROM ${this.def.table}${opts.index ? ` INDEXED BY ${opts.index}` : ''}${w.sql}`;
    if (opts.orderBy?.length) sql += ` ORDER BY ${opts.orderBy.map((c) => `"${c}"`).join(', ')}`;
    const args = w.args;
    if (opts.limit !== undefined) {
      sql += ' LIMIT ? OFFSET ?';
      args.push(Math.max(0, Math.floor(opts.limit)), Math.max(0, Math.floor(opts.offset ?? 0)));
    }
    return (this.store.stmt(sql).all(...args) as Record<string, Scalar>[]).map((r) => this.toRow(r) as T);
  }

  count(where: Where<T>, index?: string): number {
    const w = this.where(where);
    return (
      this.store.stmt(`SELECT COUNT(*) AS n FROM ${this.def.table}${index ? ` INDEXED BY ${index}` : ''}${w.sql}`).get(...w.args) as {
        n: number;
      }
    ).n;
  }

  insert(row: T): void {
    this.store.stmt(this.insertSql).run(this.toParams(row));
    this.store.changed(this.def.table);
  }

  update(row: T): void {
    this.store.stmt(this.updateSql).run(this.toParams(row));
    this.store.changed(this.def.table);
  }

  delete(key: string): void {
    this.store.stmt(this.deleteSql).run(key);
    this.store.changed(this.def.table);
  }

  deleteWhere(where: Where<T>): number {
    const w = this.where(where);
    const n = this.store.stmt(`DELETE FROM ${this.def.table}${w.sql}`).run(...w.args).changes;
    this.store.changed(this.def.table);
    return n;
  }
}
