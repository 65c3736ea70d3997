// The emulator clock of a PostgreSQL deployment: its offset, speed and frozen state live in the
// database, so every node tells the same time and a change made through one node moves the
// others. Real time is the database server's (each node measures how far its own clock is from it
// at start), so nodes whose system clocks disagree still agree on emulator time.
import type { ClockControl, ClockState } from '../../runtime/clock.js';
import type { PostgresStore } from './pg-store.js';
import { SharedValue } from './shared-state.js';

interface Bases {
  /** Real time (the database's) at the last change, epoch ms. */
  baseReal: number;
  /** Emulator time then. */
  baseVirtual: number;
  speed: number;
  frozen: boolean;
}

export class SharedClock implements ClockControl {
  private constructor(
    private readonly shared: SharedValue<Bases>,
    /** Database time minus this node's, ms. */
    private readonly skew: number,
  ) {}

  static async open(store: PostgresStore): Promise<SharedClock> {
    const t0 = Date.now();
    const r = await store.pool.query('SELECT (extract(epoch from clock_timestamp()) * 1000)::bigint AS now');
    const t1 = Date.now();
    const skew = Number((r.rows[0] as { now: number }).now) - Math.round((t0 + t1) / 2);
    const real = Date.now() + skew;
    const shared = await SharedValue.open<Bases>(store, 'clock', { baseReal: real, baseVirtual: real, speed: 1, frozen: false });
    return new SharedClock(shared, skew);
  }

  /** Called when the clock changed, here or through another node. */
  onChange(listener: () => void): void {
    this.shared.onChange(() => listener());
  }

  private real(): number {
    return Date.now() + this.skew;
  }

  private at(b: Bases, real: number): number {
    return b.frozen ? b.baseVirtual : Math.floor(b.baseVirtual + (real - b.baseReal) * b.speed);
  }

  now(): number {
    return this.at(this.shared.get(), this.real());
  }

  state(): ClockState {
    const b = this.shared.get();
    return { now: this.at(b, this.real()), frozen: b.frozen, speed: b.speed };
  }

  /** A change from the stored bases, rebased at this moment. */
  private change(f: (b: Bases, now: number) => Partial<Bases>): Promise<void> {
    return this.shared
      .update((b) => {
        const real = this.real();
        const now = this.at(b, real);
        return { ...b, baseReal: real, baseVirtual: now, ...f(b, now) };
      })
      .then(() => undefined);
  }

  freeze(at?: number): Promise<void> {
    return this.change((_, now) => ({ baseVirtual: at ?? now, frozen: true }));
  }

  resume(): Promise<void> {
    return this.change(() => ({ frozen: false }));
  }

  advance(ms: number): Promise<void> {
    return this.change((_, now) => ({ baseVirtual: now + ms }));
  }

  setSpeed(factor: number): Promise<void> {
    return this.change(() => ({ speed: factor }));
  }

  reset(): Promise<void> {
    return this.change(() => {
      const real = this.real();
      return { baseReal: real, baseVirtual: real, speed: 1, frozen: false };
    });
  }
}
