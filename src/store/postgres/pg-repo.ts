// A typed repository over one PostgreSQL table, inside one unit of work (one connection in one
// transaction): the SQL of get/insert/update/delete built once per table, conditions compiled to
// numbered parameters, booleans stored as 0/1 (as in SQLite, so snapshots carry the same values).
// No rows are kept between units: another node may change any row at any time, so every read goes
// to the database. `claim` on a find locks the rows it returns: in a lazy unit (a node's wake-up
// settling due transitions) it skips those another unit holds (FOR UPDATE SKIP LOCKED), so each
// due transition is taken by one node; in a request's unit it waits for them (FOR UPDATE).
// Known gaps: no maintained counts (a count is COUNT(*) over the best index the planner finds), and
// pages far into a listing use OFFSET.
import type { FindOptions, Range, Repo, Scalar, TableDef, Where } from '../port.js';

/** What a repository needs of its unit: a query on the unit's connection, and a note of what changed. */
export interface PgSession {
  query(text: string, values: readonly unknown[], name?: string): Promise<{ rows: Record<string, unknown>[]; rowCount: number | null }>;
  changed(table: string): void;
  /** A unit of bookkeeping (the wake-up that settles due transitions): claims skip rows others hold. */
  lazy: boolean;
  /** Called before each write; a promise when something must be done first (the unit's savepoint). */
  beforeWrite(): Promise<unknown> | undefined;
}

/** The fixed SQL of one table, built once per definition. */
export class PgTableSql<T> {
  readonly cols: string;
  readonly insertSql: string;
  readonly updateSql: string;
  readonly getSql: string;
  readonly deleteSql: string;
  readonly bools: Set<string>;
  readonly columns: Set<string>;
  /** Update's columns, in parameter order (the key last). */
  readonly updateOrder: string[];

  constructor(readonly def: TableDef<T>) {
    const t = def.table;
    const q = (c: string): string => `"${c}"`;
    this.cols = def.columns.map(q).join(', ');
    this.insertSql = `INSERT INTO ${t} (${this.cols}) VALUES (${def.columns.map((_, i) => `$${i + 1}`).join(', ')})`;
    this.updateOrder = [...def.columns.filter((c) => c !== def.key), def.key];
    this.updateSql = `UPDATE ${t} SET ${this.updateOrder
      .slice(0, -1)
      .map((c, i) => `${q(c)} = $${i + 1}`)
      .join(', ')} WHERE ${q(def.key)} = $${this.updateOrder.length}`;
    this.getSql = `SELECT ${this.cols} FROM ${t} WHERE ${q(def.key)} = $1`;
    this.deleteSql = `DELETE FROM ${t} WHERE ${q(def.key)} = $1`;
    this.bools = new Set(def.booleans ?? []);
    this.columns = new Set(def.columns);
  }
}

/** A number in the first row of a result (COUNT, MAX), 0 when there is none. */
export function numberAt(r: { rows: unknown[] }, column: string): number {
  const row = r.rows[0] as Record<string, unknown> | undefined;
  return Number(row?.[column] ?? 0);
}

function isRange(v: unknown): v is Range {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export class PgRepo<T> implements Repo<T> {
  constructor(
    private readonly s: PgSession,
    private readonly sql: PgTableSql<T>,
  ) {}

  private get def(): TableDef<T> {
    return this.sql.def;
  }

  private toRow(raw: Record<string, unknown>): T {
    for (const b of this.sql.bools) raw[b] = raw[b] === 1;
    // The row holds exactly the columns of TableDef<T>, which lists the fields of T.
    return raw as T;
  }

  private value(column: string, v: unknown): Scalar {
    return this.sql.bools.has(column) ? (v ? 1 : 0) : (v as Scalar);
  }

  private params(row: T, order: readonly string[]): Scalar[] {
    const r = row as Record<string, unknown>;
    return order.map((c) => this.value(c, r[c]));
  }

  private compile(where: Where<T>, args: Scalar[]): string {
    const parts: string[] = [];
    for (const [k, v] of Object.entries(where)) {
      if (v === undefined) continue;
      if (!this.sql.columns.has(k)) throw new Error(`unknown column ${this.def.table}.${k}`);
      if (Array.isArray(v)) {
        if (v.length === 0) {
          parts.push('FALSE');
          continue;
        }
        const marks = v.map((x) => {
          args.push(this.value(k, x));
          return `$${args.length}`;
        });
        parts.push(marks.length === 1 ? `"${k}" = ${marks[0] ?? ''}` : `"${k}" IN (${marks.join(', ')})`);
      } else if (isRange(v)) {
        this.range(k, v, parts, args);
      } else {
        args.push(this.value(k, v));
        parts.push(`"${k}" = $${args.length}`);
      }
    }
    return parts.length ? ` WHERE ${parts.join(' AND ')}` : '';
  }

  private range(k: string, v: Range, parts: string[], args: Scalar[]): void {
    for (const [op, bound] of [
      ['>', v.gt],
      ['>=', v.gte],
      ['<', v.lt],
      ['<=', v.lte],
    ] as const) {
      if (bound === undefined) continue;
      args.push(bound);
      parts.push(`"${k}" ${op} $${args.length}`);
    }
  }

  private tail(opts: FindOptions<T>, args: Scalar[]): string {
    let sql = '';
    if (opts.orderBy?.length) sql += ` ORDER BY ${opts.orderBy.map((c) => `"${c}"`).join(', ')}`;
    if (opts.limit !== undefined) {
      args.push(Math.max(0, Math.floor(opts.limit)), Math.max(0, Math.floor(opts.offset ?? 0)));
      sql += ` LIMIT $${args.length - 1} OFFSET $${args.length}`;
    }
    // A unit of bookkeeping leaves to another unit the rows it holds; a request's unit waits for
    // them (it must act on the state after their transition, and SERIALIZABLE then runs it again).
    if (opts.claim) sql += this.s.lazy ? ' FOR UPDATE SKIP LOCKED' : ' FOR UPDATE';
    return sql;
  }

  private async select(sql: string, args: Scalar[]): Promise<T[]> {
    const r = await this.s.query(sql, args);
    return r.rows.map((raw) => this.toRow(raw));
  }

  async get(key: string): Promise<T | undefined> {
    const r = await this.s.query(this.sql.getSql, [key], `get_${this.def.table}`);
    const raw = r.rows[0];
    return raw ? this.toRow(raw) : undefined;
  }

  find(where: Where<T>, opts: FindOptions<T> = {}): Promise<T[]> {
    const args: Scalar[] = [];
    const w = this.compile(where, args);
    return this.select(`SELECT ${this.sql.cols} FROM ${this.def.table}${w}${this.tail(opts, args)}`, args);
  }

  findRange(column: keyof T & string, range: Range, opts: FindOptions<T> = {}): Promise<T[]> {
    if (!this.sql.columns.has(column)) throw new Error(`unknown column ${this.def.table}.${column}`);
    const parts: string[] = [];
    const args: Scalar[] = [];
    this.range(column, range, parts, args);
    const w = parts.length ? ` WHERE ${parts.join(' AND ')}` : '';
    return this.select(`SELECT ${this.sql.cols} FROM ${this.def.table}${w}${this.tail(opts, args)}`, args);
  }

  async min(column: keyof T & string, range: Range): Promise<number | undefined> {
    if (!this.sql.columns.has(column)) throw new Error(`unknown column ${this.def.table}.${column}`);
    const parts: string[] = [];
    const args: Scalar[] = [];
    this.range(column, range, parts, args);
    const w = parts.length ? ` WHERE ${parts.join(' AND ')}` : '';
    const r = await this.s.query(`SELECT MIN("${column}") AS m FROM ${this.def.table}${w}`, args);
    const m = r.rows[0]?.m;
    return m === null || m === undefined ? undefined : Number(m);
  }

  async count(where: Where<T>): Promise<number> {
    const args: Scalar[] = [];
    const w = this.compile(where, args);
    const r = await this.s.query(`SELECT COUNT(*) AS n FROM ${this.def.table}${w}`, args);
    return numberAt(r, 'n');
  }

  async insert(row: T): Promise<void> {
    const first = this.s.beforeWrite();
    if (first) await first;
    await this.s.query(this.sql.insertSql, this.params(row, this.def.columns), `insert_${this.def.table}`);
    this.s.changed(this.def.table);
  }

  async update(row: T): Promise<void> {
    const first = this.s.beforeWrite();
    if (first) await first;
    await this.s.query(this.sql.updateSql, this.params(row, this.sql.updateOrder), `update_${this.def.table}`);
    this.s.changed(this.def.table);
  }

  async delete(key: string): Promise<void> {
    const first = this.s.beforeWrite();
    if (first) await first;
    await this.s.query(this.sql.deleteSql, [key], `delete_${this.def.table}`);
    this.s.changed(this.def.table);
  }

  async deleteWhere(where: Where<T>): Promise<number> {
    const first = this.s.beforeWrite();
    if (first) await first;
    const args: Scalar[] = [];
    const w = this.compile(where, args);
    const r = await this.s.query(`DELETE FROM ${this.def.table}${w}`, args);
    this.s.changed(this.def.table);
    return r.rowCount ?? 0;
  }
}
