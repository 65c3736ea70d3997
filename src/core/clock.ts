// The one source of time. Everything that stamps or schedules reads `clock.now()` (epoch ms).
// A controllable clock: it follows the system clock by default and can be frozen, advanced or
// run at a speed factor (the admin API drives these).

export interface Clock {
  now(): number;
}

export class ControlledClock implements Clock {
  private baseReal: number;
  private baseVirtual: number;
  private speed = 1;
  private frozen = false;

  constructor(
    private readonly realNow: () => number = Date.now,
    start?: number,
  ) {
    this.baseReal = realNow();
    this.baseVirtual = start ?? this.baseReal;
  }

  now(): number {
    if (this.frozen) return this.baseVirtual;
    return Math.floor(this.baseVirtual + (this.realNow() - this.baseReal) * this.speed);
  }

  state(): { now: number; frozen: boolean; speed: number } {
    return { now: this.now(), frozen: this.frozen, speed: this.speed };
  }

  private rebase(): void {
    this.baseVirtual = this.now();
    this.baseReal = this.realNow();
  }

  freeze(at?: number): void {
    this.rebase();
    if (at !== undefined) this.baseVirtual = at;
    this.frozen = true;
  }

  resume(): void {
    this.rebase();
    this.frozen = false;
  }

  advance(ms: number): void {
    this.rebase();
    this.baseVirtual += ms;
  }

  setSpeed(factor: number): void {
    this.rebase();
    this.speed = factor;
  }
}
