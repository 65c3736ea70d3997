// Signature nonces seen within the freshness window, so a replayed request is refused (the store
// behind it: stored-nonces.ts). The cache is bounded: entries older than the window are dropped,
// and past `capacity` the oldest go first (a replay older than the last `capacity` requests is
// then caught only by the timestamp check, or by the nonces table after a restart).
// Entries sit in a ring in the order they were added, so dropping the oldest is O(1) whatever
// the cache went through (a Map walked from its front slowed to 11-78 µs a request once full).

/** A 52-bit FNV-1a hash: the cache keeps numbers, not the nonce strings (a few bytes an entry). */
export function hash52(s: string): number {
  let h1 = 0x811c9dc5,
    h2 = 0x01000193;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193) >>> 0;
    h2 = Math.imul(h2 ^ c, 0x5bd1e995) >>> 0;
  }
  return (h1 & 0xfffff) * 0x100000000 + h2;
}

export class NonceCache {
  private readonly seen = new Map<number, number>();
  private readonly keys: Float64Array;
  private readonly times: Float64Array;
  private head = 0;
  private count = 0;

  constructor(
    readonly windowMs: number,
    private readonly capacity: number,
  ) {
    this.keys = new Float64Array(capacity);
    this.times = new Float64Array(capacity);
  }

  /** Records a nonce's hash seen at `now`; false if it was already seen within the window. */
  add(key: number, now: number): boolean {
    while (this.count > 0 && now - (this.times[this.head] as number) > this.windowMs) this.dropOldest();
    const at = this.seen.get(key);
    if (at !== undefined && now - at <= this.windowMs) return false;
    if (this.count === this.capacity) this.dropOldest();
    const slot = (this.head + this.count) % this.capacity;
    this.keys[slot] = key;
    this.times[slot] = now;
    this.count++;
    this.seen.set(key, now);
    return true;
  }

  get size(): number {
    return this.seen.size;
  }

  private dropOldest(): void {
    const key = this.keys[this.head] as number;
    // A key re-added after it expired has a newer entry further on: only its own entry removes it.
    if (this.seen.get(key) === this.times[this.head]) this.seen.delete(key);
    this.head = (this.head + 1) % this.capacity;
    this.count--;
  }
}
