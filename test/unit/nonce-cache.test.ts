// The nonce cache against a plain model of it (fast-check): the same answers for any sequence of
// nonces and times, with the window and the capacity both in play.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { NonceCache } from '../../src/runtime/nonce-cache.js';

/** The model: a list of [key, at] in the order added, oldest dropped first. */
class Model {
  private entries: [number, number][] = [];
  constructor(
    private readonly windowMs: number,
    private readonly capacity: number,
  ) {}
  add(key: number, now: number): boolean {
    this.entries = this.entries.filter(([, at]) => now - at <= this.windowMs);
    const live = this.entries.filter(([k]) => k === key);
    if (live.length > 0) return false;
    if (this.entries.length === this.capacity) this.entries.shift();
    this.entries.push([key, now]);
    return true;
  }
}

test('the ring-buffer cache answers as the model does', () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 1, max: 8 }),
      fc.integer({ min: 1, max: 50 }),
      fc.array(fc.tuple(fc.integer({ min: 0, max: 12 }), fc.integer({ min: 0, max: 20 })), { maxLength: 200 }),
      (capacity, windowMs, steps) => {
        const cache = new NonceCache(windowMs, capacity);
        const model = new Model(windowMs, capacity);
        let now = 0;
        for (const [key, dt] of steps) {
          now += dt;
          assert.equal(cache.add(key, now), model.add(key, now), `key ${key} at ${now}`);
          assert.ok(cache.size <= capacity);
        }
      },
    ),
    { numRuns: 500 },
  );
});

test('a nonce re-added after it expired is not forgotten when its old entry leaves the ring', () => {
  const cache = new NonceCache(10, 4);
  assert.equal(cache.add(1, 0), true);
  assert.equal(cache.add(1, 5), false, 'within the window');
  assert.equal(cache.add(1, 20), true, 'expired, so new again');
  assert.equal(cache.add(2, 21), true);
  assert.equal(cache.add(1, 25), false, 'its newer entry still holds');
});
