// Signature nonces of a PostgreSQL deployment: each nonce's 52-bit hash is a row of
// `localvpc_nonces`, inserted as the request is checked, so a replay through any node within the
// freshness window is refused (SignatureNonceUsed). This node's own cache answers replays it saw
// itself without asking the database. Rows older than the window are purged once a minute.
import type { NonceStore } from '../../protocol/auth.js';
import { hash52, NonceCache } from '../../runtime/nonce-cache.js';
import type { PostgresStore } from './pg-store.js';
import { isConnectionError, unreachable } from './pg-failure.js';

const PURGE_EVERY_MS = 60_000;

export class SharedNonces implements NonceStore {
  private readonly cache: NonceCache;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly store: PostgresStore,
    private readonly windowMs: number,
    capacity: number,
  ) {
    this.cache = new NonceCache(windowMs, capacity);
  }

  start(): Promise<void> {
    this.timer = setInterval(() => {
      void this.store.pool.query('DELETE FROM localvpc_nonces WHERE at < $1', [Date.now() - this.windowMs]).catch(() => undefined);
    }, PURGE_EVERY_MS);
    this.timer.unref();
    return Promise.resolve();
  }

  async add(nonce: string, now: number): Promise<boolean> {
    const key = hash52(nonce);
    if (!this.cache.add(key, now)) return false;
    try {
      // a row older than the window is a nonce that may be used again
      const r = await this.store.pool.query(
        `INSERT INTO localvpc_nonces (hash, at) VALUES ($1, $2)
         ON CONFLICT (hash) DO UPDATE SET at = EXCLUDED.at WHERE localvpc_nonces.at < $3 RETURNING 1`,
        [key, now, now - this.windowMs],
      );
      return (r.rowCount ?? 0) > 0;
    } catch (e) {
      throw isConnectionError(e) ? unreachable(e) : e;
    }
  }

  stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    return Promise.resolve();
  }
}
