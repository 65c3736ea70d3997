// Signature nonces of a PostgreSQL deployment: each nonce's 52-bit hash is a row of
// `localvpc_nonces`, inserted as the request is checked, so a replay through any node within the
// freshness window is refused (SignatureNonceUsed). This node's own cache answers replays it saw
// itself without asking the database. Rows older than the window are purged once a minute.
// Known gap: the rows commit without waiting for the disk (one round trip, no flush of its own per
// request): a crash of PostgreSQL itself may forget the nonces of its last moments.
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
      // One round trip (a simple query of four statements: the values are integers), committed
      // without waiting for the disk. A row older than the window is a nonce that may be used again.
      const all = (await this.store.pool.query(
        `BEGIN; SET LOCAL synchronous_commit = off;
         INSERT INTO localvpc_nonces (hash, at) VALUES (${Math.trunc(key)}, ${Math.trunc(now)})
         ON CONFLICT (hash) DO UPDATE SET at = EXCLUDED.at WHERE localvpc_nonces.at < ${Math.trunc(now - this.windowMs)} RETURNING 1;
         COMMIT`,
      )) as unknown as { rowCount: number | null }[];
      return (all[2]?.rowCount ?? 0) > 0;
    } catch (e) {
      throw isConnectionError(e) ? unreachable(e) : e;
    }
  }

  stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    return Promise.resolve();
  }
}
