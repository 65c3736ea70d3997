// PostgreSQL back end (node-postgres, a pool): the store of a deployment of several LocalVPC nodes
// on one database, or of one node on a database its team already runs.
//
// Units of work: a read is one REPEATABLE READ READ ONLY transaction (one consistent view). Write
// units queued in one turn of the event loop run as a group, one after another, in one
// SERIALIZABLE transaction (a savepoint before a unit's first write, so a failing unit rolls back
// alone) with one commit, run again from the start when PostgreSQL reports a serialization failure
// or a deadlock. SERIALIZABLE keeps the port's promise that write units behave as if run one after
// another without the engine naming the rows it will touch: two nodes checking "fewer than 5
// interfaces on this router" or "this pair is Idle" and then writing cannot both commit (see
// docs/architecture.md, "Several nodes on PostgreSQL"). The write hooks (settling due
// transitions) run just before each group in a REPEATABLE READ transaction of their own, claiming
// due rows with SKIP LOCKED, so that groups of different nodes do not conflict over them.
//
// Commits: the unit's marker row (`localvpc_units`), the NOTIFY of the tables it changed and the
// COMMIT go in one round trip. When the connection drops during that round trip the outcome is
// unknown: the store waits for the old session to be gone, then looks for the marker. Found: the
// unit committed and its caller is answered. Absent: it did not, and it runs again. Still unknown
// after COMMIT_OUTCOME_MS: the caller gets ServiceUnavailable saying so; a write is never applied
// twice.
//
// Other nodes' changes arrive by LISTEN/NOTIFY: `onChange` listeners hear them (the callers'
// cache drops a disabled key within milliseconds), and `onRemoteChange` lets the transition
// engine look at due times again. A lost listener connection reconnects and reports "anything may
// have changed".
//
// Known gaps: no row cache and no maintained counts (SQLite's tricks for a million rows); the
// `durability` setting does not apply (PostgreSQL's own synchronous_commit does; lazy units commit
// with synchronous_commit off).
import type pg from 'pg';
import { randomUUID } from 'node:crypto';
import type {
  AnyTableDef,
  ExportChunk,
  ImportChunk,
  Mode,
  ModuleSchema,
  Repo,
  Rows,
  Scalar,
  Store,
  StoreHealth,
  TableDef,
  Tx,
} from '../port.js';
import { type StoreUnavailable } from '../port.js';
import { HostError } from '../../core/host-error.js';
import { numberAt, PgRepo, PgTableSql, type PgSession } from './pg-repo.js';
import { applyPgMigrations } from './pg-migrate.js';
import { isConnectionError, isRetryable, unreachable } from './pg-failure.js';
import { exportFromPg, importIntoPg } from './pg-snapshot.js';
import { upgradeChunks, upgradeRefusal } from '../sqlite/upgrade.js';

export interface PostgresOptions {
  /** postgres://user:password@host:port/database */
  url: string;
  schema: readonly ModuleSchema[];
  /** Connections in the pool (default 10). */
  poolSize?: number;
}

/** Attempts of a write unit that keeps meeting serialization failures. */
const MAX_ATTEMPTS = 50;
/** How long a commit whose connection dropped may take to find out whether it committed. */
const COMMIT_OUTCOME_MS = 15_000;
/** How often the health of a failing database is probed. */
const PROBE_MS = 500;
/** Commit markers older than this are purged (a commit's outcome is looked up within seconds). */
const UNIT_RETENTION_MS = 3_600_000;
const CHANNEL = 'localvpc_changes';

/** node-postgres and its type parsers (bigint, int8, as a number: epochs, counts and sentinels are within 2^53). */
interface Driver {
  lib: typeof pg;
  types: { getTypeParser: typeof pg.types.getTypeParser };
}

let driver: Driver | undefined;

/** Loads node-postgres when a PostgreSQL store opens: a SQLite or in-memory server never loads it (start time, idle memory). */
async function loadDriver(): Promise<Driver> {
  if (!driver) {
    const lib = (await import('pg')).default;
    const builtin = lib.types.getTypeParser as (oid: number, format?: 'text' | 'binary') => (v: string) => unknown;
    const getTypeParser = ((oid: number, format?: 'text' | 'binary') =>
      oid === 20 ? (v: string) => Number(v) : builtin(oid, format)) as typeof lib.types.getTypeParser;
    driver = { lib, types: { getTypeParser } };
  }
  return driver;
}

/** Units per group at most (each writing one takes a savepoint: PostgreSQL keeps 64 per transaction cheaply). */
const MAX_GROUP = 48;

/** The unit being run in a group, and whether it took its savepoint. */
interface Group {
  unit: { saved: boolean } | undefined;
  /** Every unit takes a savepoint first (after a statement failed in a unit without one). */
  careful: boolean;
}

/** The group must run again (with a savepoint before every unit). */
class RunAgain extends Error {}

/** An error PostgreSQL reported for a statement (the transaction is aborted until a rollback). */
function isStatementError(e: unknown): boolean {
  return typeof (e as { code?: unknown } | undefined)?.code === 'string' && typeof (e as { severity?: unknown }).severity === 'string';
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** The database named in a URL, without the password (logs, status). */
export function describePgUrl(url: string): string {
  try {
    const u = new URL(url);
    u.password = '';
    return u.toString().replace(/:@/, '@');
  } catch {
    return 'postgres://(unparsable)';
  }
}

export class PostgresStore implements Store {
  readonly kind = 'postgres';
  /** This process among the nodes (notifications it sent are not heard twice). */
  readonly node = `${process.pid}-${randomUUID().slice(0, 8)}`;
  readonly pool: pg.Pool;
  private readonly sql = new WeakMap<object, PgTableSql<unknown>>();
  private readonly tables: readonly AnyTableDef[];
  private hooks: ((tx: Tx) => Promise<void>)[] = [];
  private changeListeners: ((table: string | undefined) => void)[] = [];
  private remoteListeners: ((tables: string[] | undefined) => void)[] = [];
  private channelListeners = new Map<string, ((payload: string) => void)[]>();
  private commitListeners: ((ok: boolean, tx?: Tx) => void)[] = [];
  /** Write units waiting for the next group. */
  private queue: { fn: (tx: Tx) => Promise<unknown>; lazy: boolean; resolve: (v: unknown) => void; reject: (e: unknown) => void }[] = [];
  private scheduled = false;
  private flushing = false;
  private applied: Record<string, number> = {};
  private problem: StoreUnavailable | undefined;
  private probe: NodeJS.Timeout | undefined;
  private purge: NodeJS.Timeout | undefined;
  private listener: pg.Client | undefined;
  private listenRetry: NodeJS.Timeout | undefined;
  private closed = false;

  private constructor(
    private readonly opts: PostgresOptions,
    private readonly driver: Driver,
  ) {
    this.tables = opts.schema.flatMap((m) => m.tables);
    this.pool = new driver.lib.Pool({
      connectionString: opts.url,
      max: opts.poolSize ?? 10,
      connectionTimeoutMillis: 3000,
      types: driver.types,
      application_name: 'localvpc',
    });
    // An idle connection that dies (the server restarts) is dropped from the pool; the next unit opens another.
    this.pool.on('error', (e) => this.down(e));
  }

  /** Connects, migrates (one node at a time), and starts listening for other nodes' changes. */
  static async open(opts: PostgresOptions): Promise<PostgresStore> {
    const s = new PostgresStore(opts, await loadDriver());
    try {
      const client = await s.pool.connect();
      try {
        s.applied = await applyPgMigrations(client, opts.schema);
      } finally {
        client.release();
      }
      await s.listen();
    } catch (e) {
      await s.close().catch(() => undefined);
      if (isConnectionError(e)) throw new HostError(`cannot reach PostgreSQL at ${describePgUrl(opts.url)}: ${(e as Error).message}`);
      throw e;
    }
    s.purge = setInterval(() => {
      void s.pool.query('DELETE FROM localvpc_units WHERE at < $1', [Date.now() - UNIT_RETENTION_MS]).catch(() => undefined);
    }, 60_000);
    s.purge.unref();
    return s;
  }

  // ---- other nodes ----

  private async listen(): Promise<void> {
    if (this.closed) return;
    const c = new this.driver.lib.Client({
      connectionString: this.opts.url,
      types: this.driver.types,
      application_name: 'localvpc-listen',
    });
    c.on('error', () => this.relisten(c));
    c.on('end', () => this.relisten(c));
    c.on('notification', (n) => this.heard(n.channel, n.payload ?? ''));
    await c.connect();
    await c.query(`LISTEN ${CHANNEL}`);
    for (const ch of this.channelListeners.keys()) await c.query(`LISTEN ${ch}`);
    this.listener = c;
  }

  /** The listening connection is lost: listen again soon; anything may have changed meanwhile. */
  private relisten(c: pg.Client): void {
    if (this.listener !== c || this.closed) return;
    this.listener = undefined;
    c.end().catch(() => undefined);
    const again = (): void => {
      this.listenRetry = undefined;
      this.listen()
        .then(() => this.heard(CHANNEL, ''))
        .catch(() => {
          if (!this.closed) this.listenRetry = setTimeout(again, 500);
        });
    };
    this.listenRetry = setTimeout(again, 200);
    this.listenRetry.unref();
  }

  private heard(channel: string, payload: string): void {
    if (channel !== CHANNEL) {
      for (const l of this.channelListeners.get(channel) ?? []) l(payload);
      return;
    }
    const bar = payload.indexOf('|');
    if (bar >= 0 && payload.slice(0, bar) === this.node) return;
    const tables =
      bar >= 0
        ? payload
            .slice(bar + 1)
            .split(',')
            .filter(Boolean)
        : undefined;
    if (tables) for (const t of tables) this.emitChanged(t);
    else this.emitChanged(undefined);
    for (const l of this.remoteListeners) l(tables);
    // anything else listening (runtime state) re-reads too after a reconnect
    if (!tables) for (const ls of this.channelListeners.values()) for (const l of ls) l('');
  }

  /** Called when another node committed changes to `tables` (undefined: anything may have changed). */
  onRemoteChange(listener: (tables: string[] | undefined) => void): void {
    this.remoteListeners.push(listener);
  }

  /** Listens on a channel of its own (runtime state shared by the nodes); '' after a reconnect. */
  async subscribe(channel: string, listener: (payload: string) => void): Promise<void> {
    const first = !this.channelListeners.has(channel);
    this.channelListeners.set(channel, [...(this.channelListeners.get(channel) ?? []), listener]);
    if (first && this.listener) await this.listener.query(`LISTEN ${channel}`);
  }

  // ---- health ----

  health(): StoreHealth {
    return this.problem ? { ready: false, reason: this.problem.message } : { ready: true };
  }

  /** The database is gone: recorded for health, probed until it answers again. */
  private down(e: unknown): StoreUnavailable {
    const f = unreachable(e);
    this.problem ??= f;
    if (!this.probe && !this.closed) {
      this.probe = setInterval(() => {
        this.pool
          .query('SELECT 1')
          .then(() => this.up())
          .catch(() => undefined);
      }, PROBE_MS);
      this.probe.unref();
    }
    return f;
  }

  private up(): void {
    if (!this.problem) return;
    this.problem = undefined;
    if (this.probe) clearInterval(this.probe);
    this.probe = undefined;
    for (const l of this.commitListeners) l(true);
  }

  private async connect(): Promise<pg.PoolClient> {
    if (this.closed) throw new Error('the store is closed');
    try {
      return this.guarded(await this.pool.connect());
    } catch (e) {
      throw this.down(e);
    }
  }

  /** A connection of the pool for work of its own (runtime state); errors as StoreUnavailable when the database is away. */
  checkout(): Promise<pg.PoolClient> {
    return this.connect();
  }

  /**
   * A connection that fails between two queries (the server shuts down) emits 'error'; the pool
   * listens only while it is idle, so a checked-out one needs a listener of its own or the
   * process dies. Its next query fails, and the unit with it.
   */
  private guarded(c: pg.PoolClient): pg.PoolClient {
    if (!this.withListener.has(c)) {
      this.withListener.add(c);
      c.on('error', (e) => this.down(e));
    }
    return c;
  }

  private readonly withListener = new WeakSet<pg.PoolClient>();

  // ---- units of work ----

  private sqlOf<T>(def: TableDef<T>): PgTableSql<T> {
    let s = this.sql.get(def);
    if (!s) this.sql.set(def, (s = new PgTableSql(def as TableDef<unknown>)));
    return s;
  }

  private txOf(client: pg.ClientBase, changed: Set<string>, lazy = false, group?: Group, opening?: () => Promise<unknown> | undefined): Tx {
    const run = (text: string, values: readonly unknown[], name?: string) =>
      client.query(name ? { name, text, values: values as unknown[] } : { text, values: values as unknown[] });
    const session: PgSession = {
      query: (text, values, name) => {
        const first = opening?.();
        return first ? first.then(() => run(text, values, name)) : run(text, values, name);
      },
      changed: (t) => changed.add(t),
      lazy,
      beforeWrite: () => {
        const u = group?.unit;
        if (!u || u.saved) return undefined;
        u.saved = true;
        return client.query('SAVEPOINT w');
      },
    };
    return { repo: <T>(def: TableDef<T>): Repo<T> => new PgRepo<T>(session, this.sqlOf(def)) };
  }

  onChange(listener: (table: string | undefined) => void): void {
    this.changeListeners.push(listener);
  }

  private emitChanged(table: string | undefined): void {
    for (const l of this.changeListeners) l(table);
  }

  onBeforeWrite(hook: (tx: Tx) => Promise<void>): void {
    this.hooks.push(hook);
  }

  onCommit(listener: (ok: boolean, tx?: Tx) => void): void {
    this.commitListeners.push(listener);
  }

  private committed(ok: boolean, tx?: Tx): void {
    for (const l of this.commitListeners) l(ok, tx);
  }

  run<R>(mode: Mode, fn: (tx: Tx) => Promise<R>, opts: { lazy?: boolean } = {}): Promise<R> {
    if (mode === 'read') return this.read(fn);
    return new Promise<R>((resolve, reject) => {
      this.queue.push({ fn, lazy: opts.lazy ?? false, resolve: resolve as (v: unknown) => void, reject });
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.flushing || this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      this.flushing = true;
      void this.flush().finally(() => {
        this.flushing = false;
        if (this.queue.length > 0) this.schedule();
      });
    });
  }

  /**
   * The write units queued meanwhile, as one group: one SERIALIZABLE transaction, one commit. Units
   * of this node never run at once (they would only conflict with each other over the same due
   * rows); the group as a whole is run again when it conflicts with another node's. A unit that
   * writes takes a savepoint before its first write, so when it fails it rolls back alone; one that
   * fails before writing needs none (one round trip saved per read-only or refused unit). A unit
   * whose failed statement aborted the transaction without a savepoint makes the group run again
   * with a savepoint before every unit.
   */
  private async flush(): Promise<void> {
    const batch = this.queue.splice(0, MAX_GROUP);
    const lazy = batch.every((p) => p.lazy);
    const alone = batch.length === 1;
    const group: Group = { unit: undefined, careful: false };
    let results: { ok: boolean; value: unknown }[] = [];
    try {
      await this.beforeGroup();
      await this.write(
        async (tx, client) => {
          results = [];
          for (const p of batch) {
            group.unit = alone ? undefined : { saved: false };
            if (group.unit && group.careful) {
              group.unit.saved = true;
              await client.query('SAVEPOINT w');
            }
            try {
              results.push({ ok: true, value: await p.fn(tx) });
            } catch (e) {
              // the group's conflict or a lost connection: the whole group's, not this unit's
              if (alone || isRetryable(e) || isConnectionError(e)) throw e;
              if (group.unit?.saved) await client.query('ROLLBACK TO w');
              else if (isStatementError(e)) {
                group.careful = true;
                throw new RunAgain();
              }
              results.push({ ok: false, value: e });
            }
          }
          group.unit = undefined;
        },
        lazy,
        true,
        group,
      );
    } catch (e) {
      for (const p of batch) p.reject(e);
      return;
    }
    batch.forEach((p, i) => {
      const r = results[i];
      if (r?.ok) p.resolve(r.value);
      else p.reject(r?.value);
    });
  }

  private async read<R>(fn: (tx: Tx) => Promise<R>): Promise<R> {
    const client = await this.connect();
    let broken = false;
    try {
      await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      const value = await fn(this.txOf(client, new Set()));
      await client.query('COMMIT');
      this.up();
      return value;
    } catch (e) {
      broken = isConnectionError(e);
      if (!broken) await client.query('ROLLBACK').catch(() => undefined);
      throw broken ? this.down(e) : e;
    } finally {
      client.release(broken);
    }
  }

  /**
   * The write hooks (the transition engine settling what is due), in a transaction of their own just
   * before a group: REPEATABLE READ, due rows claimed with FOR UPDATE SKIP LOCKED, so nodes settling
   * at once take different rows, and the group's own SERIALIZABLE transaction neither reads the
   * due-time ranges every transitional write touches nor conflicts over due rows with the other
   * nodes' groups. The transaction begins only if a hook sends a query (nothing due: no round trip).
   */
  private async beforeGroup(): Promise<void> {
    if (this.hooks.length === 0) return;
    for (let attempt = 1; ; attempt++) {
      const client = await this.connect();
      const changed = new Set<string>();
      let begun: Promise<unknown> | undefined;
      const tx = this.txOf(client, changed, true, undefined, () => {
        if (begun) return undefined;
        begun = client.query('BEGIN ISOLATION LEVEL REPEATABLE READ; SET LOCAL synchronous_commit = off');
        return begun;
      });
      try {
        for (const h of this.hooks) await h(tx);
        if (begun) {
          const notify = changed.size > 0 ? `NOTIFY ${CHANNEL}, '${this.node}|${[...changed].join(',')}'; ` : '';
          await client.query(`${notify}COMMIT`);
        }
      } catch (e) {
        const broken = isConnectionError(e);
        if (begun && !broken) await client.query('ROLLBACK').catch(() => undefined);
        client.release(broken);
        this.committed(false, tx);
        if (broken) throw this.down(e);
        if (isRetryable(e) && attempt < MAX_ATTEMPTS) continue;
        return; // the group goes on; what is due is settled by the next one
      }
      client.release();
      if (begun) this.done(changed, undefined, tx);
      return;
    }
  }

  /** One transaction: SERIALIZABLE, run again on serialization failures (when `retry`: a streamed import cannot be). */
  private async write<R>(fn: (tx: Tx, client: pg.ClientBase) => Promise<R>, lazy: boolean, retry: boolean, group?: Group): Promise<R> {
    for (let attempt = 1; ; attempt++) {
      const client = await this.connect();
      const changed = new Set<string>();
      const unit = randomUUID();
      const pid = (client as unknown as { processID?: number }).processID;
      const tx = this.txOf(client, changed, lazy, group);
      let sent = false;
      let value: R | undefined;
      try {
        await client.query(
          lazy ? 'BEGIN ISOLATION LEVEL SERIALIZABLE; SET LOCAL synchronous_commit = off' : 'BEGIN ISOLATION LEVEL SERIALIZABLE',
        );
        value = await fn(tx, client);
        sent = true;
        await client.query(this.commitSql(unit, changed));
      } catch (e) {
        const broken = isConnectionError(e);
        if (!broken) await client.query('ROLLBACK').catch(() => undefined);
        client.release(broken);
        if (sent && broken) {
          const outcome = await this.outcome(unit, pid);
          if (outcome === 'committed') return this.done(changed, value as R, tx);
          this.committed(false, tx);
          if (outcome === 'unknown')
            throw this.down(
              new Error('the connection was lost while committing and the outcome is unknown; a retry with the same ClientToken is safe'),
            );
          if (retry && attempt < MAX_ATTEMPTS) continue; // not committed: safe to run again
          throw this.down(e);
        }
        this.committed(false, tx);
        // a connection that died idle in the pool (the server restarted): once more on a new one
        if (broken && retry && attempt < 3) continue;
        if (retry && (isRetryable(e) || e instanceof RunAgain) && attempt < MAX_ATTEMPTS) {
          await sleep(Math.random() * Math.min(50, 2 * attempt));
          continue;
        }
        throw broken ? this.down(e) : e;
      }
      client.release();
      return this.done(changed, value, tx);
    }
  }

  private done<R>(changed: Set<string>, value: R, tx: Tx): R {
    this.up();
    for (const t of changed) this.emitChanged(t);
    this.committed(true, tx);
    return value;
  }

  /** The marker, the notification and the commit, in one round trip (a simple query of three statements). */
  private commitSql(unit: string, changed: Set<string>): string {
    const notify = changed.size > 0 ? `NOTIFY ${CHANNEL}, '${this.node}|${[...changed].join(',')}'; ` : '';
    return `INSERT INTO localvpc_units (id, at) VALUES ('${unit}', ${Date.now()}); ${notify}COMMIT`;
  }

  /** Whether the unit whose commit lost its connection committed: once its session is gone, its marker says. */
  private async outcome(unit: string, pid: number | undefined): Promise<'committed' | 'absent' | 'unknown'> {
    const deadline = Date.now() + COMMIT_OUTCOME_MS;
    while (Date.now() < deadline && !this.closed) {
      try {
        const alive = pid === undefined ? 0 : (await this.pool.query('SELECT 1 FROM pg_stat_activity WHERE pid = $1', [pid])).rowCount;
        if (!alive) {
          const r = await this.pool.query('SELECT 1 FROM localvpc_units WHERE id = $1', [unit]);
          return r.rowCount ? 'committed' : 'absent';
        }
      } catch {
        // still unreachable
      }
      await sleep(200);
    }
    return 'unknown';
  }

  // ---- whole store ----

  private stateTables(): AnyTableDef[] {
    return this.tables.filter((t) => !t.system);
  }

  async count(def: AnyTableDef): Promise<number> {
    try {
      return numberAt(await this.pool.query(`SELECT COUNT(*) AS n FROM ${def.table}`), 'n');
    } catch (e) {
      throw isConnectionError(e) ? this.down(e) : e;
    }
  }

  async countByStatus(def: AnyTableDef): Promise<{ status: string; n: number }[]> {
    try {
      const r = await this.pool.query(`SELECT status, COUNT(*) AS n FROM ${def.table} GROUP BY status`);
      return (r.rows as { status: string; n: number }[]).map((x) => ({ status: x.status, n: Number(x.n) }));
    } catch (e) {
      throw isConnectionError(e) ? this.down(e) : e;
    }
  }

  async dump(): Promise<Rows> {
    const out: Rows = {};
    for await (const c of this.exportChunks(10_000)) {
      const rows = (out[c.table] ??= []);
      for (const r of c.rows) rows.push(Object.fromEntries(c.columns.map((col, i) => [col, r[i] as Scalar])));
    }
    return out;
  }

  async *exportChunks(chunkRows = 1000): AsyncGenerator<ExportChunk> {
    const client = await this.connect();
    let broken = false;
    try {
      yield* exportFromPg(client, this.stateTables(), chunkRows);
    } catch (e) {
      broken = isConnectionError(e);
      throw broken ? this.down(e) : e;
    } finally {
      client.release(broken);
    }
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
      // One unit, not run again on a serialization failure: the chunks of a stream come once.
      return await this.write(
        async (_tx, client) => {
          const r = await importIntoPg(client, tables, chunks, keep);
          return { tables: r.tables, rows: r.rows };
        },
        false,
        false,
      );
    } finally {
      this.emitChanged(undefined);
      // every other node drops what it holds and looks at due transitions again
      await this.pool.query(`NOTIFY ${CHANNEL}, ''`).catch(() => undefined);
    }
  }

  schema(): Record<string, number> {
    return { ...this.applied };
  }

  async close(): Promise<void> {
    if (this.closed) return;
    while (this.flushing || this.scheduled || this.queue.length > 0) await new Promise((r) => setTimeout(r, 5));
    this.closed = true;
    if (this.probe) clearInterval(this.probe);
    if (this.purge) clearInterval(this.purge);
    if (this.listenRetry) clearTimeout(this.listenRetry);
    const l = this.listener;
    this.listener = undefined;
    await l?.end().catch(() => undefined);
    await this.pool.end().catch(() => undefined);
  }
}
