// Signature nonces seen within the freshness window, so a replayed request is refused.
// Bounded: entries older than the window are dropped, and past `capacity` the oldest go first
// (a replay older than the last `capacity` requests is then caught only by the timestamp check).

export class NonceCache {
  private readonly seen = new Map<string, number>();

  constructor(
    private readonly windowMs: number,
    private readonly capacity: number,
  ) {}

  /** Records the nonce; false if it was already seen within the window. */
  add(nonce: string, now: number): boolean {
    this.evict(now);
    const at = this.seen.get(nonce);
    if (at !== undefined && now - at <= this.windowMs) return false;
    this.seen.set(nonce, now);
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
