// The journal of a PostgreSQL deployment: every node's events in `localvpc_journal`, numbered by
// the database (one eventId sequence for all nodes), the newest `capacity` kept. Adding stays
// synchronous and costs no round trip: events are buffered and written every FLUSH_MS (or at 200),
// so a query may miss the last few milliseconds of another node's events; a node's own are flushed
// before it answers a query. A crash loses the unflushed events (a debugging aid, not state).
// Subscribers (the SSE route) hear every node's events: each flush is announced by NOTIFY, and a
// node with subscribers reads the events past the last it delivered (a little before it, as ids
// of concurrent nodes may commit out of order; those delivered already are skipped).
import {
  shaped,
  type JournalEntry,
  type JournalEvent,
  type JournalListener,
  type JournalPort,
  type JournalQuery,
} from '../../runtime/journal.js';
import type { PostgresStore } from './pg-store.js';
import { isConnectionError, unreachable } from './pg-failure.js';
import { numberAt } from './pg-repo.js';

const FLUSH_MS = 50;
const CHANNEL = 'localvpc_journal';
/** How far behind the last delivered id a subscriber's read starts (ids committed out of order). */
const REREAD = 1000;
const FLUSH_AT = 200;
const COLUMNS = ['at', 'type', 'name', 'source', 'requestId', 'region', 'account', 'resource', 'code', 'message', 'from', 'to'] as const;

interface Stored {
  id: number;
  at: number;
  type: JournalEntry['type'];
  name: string;
  source: string | null;
  requestId: string;
  region: string;
  account: string;
  resource: string;
  code: string;
  message: string;
  from: string | null;
  to: string | null;
}

function entryOf(r: Stored): JournalEntry {
  return {
    at: Number(r.at),
    type: r.type,
    name: r.name,
    ...(r.source ? { source: r.source as JournalEntry['source'] } : {}),
    requestId: r.requestId,
    region: r.region,
    account: r.account,
    resource: r.resource,
    code: r.code,
    message: r.message,
    ...(r.from !== null ? { from: r.from } : {}),
    ...(r.to !== null ? { to: r.to } : {}),
  };
}

export class SharedJournal implements JournalPort {
  private buffer: JournalEntry[] = [];
  private timer: NodeJS.Timeout | undefined;
  private flushing: Promise<void> = Promise.resolve();
  private adds = 0;
  private readonly listeners = new Set<JournalListener>();
  /** Ids delivered to subscribers (the newest REREAD or so), and the highest. */
  private delivered = new Set<number>();
  private last = -1;
  private following: Promise<void> = Promise.resolve();

  constructor(
    private readonly store: PostgresStore,
    readonly capacity = 10_000,
  ) {}

  /** Starts hearing other nodes' flushes (once, at start). */
  async start(): Promise<void> {
    await this.store.subscribe(CHANNEL, () => this.follow());
  }

  subscribe(listener: JournalListener): () => void {
    if (this.listeners.size === 0) this.last = -1; // from the events of now on
    this.listeners.add(listener);
    this.follow();
    return () => void this.listeners.delete(listener);
  }

  /** Delivers to the subscribers the events they have not had (one read at a time). */
  private follow(): void {
    if (this.listeners.size === 0) return;
    this.following = this.following.then(async () => {
      if (this.listeners.size === 0) return;
      try {
        if (this.last < 0) {
          const r = await this.store.pool.query('SELECT COALESCE(MAX(id), 0) AS m FROM localvpc_journal');
          this.last = Number((r.rows[0] as { m: number }).m);
          this.delivered = new Set();
          return;
        }
        const r = await this.store.pool.query('SELECT * FROM localvpc_journal WHERE id > $1 ORDER BY id', [
          Math.max(0, this.last - REREAD),
        ]);
        for (const row of r.rows as Stored[]) {
          const id = Number(row.id);
          if (id <= this.last - REREAD || this.delivered.has(id)) continue;
          this.delivered.add(id);
          if (id > this.last) this.last = id;
          const e = entryOf(row);
          for (const l of this.listeners) l(id, e);
        }
        if (this.delivered.size > 4 * REREAD) this.delivered = new Set([...this.delivered].filter((id) => id > this.last - REREAD));
      } catch {
        // the database is away: the next flush or notification tries again
      }
    });
  }

  add(e: JournalEntry): void {
    if (this.capacity === 0) return;
    this.buffer.push(e);
    if (this.buffer.length >= FLUSH_AT) void this.flush().catch(() => undefined);
    else if (!this.timer) {
      this.timer = setTimeout(() => void this.flush().catch(() => undefined), FLUSH_MS);
      this.timer.unref();
    }
  }

  /** Writes what is buffered (one statement), then drops what is past the capacity now and then. */
  flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    const batch = this.buffer;
    this.buffer = [];
    this.flushing = this.flushing.then(async () => {
      if (batch.length === 0) return;
      const values: unknown[] = [];
      const tuples = batch.map((e) => {
        const row = [
          e.at,
          e.type,
          e.name,
          e.source ?? null,
          e.requestId,
          e.region,
          e.account,
          e.resource,
          e.code,
          e.message,
          e.from ?? null,
          e.to ?? null,
        ];
        return `(${row.map((v) => (values.push(v), `$${values.length}`)).join(', ')})`;
      });
      try {
        await this.store.pool.query(
          `INSERT INTO localvpc_journal (${COLUMNS.map((c) => `"${c}"`).join(', ')}) VALUES ${tuples.join(', ')}`,
          values,
        );
        await this.store.pool.query(`NOTIFY ${CHANNEL}`);
      } catch {
        // the database is away: these events are lost (the journal is a debugging aid)
        return;
      }
      this.adds += batch.length;
      if (this.adds >= Math.max(100, this.capacity / 10)) {
        this.adds = 0;
        await this.store.pool
          .query('DELETE FROM localvpc_journal WHERE id <= (SELECT MAX(id) FROM localvpc_journal) - $1', [this.capacity])
          .catch(() => undefined);
      }
    });
    return this.flushing;
  }

  private where(q: JournalQuery, values: unknown[]): string {
    const parts: string[] = [`id > (SELECT COALESCE(MAX(id), 0) FROM localvpc_journal) - ${Math.floor(this.capacity)}`];
    const eq = (col: string, v: string | number | undefined, op = '='): void => {
      if (v === undefined) return;
      values.push(v);
      parts.push(`"${col}" ${op} $${values.length}`);
    };
    eq('type', q.eventType);
    eq('name', q.eventName);
    eq('account', q.accountId);
    eq('region', q.acsRegion);
    eq('resource', q.resourceName);
    eq('code', q.errorCode);
    eq('id', q.after, '>');
    return ` WHERE ${parts.join(' AND ')}`;
  }

  async query(q: JournalQuery): Promise<{ total: number; events: JournalEvent[] }> {
    await this.flush();
    const values: unknown[] = [];
    const where = this.where(q, values);
    const offset = q.offset ?? 0;
    const limit = Math.min(q.limit ?? 100, 1000);
    try {
      const total = numberAt(await this.store.pool.query(`SELECT COUNT(*) AS n FROM localvpc_journal${where}`, values), 'n');
      const rows = (
        await this.store.pool.query(
          `SELECT * FROM localvpc_journal${where} ORDER BY id LIMIT ${limit} OFFSET ${Math.max(0, offset)}`,
          values,
        )
      ).rows as Stored[];
      return { total, events: rows.map((r) => shaped(Number(r.id), entryOf(r))) };
    } catch (e) {
      throw isConnectionError(e) ? unreachable(e) : e;
    }
  }

  async clear(): Promise<void> {
    await this.flush();
    await this.store.pool.query('DELETE FROM localvpc_journal').catch((e: unknown) => {
      throw isConnectionError(e) ? unreachable(e) : e;
    });
  }

  async size(): Promise<number> {
    await this.flush();
    const r = await this.store.pool
      .query(
        `SELECT COUNT(*) AS n FROM localvpc_journal WHERE id > (SELECT COALESCE(MAX(id), 0) FROM localvpc_journal) - ${Math.floor(this.capacity)}`,
      )
      .catch((e: unknown) => {
        throw isConnectionError(e) ? unreachable(e) : e;
      });
    return numberAt(r, 'n');
  }

  async stop(): Promise<void> {
    await this.flush();
  }
}
