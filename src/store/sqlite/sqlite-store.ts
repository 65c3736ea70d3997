// SQLite back end (better-sqlite3): WAL, versioned migrations per module, synchronous=FULL by
// default so an acknowledged write survives a crash or power cut, and group commit: write units
// queued in the same turn of the event loop share one transaction and one fsync, each in its own
// savepoint, so one failing unit rolls back alone and every caller is answered after the commit.
//
// better-sqlite3 is synchronous, so every repository call resolves at once. A group therefore runs
// start to end in microtasks, and no request (an I/O callback) can run in between: write units are
// serialized, and a read never sees a group half done. Should a unit await something that really
// waits, reads arriving meanwhile are held until the group commits, so they still see only
// committed state.
//
// Damaged files are refused at start (integrity.ts: SQLite's quick check, and the count of
// commits against the state file beside the database). A disk that fills up or fails while
// serving makes units fail with StoreUnavailable (the gateway's 503) and health not ready until a
// commit succeeds again; nothing acknowledged is lost.
// Known gaps: one connection, so a long read delays writes (reads here are index lookups).
import Database from 'better-sqlite3';
import { mkdirSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import type {
  AnyTableDef,
  ExportChunk,
  ImportChunk,
  Mode,
  ModuleSchema,
  Rows,
  Scalar,
  Store,
  StoreHealth,
  TableDef,
  Tx,
  Repo,
} from '../port.js';
import type { StoreUnavailable } from '../port.js';
import { HostError } from '../../core/host-error.js';
import { checkBeforeOpen, checkCommits, checkFile, openFailure, storeFailure, writeState } from './integrity.js';
import { SqliteRepo, type SqliteConnection } from './sqlite-repo.js';
import type { ColumnType } from '../check-rows.js';
import { exportFrom, importInto } from './snapshot-io.js';
import { installCounts } from './counts.js';
import { applyMigrations } from './migrate.js';
import { upgradeChunks, upgradeRefusal } from './upgrade.js';

/** SQLite's synchronous levels: full survives a power cut, normal a crash of the process, off neither. */
export type Durability = 'full' | 'normal' | 'off';

export interface SqliteOptions {
  /** A file path, or ':memory:'. */
  path: string;
  durability?: Durability;
  schema: readonly ModuleSchema[];
  /** Start even when the database lost acknowledged commits (integrity.ts); `dataLoss` then says what was lost. */
  acceptDataLoss?: boolean;
}

/** How soon after a commit the state file beside the database is rewritten. */
const STATE_WRITE_DELAY_MS = 200;

interface Pending {
  fn: (tx: Tx) => Promise<unknown>;
  lazy: boolean;
  resolve: (v: unknown) => void;
  reject: (e: unknown) => void;
}

export class SqliteStore implements Store, SqliteConnection {
  readonly kind = 'sqlite';
  readonly db: Database.Database;
  private readonly statements = new Map<string, Database.Statement>();
  /** Repositories by table definition (a definition is a constant of its module). */
  private readonly repos = new WeakMap<object, Repo<unknown>>();
  private readonly tables: readonly AnyTableDef[];
  private readonly tx: Tx = { repo: <T>(def: TableDef<T>): Repo<T> => this.repoOf(def) };
  private queue: Pending[] = [];
  private scheduled = false;
  /** Resolves when the group being committed is done (reads wait on it). */
  private group: Promise<void> | undefined;
  private hooks: ((tx: Tx) => Promise<void>)[] = [];
  private changeListeners: ((table: string | undefined) => void)[] = [];
  private applied: Record<string, number> = {};
  private commitListeners: ((ok: boolean, tx?: Tx) => void)[] = [];
  /** Changes per table, and changes to any table (a rollback, a replace), for caches of query results. */
  private readonly versions = new Map<string, number>();
  private anyChange = 0;
  /** Commits acknowledged (kept in the database itself, in localvpc_commits). */
  private commits = 0;
  /** Why the store does not serve now (a full or failing disk clears with the next commit; damage does not). */
  private problem: StoreUnavailable | undefined;
  private stateTimer: NodeJS.Timeout | undefined;
  /** Set when the store started on --accept-data-loss with commits missing: what was lost. */
  readonly dataLoss: string | undefined;
  /** SQLite's synchronous level for commits that must survive (lazy ones commit with OFF). */
  private readonly durability: string;
  private readonly durable: boolean;

  constructor(private readonly opts: SqliteOptions) {
    const file = opts.path !== ':memory:';
    const accept = opts.acceptDataLoss ?? false;
    this.durability = (opts.durability ?? 'full').toUpperCase();
    this.durable = file && this.durability !== 'OFF';
    if (file) mkdirSync(dirname(opts.path), { recursive: true });
    const { state, untouched } = file ? checkBeforeOpen(opts.path, accept) : { state: undefined, untouched: false };
    try {
      this.db = new Database(opts.path);
      if (file) {
        // The server holds its database alone (the data directory's lock sees to it): no file lock
        // taken and released around every statement, and the WAL index in memory.
        this.db.pragma('locking_mode = EXCLUSIVE');
        this.db.pragma('journal_mode = WAL');
        checkFile(this.db, opts.path, untouched);
      }
      this.db.pragma(`synchronous = ${this.durability}`);
      this.db.pragma('foreign_keys = ON');
      this.tables = opts.schema.flatMap((m) => m.tables);
      this.migrate();
      this.checkIndexes();
      installCounts(this.db, this.tables);
      this.db.exec('CREATE TABLE IF NOT EXISTS localvpc_commits (id INTEGER PRIMARY KEY CHECK (id = 1), n INTEGER NOT NULL)');
      this.db.exec('INSERT OR IGNORE INTO localvpc_commits (id, n) VALUES (1, 0)');
    } catch (e) {
      (this as { db?: Database.Database }).db?.close(); // opened before it failed
      if (e instanceof HostError) throw e;
      throw openFailure(opts.path, e) ?? e;
    }
    this.commits = (this.db.prepare('SELECT n FROM localvpc_commits WHERE id = 1').get() as { n: number }).n;
    if (file) {
      try {
        checkCommits(opts.path, state, this.commits, accept);
      } catch (e) {
        this.db.close();
        throw e;
      }
      this.dataLoss =
        state && this.commits < state.commits ? `${state.commits - this.commits} acknowledged commits were lost (accepted)` : undefined;
      this.saveState(false);
    }
  }

  /** Rewrites the state file beside the database (file stores only). */
  private saveState(clean: boolean, pageCount = this.db.pragma('page_count', { simple: true }) as number): void {
    if (this.opts.path === ':memory:') return;
    try {
      const bytes = clean ? statSync(this.opts.path).size : 0;
      writeState(this.opts.path, { commits: this.commits, pageCount, clean, bytes });
    } catch {
      // a full disk: the file keeps an older count, which never claims too much
    }
  }

  private stateSoon(): void {
    if (this.stateTimer || this.opts.path === ':memory:') return;
    this.stateTimer = setTimeout(() => {
      this.stateTimer = undefined;
      if (this.db.open) this.saveState(false);
    }, STATE_WRITE_DELAY_MS);
    this.stateTimer.unref();
  }

  onCommit(listener: (ok: boolean, tx?: Tx) => void): void {
    this.commitListeners.push(listener);
  }

  health(): StoreHealth {
    return this.problem ? { ready: false, reason: this.problem.message } : { ready: true };
  }

  /** A SQLite error that means the store cannot serve: recorded for health, returned in its serving form. */
  private failed(e: unknown): unknown {
    const f = storeFailure(e);
    if (!f) return e;
    if (this.problem?.kind !== 'damaged') this.problem = f;
    return f;
  }

  private migrate(): void {
    this.applied = applyMigrations(this.db, this.opts.schema);
  }

  /** Every index a table definition declares must exist: the adapter names them in queries. */
  private checkIndexes(): void {
    const have = new Set(
      (this.db.prepare("SELECT name FROM sqlite_master WHERE type = 'index'").all() as { name: string }[]).map((r) => r.name),
    );
    for (const t of this.tables) {
      for (const ix of t.indexes ?? []) {
        if (!have.has(ix.name)) throw new Error(`table ${t.table} declares index ${ix.name}, which no migration creates`);
      }
    }
  }

  schema(): Record<string, number> {
    return { ...this.applied };
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

  private repoOf<T>(def: TableDef<T>): Repo<T> {
    const known = this.repos.get(def);
    if (known) return known as Repo<T>; // stored under this very definition, so of this T
    const r = new SqliteRepo<T>(this, def);
    this.repos.set(def, r);
    return r;
  }

  onChange(listener: (table: string | undefined) => void): void {
    this.changeListeners.push(listener);
  }

  changed(table: string | undefined): void {
    if (table === undefined) this.anyChange++;
    else this.versions.set(table, (this.versions.get(table) ?? 0) + 1);
    for (const l of this.changeListeners) l(table);
  }

  version(table: string): number {
    return (this.versions.get(table) ?? 0) + this.anyChange * 1e9;
  }

  epoch(): number {
    return this.anyChange;
  }

  onBeforeWrite(hook: (tx: Tx) => Promise<void>): void {
    this.hooks.push(hook);
  }

  run<R>(mode: Mode, fn: (tx: Tx) => Promise<R>, opts: { lazy?: boolean } = {}): Promise<R> {
    if (mode === 'read') {
      const p = this.group ? this.afterGroup(fn) : fn(this.tx);
      return p.catch((e: unknown) => {
        throw this.failed(e);
      });
    }
    return new Promise<R>((resolve, reject) => {
      this.queue.push({ fn, lazy: opts.lazy ?? false, resolve: resolve as (v: unknown) => void, reject });
      this.schedule();
    });
  }

  private async afterGroup<R>(fn: (tx: Tx) => Promise<R>): Promise<R> {
    while (this.group) await this.group;
    return fn(this.tx);
  }

  private schedule(): void {
    if (this.scheduled || this.group) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      this.group = this.flush().finally(() => {
        this.group = undefined;
        if (this.queue.length) this.schedule();
      });
    });
  }

  /** Runs every queued unit in one transaction, each in its own savepoint, then commits once. */
  private async flush(): Promise<void> {
    const batch = this.queue;
    this.queue = [];
    const results: { p: Pending; ok: boolean; value: unknown }[] = [];
    if (!this.db.open) {
      for (const p of batch) p.reject(new Error('the store is closed'));
      return;
    }
    // A group of lazy units alone commits without waiting for the disk (see Store.run).
    const lazy = this.durable && batch.every((p) => p.lazy);
    // A group of one needs no savepoint: if its unit fails, the whole transaction rolls back
    // (what the hooks did with it is redone: see onCommit).
    const alone = batch.length === 1;
    let failedAlone: { p: Pending; error: unknown } | undefined;
    try {
      if (lazy) this.db.pragma('synchronous = OFF');
      this.stmt('BEGIN IMMEDIATE').run();
      for (const h of this.hooks) await h(this.tx);
      for (const p of batch) {
        if (!alone) this.stmt('SAVEPOINT w').run();
        try {
          const value = await p.fn(this.tx);
          if (!alone) this.stmt('RELEASE w').run();
          results.push({ p, ok: true, value });
        } catch (e) {
          if (alone) {
            failedAlone = { p, error: e };
            throw e;
          }
          this.stmt('ROLLBACK TO w').run();
          this.stmt('RELEASE w').run();
          this.changed(undefined);
          results.push({ p, ok: false, value: this.failed(e) });
        }
      }
      this.stmt('UPDATE localvpc_commits SET n = n + 1 WHERE id = 1').run();
      this.stmt('COMMIT').run();
    } catch (e) {
      try {
        if (this.db.inTransaction) this.stmt('ROLLBACK').run();
      } catch {
        // SQLite rolls back by itself when it cannot
      }
      this.changed(undefined);
      if (failedAlone) {
        // The unit's own failure (its answer), not the store's: the store serves on.
        failedAlone.p.reject(this.failed(failedAlone.error));
        for (const l of this.commitListeners) l(false, this.tx);
        return;
      }
      const err = this.failed(e);
      for (const p of batch) p.reject(err);
      for (const l of this.commitListeners) l(false, this.tx);
      return;
    } finally {
      if (lazy && this.db.open) this.db.pragma(`synchronous = ${this.durability}`);
    }
    this.commits++;
    if (this.problem && this.problem.kind !== 'damaged') this.problem = undefined;
    this.stateSoon();
    for (const r of results) (r.ok ? r.p.resolve : r.p.reject)(r.value);
    for (const l of this.commitListeners) l(true, this.tx);
  }

  count(def: AnyTableDef): Promise<number> {
    return Promise.resolve((this.stmt(`SELECT COUNT(*) AS n FROM ${def.table}`).get() as { n: number }).n);
  }

  countByStatus(def: AnyTableDef): Promise<{ status: string; n: number }[]> {
    return Promise.resolve(
      this.stmt(`SELECT status, COUNT(*) AS n FROM ${def.table} GROUP BY status`).all() as { status: string; n: number }[],
    );
  }

  private stateTables(): AnyTableDef[] {
    return this.tables.filter((t) => !t.system);
  }

  async dump(): Promise<Rows> {
    while (this.group) await this.group;
    const out: Rows = {};
    for (const t of this.stateTables()) {
      // booleans stay 0/1, as snapshots have always carried them
      out[t.table] = this.db.prepare(`SELECT ${t.columns.map((c) => `"${c}"`).join(', ')} FROM ${t.table} ORDER BY rowid`).all() as Record<
        string,
        Scalar
      >[];
    }
    return out;
  }

  async *exportChunks(chunkRows = 1000): AsyncGenerator<ExportChunk> {
    while (this.group) await this.group;
    yield* exportFrom(this.db, this.stateTables(), chunkRows);
  }

  upgradeRefusal(from: Record<string, number>): string | undefined {
    return upgradeRefusal(this.opts.schema, from);
  }

  upgradeChunks(from: Record<string, number>, chunks: AsyncIterable<ImportChunk> | Iterable<ImportChunk>): AsyncIterable<ImportChunk> {
    return upgradeChunks(this.opts.schema, from, chunks);
  }

  async replace(tables: Rows, keep: readonly string[] = []): Promise<void> {
    await this.replaceChunks(
      Object.entries(tables).map(([table, rows]) => ({ table, rows })),
      keep,
    );
  }

  async replaceChunks(
    chunks: AsyncIterable<ImportChunk> | Iterable<ImportChunk>,
    keep: readonly string[] = [],
  ): Promise<{ tables: number; rows: number }> {
    const tables = new Map(this.stateTables().map((t) => [t.table, t]));
    try {
      return await this.run('write', () =>
        importInto({ db: this.db, stmt: (sql) => this.stmt(sql), tables, columnTypes: (name) => this.columnTypes(name) }, chunks, keep),
      );
    } finally {
      this.changed(undefined);
    }
  }

  /** The columns of a table as its migrations declared them (SQLite's type affinity rules). */
  private columnTypes(table: string): Map<string, ColumnType> {
    const info = this.db.prepare(`PRAGMA table_info(${table})`).all() as {
      name: string;
      type: string;
      notnull: number;
      dflt_value: unknown;
      pk: number;
    }[];
    const family = (t: string): ColumnType['type'] => (/INT/i.test(t) ? 'integer' : /REAL|FLOA|DOUB/i.test(t) ? 'real' : 'text');
    return new Map(info.map((c) => [c.name, { type: family(c.type), required: c.pk > 0 || (c.notnull === 1 && c.dflt_value === null) }]));
  }

  async close(): Promise<void> {
    while (this.group || this.queue.length || this.scheduled) await (this.group ?? new Promise((r) => setImmediate(r)));
    if (this.stateTimer) clearTimeout(this.stateTimer);
    if (!this.db.open) return;
    const pages = this.db.pragma('page_count', { simple: true }) as number;
    this.db.close(); // checkpoints the write-ahead log into the file
    this.saveState(true, pages);
  }
}
