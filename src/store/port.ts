// The storage port: what resources, the engine and the admin API see of storage. Repositories are
// asynchronous and typed by table; work runs as a unit of work, `store.run(mode, async (tx) => …)`,
// with the repositories of that unit in `tx`. Only store/<backend>/ knows a dialect.
//
// Guarantees every back end keeps (the contract suite checks them):
//  - a 'write' unit is atomic and isolated: it commits whole or not at all, and no other unit sees
//    it half done; the caller is answered after it is durable;
//  - concurrent 'write' units behave as if run one after another (no lost update, no two units
//    acting on the same stale read);
//  - a 'read' unit sees only committed state.

export type Scalar = string | number | boolean;

export interface Range {
  gt?: number;
  gte?: number;
  lt?: number;
  lte?: number;
}

/** Equality, a list of values (IN), or, for numeric columns, a range. */
export type Where<T> = { [K in keyof T]?: T[K] | readonly T[K][] | (T[K] extends number ? Range : never) };

export interface FindOptions<T> {
  orderBy?: (keyof T & string)[];
  limit?: number;
  offset?: number;
  /**
   * The rows are taken for this unit: a back end shared by several nodes locks them and leaves out
   * rows another unit holds (due transitions, completed by one node only). Others ignore it.
   */
  claim?: boolean;
}

export interface Repo<T> {
  get(key: string): Promise<T | undefined>;
  find(where: Where<T>, opts?: FindOptions<T>): Promise<T[]>;
  /** Rows whose numeric `column` lies in `range` (the engine's due transitions; usable on generic rows). */
  findRange(column: keyof T & string, range: Range, opts?: FindOptions<T>): Promise<T[]>;
  count(where: Where<T>): Promise<number>;
  /** The smallest value of a numeric column within `range`, or undefined when no row has one there. */
  min(column: keyof T & string, range: Range): Promise<number | undefined>;
  insert(row: T): Promise<void>;
  update(row: T): Promise<void>;
  delete(key: string): Promise<void>;
  deleteWhere(where: Where<T>): Promise<number>;
}

/** An index a table has; the adapter uses it for any query whose condition fixes its first column. */
export interface IndexDef<T> {
  /** Its name in every dialect's migrations (the SQLite adapter checks at start that it exists). */
  name: string;
  columns: readonly (keyof T & string)[];
  /**
   * The index narrows a query to a handful of rows, so a query that fixes its first column must use
   * it even when the planner would rather walk another index for the sort order (SQLite does, and
   * scans every row of an account: measured 34 ms at 100k interfaces against 0.2 ms).
   */
  selective?: boolean;
}

export interface TableDef<T> {
  table: string;
  key: keyof T & string;
  columns: readonly (keyof T & string)[];
  /** Columns stored as 0/1 and read back as booleans. */
  booleans?: readonly (keyof T & string)[];
  indexes?: readonly IndexDef<T>[];
  /** The API resource type a row is (metrics, listings); tables of bookkeeping have none. */
  resourceType?: string;
  /** Rows of the emulator itself (saved snapshots), not of the emulated cloud: never exported, imported or reset. */
  system?: boolean;
  /** Columns that hold one of a closed set of values (statuses): rows imported from a snapshot are checked against them. */
  values?: { readonly [K in keyof T]?: readonly string[] };
  /**
   * Columns whose row counts the store keeps current as rows change: a `count` whose condition
   * uses only these columns is answered from them at once, not by counting rows (TotalCount of an
   * unfiltered or status-filtered listing of a million rows).
   */
  counted?: readonly (keyof T & string)[];
}

/** A table definition whose row type is not known at this point (module lists, dumps). */
export interface AnyTableDef {
  readonly table: string;
  readonly key: string;
  readonly columns: readonly string[];
  readonly booleans?: readonly string[];
  readonly indexes?: readonly { readonly name: string; readonly columns: readonly string[]; readonly selective?: boolean }[];
  readonly resourceType?: string;
  readonly system?: boolean;
  readonly values?: { readonly [column: string]: readonly string[] | undefined };
  readonly counted?: readonly string[];
}

/** The repositories of one unit of work. */
export interface Tx {
  repo<T>(def: TableDef<T>): Repo<T>;
}

export type Mode = 'read' | 'write';

/** One numbered schema change of one module, in one dialect. Append only: a released one never changes. */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export interface ModuleSchema {
  module: string;
  tables: readonly AnyTableDef[];
  /** SQLite's migrations (also the reference for upgrading rows exported at an older schema). */
  migrations: readonly Migration[];
  /** PostgreSQL's, with the same version numbers. */
  postgresMigrations?: readonly Migration[];
}

export type Rows = Record<string, Record<string, Scalar>[]>;

export interface ExportChunk {
  table: string;
  columns: readonly string[];
  rows: Scalar[][];
}

export interface ImportChunk {
  table: string;
  rows: Record<string, Scalar>[];
}

/**
 * The store cannot serve right now: the disk is full, the database file is damaged, the disk
 * fails. The gateway answers ServiceUnavailable (503) with this message; health reports not ready.
 */
export class StoreUnavailable extends Error {
  constructor(
    message: string,
    readonly kind: 'full' | 'damaged' | 'io' | 'unreachable',
  ) {
    super(message);
  }
}

/** Whether the store serves; when not, why (the health endpoint shows it). */
export interface StoreHealth {
  ready: boolean;
  reason?: string;
}

export interface Store {
  readonly kind: string;
  /**
   * Runs `fn` as one unit of work. Writes are serialized (and may share a commit); reads run at once.
   * A `lazy` write need not survive a power cut (bookkeeping that is redone or harmless to lose:
   * settling due transitions, read nonces): a commit of lazy units alone does not wait for the disk.
   */
  run<R>(mode: Mode, fn: (tx: Tx) => Promise<R>, opts?: { lazy?: boolean }): Promise<R>;
  /** Called after a write to `table` (undefined: any table may have changed: a rollback, a replace). */
  onChange(listener: (table: string | undefined) => void): void;
  /**
   * Runs before every write unit (the transition engine settles due work there): inside it, or, on
   * a back end shared by several nodes, in a transaction of its own just before it (settling inside
   * every unit would make every two concurrent units of two nodes conflict over the due rows).
   */
  onBeforeWrite(hook: (tx: Tx) => Promise<void>): void;
  /**
   * Called after every attempt to commit write units: whether it committed. When not (a full disk,
   * or the lone unit of a group failed and took the group's transaction with it), nothing of the
   * group was kept, what the write hooks did included: they must redo it. `tx` is the unit's (the
   * group's) Tx, as the hooks saw it.
   */
  onCommit(listener: (ok: boolean, tx?: Tx) => void): void;
  /** Whether the store serves, and why not. */
  health(): StoreHealth;
  /** How many rows a table holds (status, listings). */
  count(def: AnyTableDef): Promise<number>;
  /** Row counts by `status` of one table (metrics). */
  countByStatus(def: AnyTableDef): Promise<{ status: string; n: number }[]>;
  /** Every row of every state table of the schema, by table name (tests, small snapshots). */
  dump(): Promise<Rows>;
  /**
   * Every row of every state table, table by table in chunks of arrays (in `columns` order), from
   * a consistent copy taken first: memory stays flat however large the store (streamed export).
   * A table without rows still yields one empty chunk.
   */
  exportChunks(chunkRows?: number): AsyncIterable<ExportChunk>;
  /** Replaces the rows of every state table (but those in `keep`) with `tables`, in one unit. */
  replace(tables: Rows, keep?: readonly string[]): Promise<void>;
  /**
   * The same from chunks that arrive over time (a streamed import), in one unit: every row is
   * checked as it comes (unknown tables or columns, types, closed sets); any problem, or an error
   * of the source, undoes it all.
   */
  replaceChunks(
    chunks: AsyncIterable<ImportChunk> | Iterable<ImportChunk>,
    keep?: readonly string[],
  ): Promise<{ tables: number; rows: number }>;
  /** Why rows exported at schema `from` (module -> version) cannot be brought to this store's, or undefined. */
  upgradeRefusal(from: Record<string, number>): string | undefined;
  /** Rows exported at an older schema `from`, migrated to this store's schema (streamed). */
  upgradeChunks(from: Record<string, number>, chunks: AsyncIterable<ImportChunk> | Iterable<ImportChunk>): AsyncIterable<ImportChunk>;
  /** The applied migrations, by module. */
  schema(): Record<string, number>;
  close(): Promise<void>;
}
