// Asynchronous state changes (Pending -> Available, Connecting -> Active, ...), kept in the database
// as `pendingStatus` + `dueAt` on the resource's own row, so a restarted server finishes them.
// Due work is settled at the start of every write unit (and a read waits for one when something
// is due), and a timer starts a write unit when nothing else happens. Time comes from the emulator
// clock only. A held transition has dueAt = HELD and waits for `step` or `release`.
// Modules declare settlers; the engine sees them only through the closures `settler()` builds.
import type { Store, TableDef, Tx } from '../store/port.js';
import type { Clock } from '../runtime/clock.js';
import { HELD } from './transition-policy.js';

/** A row that can be in a transitional state: `status` now, `pendingStatus` when `dueAt` comes. */
export interface Pendable<S extends string = string> {
  id: string;
  accountId: string;
  regionId: string;
  status: S;
  pendingStatus: S | '';
  dueAt: number;
}

/** How a module completes its transitions. */
export interface SettlerDef<T extends Pendable> {
  kind: string;
  table: TableDef<T>;
  /** Applies the finished transition to the row (update or delete it, touch peers). */
  complete(tx: Tx, row: T): Promise<void>;
  /** Rows whose transition moves together with this one (the other end of a link). */
  related?(tx: Tx, row: T): Promise<T[]>;
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

/** A settler with its row type hidden: every method works on one table through `tx`. */
export interface Settler {
  readonly kind: string;
  /** Completes every transition of this kind due at `now`; returns what completed. */
  settle(tx: Tx, now: number): Promise<Completed[]>;
  earliest(tx: Tx): Promise<number>;
  pending(tx: Tx): Promise<PendingView[]>;
  /** Sets a new due time on the resource and the rows that move with it; false when it is not pending. */
  reschedule(tx: Tx, id: string, dueAt: (current: number, kind: string) => number): Promise<boolean>;
}

export function settler<T extends Pendable>(def: SettlerDef<T>): Settler {
  return {
    kind: def.kind,
    async settle(tx, now) {
      const repo = tx.repo(def.table);
      const done: Completed[] = [];
      // claimed: on a store shared by several nodes, a row another node is completing is left to it
      for (const row of await repo.findRange('dueAt', { gt: 0, lte: now }, { orderBy: ['dueAt', 'id'], claim: true })) {
        const fresh = await repo.get(row.id);
        if (!fresh || fresh.dueAt === 0 || fresh.dueAt > now) continue;
        await def.complete(tx, fresh);
        done.push({
          kind: def.kind,
          id: fresh.id,
          accountId: fresh.accountId,
          regionId: fresh.regionId,
          from: fresh.status,
          to: fresh.pendingStatus,
          at: fresh.dueAt,
        });
      }
      return done;
    },
    async earliest(tx) {
      return (await tx.repo(def.table).min('dueAt', { gt: 0, lt: HELD })) ?? Infinity;
    },
    async pending(tx) {
      const rows = await tx.repo(def.table).findRange('dueAt', { gt: 0 }, { orderBy: ['dueAt', 'id'] });
      return rows.map((r) => ({
        kind: def.kind,
        id: r.id,
        status: r.status,
        pendingStatus: r.pendingStatus,
        dueAt: r.dueAt >= HELD ? null : r.dueAt,
        held: r.dueAt >= HELD,
      }));
    },
    async reschedule(tx, id, dueAt) {
      const repo = tx.repo(def.table);
      const row = await repo.get(id);
      if (!row || row.dueAt === 0) return false;
      for (const r of [row, ...((await def.related?.(tx, row)) ?? [])]) {
        if (r.dueAt !== 0) await repo.update({ ...r, dueAt: dueAt(r.dueAt, def.kind) });
      }
      return true;
    },
  };
}

/** When the next due transition should be looked at (a timer in one process). */
export interface Wakeup {
  set(delayMs: number, fire: () => void): void;
  clear(): void;
}

export function timerWakeup(): Wakeup {
  let timer: NodeJS.Timeout | undefined;
  return {
    set(delayMs, fire) {
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => {
        timer = undefined;
        fire();
      }, delayMs);
      timer.unref();
    },
    clear() {
      if (timer) clearTimeout(timer);
      timer = undefined;
    },
  };
}

/** Retries of a failed commit: the first after this long, doubling up to the maximum. */
const RETRY_FIRST_MS = 50;
const RETRY_MAX_MS = 5000;
/** How long the store must have been quiet before due work gets a commit of its own. */
const QUIET_MS = 25;

export class TransitionEngine {
  private nextDue = Infinity;
  /** The earliest due time per settler (a settle looks only at the settlers with something due). */
  private readonly due = new Map<Settler, number>();
  private readonly byKind: Map<string, Settler>;
  private stopped = false;
  /** Commits failed in a row (backoff of the retries). */
  private failures = 0;
  /** When the store last committed (performance.now()). */
  private lastCommit = -Infinity;
  private listeners: ((c: Completed) => void)[] = [];
  /** Completions of a unit not committed yet, by its Tx: told to the listeners once it commits, dropped if it does not. */
  private readonly unsent = new WeakMap<Tx, Completed[]>();
  /**
   * With `concurrent` units only: due times noted by units not committed yet (by Tx), and by units
   * committed as the `seq`th commit. A read of the earliest due times that began before such a
   * commit cannot see its rows, so the notes are kept over what it found until a later read.
   */
  private readonly open = new Map<Tx, Map<Settler, number>>();
  private committedNotes: { x: Settler; at: number; seq: number }[] = [];
  private commits = 0;

  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly settlers: readonly Settler[],
    private readonly wakeup: Wakeup = timerWakeup(),
    /**
     * Units of this process may run at once (PostgreSQL): one may read the due times while another,
     * not committed yet, has just scheduled a transition. SQLite runs units one after another.
     */
    private readonly concurrent = false,
  ) {
    this.byKind = new Map(settlers.map((x) => [x.kind, x]));
    for (const x of settlers) this.due.set(x, Infinity);
    store.onBeforeWrite((tx) => this.settleDue(tx).then(() => undefined));
    store.onCommit((ok, tx) => {
      if (this.concurrent) this.noteCommitted(ok, tx);
      const done = tx && this.unsent.get(tx);
      if (done) {
        this.unsent.delete(tx);
        if (ok) for (const c of done) for (const l of this.listeners) l(c);
      }
      if (!ok) return this.commitFailed();
      this.failures = 0;
      this.lastCommit = performance.now();
    });
  }

  /**
   * A commit failed (a full disk): what it settled did not happen, so everything is due again, and
   * the next attempt waits, longer after each failure (50 ms doubling up to 5 s) instead of
   * spinning. Any write meanwhile also settles what is due.
   */
  private commitFailed(): void {
    this.failures++;
    const now = this.clock.now();
    for (const [x, at] of this.due) this.due.set(x, Math.min(at, now));
    this.nextDue = Math.min(this.nextDue, now);
    if (this.stopped) return;
    const delay = Math.min(RETRY_MAX_MS, RETRY_FIRST_MS * 2 ** Math.min(this.failures - 1, 10));
    this.wakeup.set(delay, () => {
      this.store.run('write', () => Promise.resolve(), { lazy: true }).catch(() => undefined);
    });
  }

  onComplete(fn: (c: Completed) => void): void {
    this.listeners.push(fn);
  }

  private noteCommitted(ok: boolean, tx: Tx | undefined): void {
    this.commits++;
    const notes = tx && this.open.get(tx);
    if (!notes || !tx) return;
    this.open.delete(tx);
    if (ok) for (const [x, at] of notes) this.committedNotes.push({ x, at, seq: this.commits });
  }

  /**
   * The earliest due time of `x` as a read found it, or earlier when a unit noted one the read could
   * not see (concurrent units only); `since` is the commit count when the read began.
   */
  private seen(x: Settler, found: number, since: number): number {
    if (!this.concurrent) return found;
    let at = found;
    for (const notes of this.open.values()) at = Math.min(at, notes.get(x) ?? Infinity);
    for (const n of this.committedNotes) if (n.x === x && n.seq > since) at = Math.min(at, n.at);
    return at;
  }

  /** Drops the committed notes a read that began at commit count `since` has seen. */
  private forget(since: number): void {
    if (this.concurrent && this.committedNotes.length > 0) this.committedNotes = this.committedNotes.filter((n) => n.seq > since);
  }

  /** Loads the earliest due times from storage (start-up, after clock changes, after a replace). */
  async refresh(): Promise<void> {
    const since = this.commits;
    await this.store.run('read', async (tx) => {
      for (const x of this.settlers) this.due.set(x, this.seen(x, await x.earliest(tx), since));
    });
    this.forget(since);
    this.nextDue = Math.min(...this.due.values());
    this.arm();
  }

  /** Called when an action scheduled work of `kind` (e.g. `Vpc.create`) due at `at`. */
  noteDue(at: number, kind?: string, tx?: Tx): void {
    const x = kind === undefined ? undefined : this.byKind.get(kind.slice(0, kind.indexOf('.')));
    for (const y of x ? [x] : this.settlers) this.due.set(y, Math.min(this.due.get(y) ?? Infinity, at));
    if (this.concurrent && tx) {
      let notes = this.open.get(tx);
      if (!notes) this.open.set(tx, (notes = new Map<Settler, number>()));
      for (const y of x ? [x] : this.settlers) notes.set(y, Math.min(notes.get(y) ?? Infinity, at));
    }
    if (at < this.nextDue) {
      this.nextDue = at;
      this.arm();
    }
  }

  /** Settles everything due now, inside the caller's write unit (asking only the settlers with something due). */
  async settleDue(tx: Tx): Promise<number> {
    const now = this.clock.now();
    const since = this.commits;
    if (this.nextDue > now) return 0;
    const done: Completed[] = [];
    const asked = this.settlers.filter((x) => (this.due.get(x) ?? Infinity) <= now);
    for (;;) {
      let round = 0;
      for (const x of asked) {
        const c = await x.settle(tx, now);
        done.push(...c);
        round += c.length;
      }
      if (round === 0) break;
    }
    for (const x of asked) this.due.set(x, this.seen(x, await x.earliest(tx), since));
    this.forget(since);
    this.nextDue = Math.min(...this.due.values());
    this.arm();
    if (done.length > 0) {
      const waiting = this.unsent.get(tx);
      if (waiting) waiting.push(...done);
      else this.unsent.set(tx, done);
    }
    return done.length;
  }

  /** Whether a transition is due now (cheap). */
  isDue(): boolean {
    return this.nextDue <= this.clock.now();
  }

  get earliestDue(): number {
    return this.nextDue;
  }

  /** Every resource in a transitional state. */
  pending(): Promise<PendingView[]> {
    return this.store.run('read', async (tx) => {
      const out: PendingView[] = [];
      for (const s of this.settlers) out.push(...(await s.pending(tx)));
      return out;
    });
  }

  private async reschedule(id: string, dueAt: (current: number, kind: string) => number): Promise<boolean> {
    const found = await this.store.run('write', async (tx) => {
      let hit = false;
      for (const s of this.settlers) if (await s.reschedule(tx, id, dueAt)) hit = true;
      return hit;
    });
    await this.refresh();
    return found;
  }

  hold(id: string): Promise<boolean> {
    return this.reschedule(id, () => HELD);
  }

  /** Lets a held transition go on: it completes `delayMs(kind)` from now (kind: the settler's, e.g. RouterInterface). */
  release(id: string, delayMs: (kind: string) => number): Promise<boolean> {
    const now = this.clock.now();
    return this.reschedule(id, (current, kind) => (current >= HELD ? Math.max(1, now + delayMs(kind)) : current));
  }

  /** Completes the transition now. */
  async step(id: string): Promise<boolean> {
    const ok = await this.store.run('write', (tx) => this.stepWithin(tx, id));
    await this.refresh();
    return ok;
  }

  /** Completes the transition now, inside the caller's write unit. */
  async stepWithin(tx: Tx, id: string): Promise<boolean> {
    const now = Math.max(1, this.clock.now());
    let hit = false;
    for (const s of this.settlers) if (await s.reschedule(tx, id, () => now)) hit = true;
    if (!hit) return false;
    this.noteDue(now);
    await this.settleDue(tx);
    return true;
  }

  private arm(): void {
    this.wakeup.clear();
    if (this.stopped || this.nextDue === Infinity) return;
    const wait = Math.max(0, Math.min(this.nextDue - this.clock.now(), 2_147_483_647));
    this.wakeup.set(wait, () => this.wake());
  }

  /**
   * Something fell due. While writes are flowing, the next one settles it at its start (no commit
   * of its own: commits never outnumber requests); once the store has been quiet for QUIET_MS, an
   * empty write unit does.
   */
  private wake(): void {
    if (this.stopped) return;
    // Not due: settled meanwhile, or the timer fired a little early (timers and the clock are
    // measured apart, and a timer may run up to a millisecond before Date.now() reaches its time):
    // arm again, or nothing would ever settle it while no request comes.
    if (!this.isDue()) return this.arm();
    const quiet = performance.now() - this.lastCommit;
    if (quiet < QUIET_MS) return this.wakeup.set(QUIET_MS - quiet, () => this.wake());
    this.store.run('write', () => Promise.resolve(), { lazy: true }).catch(() => undefined); // a failed commit: commitFailed() retries
  }

  stop(): void {
    this.stopped = true;
    this.wakeup.clear();
  }
}
