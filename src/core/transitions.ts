// Asynchronous state changes (Pending -> Available, Connecting -> Active, ...), kept in the database
// as `pendingStatus` + `dueAt` on the resource's own row, so a restarted server finishes them.
// Due work is settled before every action and at the start of every write group, and a timer
// settles it when nothing else happens. Time comes from the injected clock only. A held
// transition has dueAt = HELD and waits for `step` or `release`.
import type { Clock } from './clock.js';
import type { Repo, Store } from '../store/store.js';
import { HELD } from './transition-policy.js';

export interface Pendable {
  id: string;
  status: string;
  pendingStatus: string;
  dueAt: number;
}

export interface Settler<T extends Pendable> {
  kind: string;
  repo: Repo<T>;
  /** Applies the finished transition to the row (update or delete it, touch peers). */
  complete(row: T): void;
  /** Rows whose transition moves together with this one (the other end of a link). */
  related?(row: T): T[];
}

export interface Completed {
  kind: string;
  id: string;
  accountId: string;
  regionId: string;
  from: string;
  to: string;
  at: number;
}

export interface PendingView {
  kind: string;
  id: string;
  status: string;
  pendingStatus: string;
  dueAt: number | null;
  held: boolean;
}

export class TransitionEngine {
  private settlers: Settler<Pendable>[] = [];
  private nextDue = Infinity;
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;
  private listeners: ((c: Completed) => void)[] = [];

  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
  ) {
    store.onBeforeGroup(() => this.settleDue());
  }

  register<T extends Pendable>(s: Settler<T>): void {
    this.settlers.push(s as unknown as Settler<Pendable>);
  }

  onComplete(fn: (c: Completed) => void): void {
    this.listeners.push(fn);
  }

  /** Loads the earliest due time from storage (start-up, after settling, after clock changes). */
  refresh(): void {
    let min = Infinity;
    for (const s of this.settlers) {
      const [first] = s.repo.find({ dueAt: { gt: 0, lte: HELD - 1 } } as never, { orderBy: ['dueAt'] as never, limit: 1 });
      if (first && first.dueAt < min) min = first.dueAt;
    }
    this.nextDue = min;
    this.arm();
  }

  /** Called when an action scheduled work due at `at`. */
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
    const done: Completed[] = [];
    this.store.transaction(() => {
      for (;;) {
        let round = 0;
        for (const s of this.settlers) {
          for (const row of s.repo.find({ dueAt: { gt: 0, lte: now } } as never, { orderBy: ['dueAt', 'id'] as never })) {
            const fresh = s.repo.get(row.id);
            if (!fresh || fresh.dueAt === 0 || fresh.dueAt > now) continue;
            s.complete(fresh);
            const r = fresh as Pendable & { accountId?: string; regionId?: string };
            done.push({
              kind: s.kind,
              id: r.id,
              accountId: r.accountId ?? '',
              regionId: r.regionId ?? '',
              from: r.status,
              to: r.pendingStatus,
              at: r.dueAt,
            });
            round++;
          }
        }
        n += round;
        if (round === 0) break;
      }
    });
    this.refresh();
    for (const c of done) for (const l of this.listeners) l(c);
    return n;
  }

  /** Whether a transition is due now (cheap). */
  isDue(): boolean {
    return this.nextDue <= this.clock.now();
  }

  get earliestDue(): number {
    return this.nextDue;
  }

  /** Every resource in a transitional state. */
  pending(): PendingView[] {
    return this.settlers.flatMap((s) =>
      s.repo.find({ dueAt: { gt: 0 } } as never, { orderBy: ['dueAt', 'id'] as never }).map((r) => ({
        kind: s.kind,
        id: r.id,
        status: r.status,
        pendingStatus: r.pendingStatus,
        dueAt: r.dueAt >= HELD ? null : r.dueAt,
        held: r.dueAt >= HELD,
      })),
    );
  }

  /** Sets a new due time on a pending resource and the rows that move with it; false if none is pending. */
  private reschedule(id: string, dueAt: (row: Pendable) => number): boolean {
    let found = false;
    this.store.transaction(() => {
      for (const s of this.settlers) {
        const row = s.repo.get(id);
        if (!row || row.dueAt === 0) continue;
        found = true;
        for (const r of [row, ...(s.related?.(row) ?? [])]) {
          if (r.dueAt !== 0) s.repo.update({ ...r, dueAt: dueAt(r) });
        }
      }
    });
    this.refresh();
    return found;
  }

  hold(id: string): boolean {
    return this.reschedule(id, () => HELD);
  }

  /** Lets a held transition go on: it completes `delayMs` from now. */
  release(id: string, delayMs: number): boolean {
    const at = Math.max(1, this.clock.now() + delayMs);
    return this.reschedule(id, (r) => (r.dueAt >= HELD ? at : r.dueAt));
  }

  /** Completes the transition now. */
  step(id: string): boolean {
    const now = Math.max(1, this.clock.now());
    const ok = this.reschedule(id, () => now);
    if (ok) this.settleDue();
    return ok;
  }

  private arm(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    if (this.stopped || this.nextDue === Infinity) return;
    const wait = Math.max(0, Math.min(this.nextDue - this.clock.now(), 2_147_483_647));
    this.timer = setTimeout(() => {
      this.timer = undefined;
      // through the write queue, so the completion shares a commit with concurrent writes
      this.store.write(() => this.settleDue()).catch(() => this.refresh());
    }, wait);
    this.timer.unref();
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
  }
}
