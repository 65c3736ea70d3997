// Signature nonces seen within the freshness window, so a replayed request is refused. The port is
// asynchronous so that several nodes can share one record of nonces; this in-process cache is
// bounded: entries older than the window are dropped, and past `capacity` the oldest go first
// (a replay older than the last `capacity` requests is then caught only by the timestamp check).

import type { NonceStore } from '../protocol/auth.js';

/** A 52-bit FNV-1a hash: the cache keeps numbers, not the nonce strings (a few bytes an entry). */
function hash52(s: string): number {
  let h1 = 0x811c9dc5,
    h2 = 0x01000193;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193) >>> 0;
    h2 = Math.imul(h2 ^ c, 0x5bd1e995) >>> 0;
  }
  return (h1 & 0xfffff) * 0x100000000 + h2;
}

/** The in-process nonce store. */
export class MemoryNonces implements NonceStore {
  private readonly cache: NonceCache;

  constructor(windowMs: number, capacity: number) {
    this.cache = new NonceCache(windowMs, capacity);
  }

  add(nonce: string, now: number): Promise<boolean> {
    return Promise.resolve(this.cache.add(nonce, now));
  }
}

export class NonceCache {
  private readonly seen = new Map<number, number>();

  constructor(
    private readonly windowMs: number,
    private readonly capacity: number,
  ) {}

  /** Records the nonce; false if it was already seen within the window. */
  add(nonce: string, now: number): boolean {
    this.evict(now);
    const key = hash52(nonce);
    const at = this.seen.get(key);
    if (at !== undefined && now - at <= this.windowMs) return false;
    this.seen.set(key, now);
    return true;
  }

  get size(): number {
    return this.seen.size;
  }

  private evict(now: number): void {
    for (const [k, at] of this.seen) {
      if (this.seen.size < this.capacity && now - at <= this.windowMs) break;
      this.seen.delete(k);
    }
  }
}
