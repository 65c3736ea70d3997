// A small piece of runtime state every node of a PostgreSQL deployment shares (the clock, the
// transition profile): one row of `localvpc_runtime` holding JSON, read at start, changed under a
// row lock, and announced with NOTIFY so that every node re-reads it within milliseconds. Reads
// answer from the copy in memory (the clock is read on every request).
import type { PostgresStore } from './pg-store.js';
import { isConnectionError, unreachable } from './pg-failure.js';

export const RUNTIME_CHANNEL = 'localvpc_runtime';

export class SharedValue<V> {
  private value: V;
  private listeners: ((v: V) => void)[] = [];

  private constructor(
    private readonly store: PostgresStore,
    private readonly key: string,
    initial: V,
  ) {
    this.value = initial;
  }

  /** The stored value, or `initial` stored when there is none yet (the first node's wins). */
  static async open<V>(store: PostgresStore, key: string, initial: V): Promise<SharedValue<V>> {
    const s = new SharedValue(store, key, initial);
    await store.pool.query('INSERT INTO localvpc_runtime (key, value) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING', [
      key,
      JSON.stringify(initial),
    ]);
    await s.reload();
    await store.subscribe(RUNTIME_CHANNEL, (payload) => {
      if (payload === key || payload === '') void s.reload().catch(() => undefined);
    });
    return s;
  }

  get(): V {
    return this.value;
  }

  /** Called when the value changed (here or on another node). */
  onChange(listener: (v: V) => void): void {
    this.listeners.push(listener);
  }

  private set(v: V): void {
    this.value = v;
    for (const l of this.listeners) l(v);
  }

  async reload(): Promise<void> {
    const r = await this.store.pool.query('SELECT value FROM localvpc_runtime WHERE key = $1', [this.key]);
    const raw = r.rows[0] as { value: string } | undefined;
    if (raw && raw.value !== JSON.stringify(this.value)) this.set(JSON.parse(raw.value) as V);
  }

  /** Changes the value from the stored one (under a row lock: two nodes' changes do not overwrite each other). */
  async update(change: (current: V) => V): Promise<V> {
    const c = await this.store.checkout();
    try {
      await c.query('BEGIN');
      const r = await c.query('SELECT value FROM localvpc_runtime WHERE key = $1 FOR UPDATE', [this.key]);
      const current = r.rows[0] ? (JSON.parse((r.rows[0] as { value: string }).value) as V) : this.value;
      const next = change(current);
      await c.query('UPDATE localvpc_runtime SET value = $2, version = version + 1 WHERE key = $1', [this.key, JSON.stringify(next)]);
      await c.query(`NOTIFY ${RUNTIME_CHANNEL}, '${this.key}'`);
      await c.query('COMMIT');
      this.set(next);
      return next;
    } catch (e) {
      await c.query('ROLLBACK').catch(() => undefined);
      throw isConnectionError(e) ? unreachable(e) : e;
    } finally {
      c.release();
    }
  }
}
