// Signature nonces kept across restarts: the in-process cache answers, and the nonces it accepted
// are written to the store's `nonces` table inside the next write unit, one row per unit holding
// the batch's hashes packed, so a write's nonce commits with the write itself: once a write is
// acknowledged, its replay is refused even after a crash. Nonces of reads are written at the next
// write or within `flushMs` (and at shutdown). At start the batches of the last window are read
// back into the cache (each nonce with its batch's newest time: kept a little longer, never less).
// A row per nonce cost 16 µs a request in index upkeep; a row per batch costs well under one.
// A group that fails to commit (its writes undone) leaves its nonces to be written with the next.
// Known gap: batches older than the window are purged at most once a minute.
import type { NonceStore } from '../protocol/auth.js';
import type { Store, Tx } from '../store/port.js';
import { NONCES } from '../resources/shared/storage.js';
import { hash52, NonceCache } from './nonce-cache.js';

const PURGE_EVERY_MS = 60_000;

function pack(keys: number[]): string {
  return Buffer.from(new Float64Array(keys).buffer).toString('base64');
}

function unpack(s: string): Float64Array {
  const b = Buffer.from(s, 'base64');
  return new Float64Array(b.buffer, b.byteOffset, Math.floor(b.length / 8));
}

export class StoredNonces implements NonceStore {
  private readonly cache: NonceCache;
  private unsaved: number[] = [];
  /** Written in the group being committed: kept until it commits, written again if it does not. */
  private inFlight: number[] = [];
  private newest = 0;
  private seq = 0;
  private lastPurge = 0;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly store: Store,
    windowMs: number,
    capacity: number,
    private readonly wallNow: () => number = Date.now,
  ) {
    this.cache = new NonceCache(windowMs, capacity);
    store.onBeforeWrite((tx) => this.save(tx));
    store.onCommit((ok) => {
      if (!ok) this.unsaved = this.inFlight.concat(this.unsaved);
      this.inFlight = [];
    });
  }

  /** Reads the last window's nonces back, and starts writing read nonces every `flushMs`. */
  async start(flushMs = 1000): Promise<void> {
    const since = this.wallNow() - this.cache.windowMs;
    const rows = await this.store.run('read', (tx) => tx.repo(NONCES).findRange('at', { gte: since }, { orderBy: ['at'] }));
    for (const r of rows) for (const key of unpack(r.hashes)) this.cache.add(key, r.at);
    this.timer = setInterval(() => void this.flush().catch(() => undefined), flushMs);
    this.timer.unref();
  }

  add(nonce: string, now: number): Promise<boolean> {
    const key = hash52(nonce);
    if (!this.cache.add(key, now)) return Promise.resolve(false);
    this.unsaved.push(key);
    if (now > this.newest) this.newest = now;
    return Promise.resolve(true);
  }

  /** Writes what is not written yet (an empty write unit: the hook does the work). */
  async flush(): Promise<void> {
    if (this.unsaved.length > 0) await this.store.run('write', () => Promise.resolve(), { lazy: true });
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.flush();
  }

  private async save(tx: Tx): Promise<void> {
    const now = this.wallNow();
    const repo = tx.repo(NONCES);
    if (now - this.lastPurge >= PURGE_EVERY_MS) {
      this.lastPurge = now;
      await repo.deleteWhere({ at: { lt: now - this.cache.windowMs } });
    }
    if (this.unsaved.length === 0) return;
    const keys = this.unsaved;
    this.unsaved = [];
    this.inFlight = keys;
    await repo.insert({ id: `${this.newest}-${process.pid}-${this.seq++}`, at: this.newest, hashes: pack(keys) });
  }
}
