// A typed repository over one SQLite table: SQL of get/insert/update/delete built once, conditions
// compiled to parameterized SQL, booleans stored as 0/1, and the table's selective indexes named
// (`INDEXED BY`) whenever a condition fixes their first column.
// Listings stay flat as tables grow: a count over counted columns reads the maintained counts
// (counts.ts), and a page far into a listing starts from the key where it begins (found by a scan
// of the index alone, remembered until the table changes) instead of skipping rows one by one.
// Rows are kept once read (frozen: callers make changed copies, as they always have): building a
// row of 34 columns from SQLite cost 7 µs, so a listing reads only the keys of its page and takes
// the rows it already has from memory. A write through the repository updates the kept row; a
// rollback or a replace (the store's epoch) drops them all.
import type Database from 'better-sqlite3';
import type { FindOptions, Range, Repo, Scalar, TableDef, Where } from '../port.js';
import { countTableOf } from './counts.js';

/** What a repository needs of the store. */
export interface SqliteConnection {
  stmt(sql: string): Database.Statement;
  changed(table: string): void;
  /** Bumped at every change of the table (cached page starts of an older version are stale). */
  version(table: string): number;
  /** Bumped when changes are undone or made behind the repositories (a rollback, a replace): cached rows are stale. */
  epoch(): number;
}

/** Rows kept per repository (read again only when changed or pushed out). */
const ROWS = 4096;

/** Page starts remembered per repository (a few hundred listings paged far). */
const CURSORS = 256;

function isRange(v: unknown): v is Range {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export class SqliteRepo<T> implements Repo<T> {
  private readonly cols: string;
  private readonly insertSql: string;
  private readonly updateSql: string;
  private readonly getSql: string;
  private readonly deleteSql: string;
  private readonly bools: Set<string>;
  private readonly columns: Set<string>;
  private readonly counted: Set<string>;
  /** Where a page starts (its first row's order key), by query and offset, with the table version it holds for. */
  private readonly cursors = new Map<string, { version: number; key: Scalar[] | undefined }>();
  /** Rows read or written, by key, valid for the store's epoch `rowsEpoch`. */
  private rows = new Map<string, T>();
  private rowsEpoch = -1;
  private readonly keyOnlySql: (sql: string) => string;

  constructor(
    private readonly conn: SqliteConnection,
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
    this.columns = new Set(def.columns);
    this.counted = new Set(def.counted ?? []);
    this.keyOnlySql = (sql) => sql.replace(`SELECT ${this.cols} `, `SELECT "${def.key}" `);
  }

  /** The kept rows, emptied when the store's epoch moved on. */
  private kept(): Map<string, T> {
    const epoch = this.conn.epoch();
    if (epoch !== this.rowsEpoch) {
      this.rows = new Map();
      this.rowsEpoch = epoch;
    }
    return this.rows;
  }

  private keep(row: T): T {
    const rows = this.kept();
    const frozen = Object.freeze(row);
    const key = (row as Record<string, unknown>)[this.def.key] as string;
    rows.delete(key);
    if (rows.size >= ROWS) rows.delete(rows.keys().next().value as string);
    rows.set(key, frozen);
    return frozen;
  }

  /** The rows of these keys, in this order: the kept ones from memory, the others read in one query. */
  private byKeys(keys: string[]): T[] {
    const rows = this.kept();
    const missing = keys.filter((k) => !rows.has(k));
    if (missing.length > 0) {
      const sql = `SELECT ${this.cols} FROM ${this.def.table} WHERE "${this.def.key}" IN (${missing.map(() => '?').join(', ')})`;
      for (const raw of this.conn.stmt(sql).all(...missing) as Record<string, Scalar>[]) this.keep(this.toRow(raw));
    }
    const out: T[] = [];
    for (const k of keys) {
      const row = rows.get(k);
      if (row) out.push(row);
    }
    return out;
  }

  /** Runs a SELECT of the table's columns as a SELECT of its keys, then takes the rows by key. */
  private listed(sql: string, args: Scalar[]): T[] {
    // key-only statements are used for nothing else: plucked for good
    const keys = (
      this.conn
        .stmt(this.keyOnlySql(sql))
        .pluck(true)
        .all(...args) as Scalar[]
    ).map(String);
    return this.byKeys(keys);
  }

  /** Turns a stored row into T: the table's columns, with 0/1 read back as booleans. */
  private toRow(raw: Record<string, Scalar>): T {
    for (const b of this.bools) raw[b] = raw[b] === 1;
    // The row holds exactly the columns of TableDef<T>, which lists the fields of T.
    return raw as T;
  }

  private toParams(row: T): Record<string, Scalar> {
    const out: Record<string, Scalar> = {};
    const r = row as Record<string, unknown>;
    for (const c of this.def.columns) {
      const v = r[c];
      out[c] = typeof v === 'boolean' ? (v ? 1 : 0) : (v as Scalar);
    }
    return out;
  }

  private value(column: string, v: unknown): Scalar {
    return this.bools.has(column) ? (v ? 1 : 0) : (v as Scalar);
  }

  private compile(where: Where<T>): { sql: string; args: Scalar[]; fixed: Set<string> } {
    const parts: string[] = [];
    const args: Scalar[] = [];
    const fixed = new Set<string>();
    for (const [k, v] of Object.entries(where)) {
      if (v === undefined) continue;
      if (!this.columns.has(k)) throw new Error(`unknown column ${this.def.table}.${k}`);
      if (Array.isArray(v)) {
        if (v.length === 0) {
          parts.push('0');
          continue;
        }
        // one value as `=`: SQLite then walks an index in order instead of sorting what IN found
        parts.push(v.length === 1 ? `"${k}" = ?` : `"${k}" IN (${v.map(() => '?').join(', ')})`);
        for (const x of v) args.push(this.value(k, x));
        fixed.add(k);
      } else if (isRange(v)) {
        this.range(k, v, parts, args);
      } else {
        parts.push(`"${k}" = ?`);
        args.push(this.value(k, v));
        fixed.add(k);
      }
    }
    return { sql: parts.length ? ` WHERE ${parts.join(' AND ')}` : '', args, fixed };
  }

  private range(k: string, v: Range, parts: string[], args: Scalar[]): void {
    for (const [op, bound] of [
      ['>', v.gt],
      ['>=', v.gte],
      ['<', v.lt],
      ['<=', v.lte],
    ] as const) {
      if (bound === undefined) continue;
      parts.push(`"${k}" ${op} ?`);
      args.push(bound);
    }
  }

  /** `INDEXED BY` the first selective index whose first column the condition fixes (none when the key is fixed). */
  private hint(fixed: Set<string>): string {
    if (fixed.has(this.def.key)) return '';
    const ix = this.def.indexes?.find((i) => i.selective && fixed.has(i.columns[0] as string));
    return ix ? ` INDEXED BY ${ix.name}` : '';
  }

  private tail(opts: FindOptions<T>, args: Scalar[]): string {
    let sql = '';
    if (opts.orderBy?.length) sql += ` ORDER BY ${opts.orderBy.map((c) => `"${c}"`).join(', ')}`;
    if (opts.limit !== undefined) {
      sql += ' LIMIT ? OFFSET ?';
      args.push(Math.max(0, Math.floor(opts.limit)), Math.max(0, Math.floor(opts.offset ?? 0)));
    }
    return sql;
  }

  get(key: string): Promise<T | undefined> {
    const kept = this.kept().get(key);
    if (kept) return Promise.resolve(kept);
    const raw = this.conn.stmt(this.getSql).get(key) as Record<string, Scalar> | undefined;
    return Promise.resolve(raw ? this.keep(this.toRow(raw)) : undefined);
  }

  find(where: Where<T>, opts: FindOptions<T> = {}): Promise<T[]> {
    const w = this.compile(where);
    const order = opts.orderBy ?? [];
    if ((opts.offset ?? 0) > 0 && opts.limit !== undefined && order[order.length - 1] === this.def.key)
      return Promise.resolve(this.keyset(w, order, opts));
    const sql = `SELECT ${this.cols} FROM ${this.def.table}${this.hint(w.fixed)}${w.sql}${this.tail(opts, w.args)}`;
    return Promise.resolve(this.listed(sql, w.args));
  }

  /**
   * A page at an offset, ordered by columns ending with the key (so the order is total): the
   * order key of its first row, by a scan of the index alone (or remembered), then the rows from
   * there. SQLite's OFFSET reads every skipped row: 121 ms for page 1000 of a million.
   */
  private keyset(w: { sql: string; args: Scalar[]; fixed: Set<string> }, order: readonly string[], opts: FindOptions<T>): T[] {
    const cols = order.map((c) => `"${c}"`).join(', ');
    const base = `FROM ${this.def.table}${this.hint(w.fixed)}${w.sql}`;
    const offset = Math.max(0, Math.floor(opts.offset ?? 0));
    const id = `${base}|${cols}|${JSON.stringify(w.args)}|${offset}`;
    const version = this.conn.version(this.def.table);
    let start = this.cursors.get(id);
    if (!start || start.version !== version) {
      const row = this.conn.stmt(`SELECT ${cols} ${base} ORDER BY ${cols} LIMIT 1 OFFSET ?`).get(...w.args, offset) as
        Record<string, Scalar> | undefined;
      start = { version, key: row && order.map((c) => row[c] as Scalar) };
      if (this.cursors.size >= CURSORS) this.cursors.delete(this.cursors.keys().next().value as string);
      this.cursors.set(id, start);
    }
    if (!start.key) return [];
    const from = `(${cols}) >= (${order.map(() => '?').join(', ')})`;
    const sql = `SELECT ${this.cols} FROM ${this.def.table}${this.hint(w.fixed)}${w.sql ? `${w.sql} AND ${from}` : ` WHERE ${from}`} ORDER BY ${cols} LIMIT ?`;
    return this.listed(sql, [...w.args, ...start.key, Math.max(0, Math.floor(opts.limit ?? 0))]);
  }

  findRange(column: keyof T & string, range: Range, opts: FindOptions<T> = {}): Promise<T[]> {
    if (!this.columns.has(column)) throw new Error(`unknown column ${this.def.table}.${column}`);
    const parts: string[] = [];
    const args: Scalar[] = [];
    this.range(column, range, parts, args);
    const sql = `SELECT ${this.cols} FROM ${this.def.table}${parts.length ? ` WHERE ${parts.join(' AND ')}` : ''}${this.tail(opts, args)}`;
    return Promise.resolve(this.listed(sql, args));
  }

  min(column: keyof T & string, range: Range): Promise<number | undefined> {
    if (!this.columns.has(column)) throw new Error(`unknown column ${this.def.table}.${column}`);
    const parts: string[] = [];
    const args: Scalar[] = [];
    this.range(column, range, parts, args);
    const sql = `SELECT MIN("${column}") AS m FROM ${this.def.table}${parts.length ? ` WHERE ${parts.join(' AND ')}` : ''}`;
    const row = this.conn.stmt(sql).get(...args) as { m: number | null };
    return Promise.resolve(row.m ?? undefined);
  }

  count(where: Where<T>): Promise<number> {
    const w = this.compile(where);
    if (
      this.counted.size > 0 &&
      Object.entries(where).every(([k, v]) => v === undefined || (this.counted.has(k) && (Array.isArray(v) || !isRange(v))))
    ) {
      const row = this.conn.stmt(`SELECT COALESCE(SUM(n), 0) AS n FROM ${countTableOf(this.def)}${w.sql}`).get(...w.args) as { n: number };
      return Promise.resolve(row.n);
    }
    const row = this.conn.stmt(`SELECT COUNT(*) AS n FROM ${this.def.table}${this.hint(w.fixed)}${w.sql}`).get(...w.args) as { n: number };
    return Promise.resolve(row.n);
  }

  insert(row: T): Promise<void> {
    this.conn.stmt(this.insertSql).run(this.toParams(row));
    this.conn.changed(this.def.table);
    this.keep({ ...row });
    return Promise.resolve();
  }

  update(row: T): Promise<void> {
    const changes = this.conn.stmt(this.updateSql).run(this.toParams(row)).changes;
    this.conn.changed(this.def.table);
    const key = (row as Record<string, unknown>)[this.def.key] as string;
    if (changes > 0) this.keep({ ...row });
    else this.kept().delete(key);
    return Promise.resolve();
  }

  delete(key: string): Promise<void> {
    this.conn.stmt(this.deleteSql).run(key);
    this.conn.changed(this.def.table);
    this.kept().delete(key);
    return Promise.resolve();
  }

  deleteWhere(where: Where<T>): Promise<number> {
    const w = this.compile(where);
    const n = this.conn.stmt(`DELETE FROM ${this.def.table}${w.sql}`).run(...w.args).changes;
    this.conn.changed(this.def.table);
    if (n > 0) this.kept().clear();
    return Promise.resolve(n);
  }
}
