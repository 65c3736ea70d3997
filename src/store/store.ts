// The storage interface the resources see: typed repositories over tables, synchronous reads,
// and writes that are queued and committed in groups (each caller is answered after the commit
// that holds its write). Only store/<backend>/ knows SQL.
//
// The repositories are synchronous on purpose: an action runs as one uninterrupted function
// inside its transaction, so two concurrent calls can never interleave their checks and writes.
// A networked back end (PostgreSQL) keeps that contract by serving the repositories from a
// write-through image and persisting each group in one transaction.

export type Scalar = string | number | boolean;

export interface Range {
  lte?: number;
  gt?: number;
}

export type Where<T> = { [K in keyof T]?: T[K] | readonly T[K][] | Range };

export interface FindOptions<T> {
  orderBy?: (keyof T & string)[];
  limit?: number;
  offset?: number;
  /** Name an index the query must use (SQLite `INDEXED BY`), when the planner would pick a worse one. */
  index?: string;
}

export interface Repo<T> {
  get(key: string): T | undefined;
  find(where: Where<T>, opts?: FindOptions<T>): T[];
  count(where: Where<T>, index?: string): number;
  insert(row: T): void;
  update(row: T): void;
  delete(key: string): void;
  deleteWhere(where: Where<T>): number;
}

export interface TableDef<T> {
  table: string;
  key: keyof T & string;
  columns: readonly (keyof T & string)[];
  booleans?: readonly (keyof T & string)[];
}

export interface Store {
  readonly kind: string;
  repo<T>(def: TableDef<T>): Repo<T>;
  /** Runs `fn` in a transaction now; for work that must not wait (settling due transitions, start-up). */
  transaction<R>(fn: () => R): R;
  /** Queues `fn`; it runs inside the next group's transaction, and resolves once that group is durable. */
  write<R>(fn: () => R): Promise<R>;
  /** Called after a write to `table` (undefined: any table, after a rollback or replace). */
  onChange(listener: (table: string | undefined) => void): void;
  /** Hook run at the start of every group transaction (the transition engine settles due work there). */
  onBeforeGroup(hook: () => void): void;
  /** Row counts by `status` of one table (metrics). */
  countByStatus(table: string): { status: string; n: number }[];
  /** Every row of every table, by table name (snapshots, tests). */
  dumpTables(): Record<string, Record<string, Scalar>[]>;
  /** Replaces the state tables' rows (but those in `keep`) in one transaction. */
  replaceTables(tables: Record<string, Record<string, Scalar>[]>, keep?: readonly string[]): void;
  schemaVersion(): number;
  close(): void;
}
