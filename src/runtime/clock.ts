// The one source of emulator time. Everything that stamps or schedules reads `clock.now()` (epoch
// ms). The clock follows the system clock by default and can be frozen, advanced or run at a speed
// factor (the admin API drives these). Controls are asynchronous so that a deployment of several
// nodes can keep the offset and speed in shared storage; this in-process clock applies them at once.

export interface Clock {
  now(): number;
}

export interface ClockState {
  now: number;
  frozen: boolean;
  speed: number;
}

export interface ClockControl extends Clock {
  state(): ClockState;
  freeze(at?: number): Promise<void>;
  resume(): Promise<void>;
  advance(ms: number): Promise<void>;
  setSpeed(factor: number): Promise<void>;
  /** Back to the system clock: no offset, speed 1, running. */
  reset(): Promise<void>;
}

export class ControlledClock implements ClockControl {
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

  state(): ClockState {
    return { now: this.now(), frozen: this.frozen, speed: this.speed };
  }

  private rebase(): void {
    this.baseVirtual = this.now();
    this.baseReal = this.realNow();
  }

  freeze(at?: number): Promise<void> {
    this.rebase();
    if (at !== undefined) this.baseVirtual = at;
    this.frozen = true;
    return Promise.resolve();
  }

  resume(): Promise<void> {
    this.rebase();
    this.frozen = false;
    return Promise.resolve();
  }

  advance(ms: number): Promise<void> {
    this.rebase();
    this.baseVirtual += ms;
    return Promise.resolve();
  }

  setSpeed(factor: number): Promise<void> {
    this.rebase();
    this.speed = factor;
    return Promise.resolve();
  }

  reset(): Promise<void> {
    this.baseReal = this.realNow();
    this.baseVirtual = this.baseReal;
    this.speed = 1;
    this.frozen = false;
    return Promise.resolve();
  }
}
