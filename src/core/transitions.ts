// Asynchronous state changes (Pending -> Available, Connecting -> Active, ...), kept in the database
// as `pendingStatus` + `dueAt` on the resource's own row, so a restarted server finishes them.
// Due work is settled before every action and at the start of every write group, and a timer
// settles it when nothing else happens. Time comes from the injected clock only.
import type { Clock } from './clock.js';
import type { Repo, Store } from '../store/store.js';

export interface Pendable {
  id: string;
  pendingStatus: string;
  dueAt: number;
}

export interface Settler<T extends Pendable> {
  kind: string;
  repo: Repo<T>;
  /** Applies the finished transition to the row (update or delete it, touch peers). */
  complete(row: T): void;
}

export class TransitionEngine {
  private settlers: Settler<Pendable>[] = [];
  private nextDue = Infinity;
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;

  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
  ) {
    store.onBeforeGroup(() => this.settleDue());
  }

  register<T extends Pendable>(s: Settler<T>): void {
    this.settlers.push(s as unknown as Settler<Pendable>);
  }

  /** Loads the earliest due time from storage (start-up, after settling). */
  refresh(): void {
    let min = Infinity;
    for (const s of this.settlers) {
      const [first] = s.repo.find({ dueAt: { gt: 0 } } as never, { orderBy: ['dueAt'] as never, limit: 1 });
      if (first && first.dueAt < min) min = first.dueAt;
    }
    this.nextDue = min;
    this.arm();
  }

  /** Called by an action that scheduled work due at `at`. */
  noteDue(at: number): void {
    if (at < this.nextDue) {
      this.nextDue = at;
      this.arm();
    }
  }

  /** Settles everything due now; runs inside the caller's transaction (or opens one). */
  settleDue(): number {
    const now = this.clock.now();
    if (this.nextDue > now) return 0;
    let n = 0;
    this.store.transaction(() => {
      for (;;) {
        let round = 0;
        for (const s of this.settlers) {
          for (const row of s.repo.find({ dueAt: { gt: 0, lte: now } } as never, { orderBy: ['dueAt', 'id'] as never })) {
            const fresh = s.repo.get(row.id);
            if (!fresh || fresh.dueAt === 0 || fresh.dueAt > now) continue;
            s.complete(fresh);
            round++;
          }
        }
        n += round;
        if (round === 0) break;
      }
    });
    this.refresh();
    return n;
  }

  /** Settles if anything is due; cheap when nothing is. */
  settleIfDue(): void {
    if (this.nextDue <= this.clock.now()) this.settleDue();
  }

  get earliestDue(): number {
    return this.nextDue;
  }

  private arm(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    if (this.stopped || this.nextDue === Infinity) return;
    const wait = Math.max(0, Math.min(this.nextDue - this.clock.now(), 2_147_483_647));
    this.timer = setTimeout(() => {
      this.timer = undefined;
      try {
        this.settleDue();
      } catch {
        this.refresh();
      }
    }, wait);
    this.timer.unref();
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
  }
}
