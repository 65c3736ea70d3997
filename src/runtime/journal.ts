// The journal: every API call, fired fault and completed state transition, shaped like ActionTrail
// events, with a bounded retention (the newest `capacity` events). A debugging aid behind a small
// port: this in-process journal keeps events in memory and does not survive a restart, by design,
// so that no call waits on a disk write for it. The events sit in a ring, so adding one costs the
// same however full it is (a front splice cost 50-63 µs an add past 10k events).

import { isoSeconds } from '../core/time.js';

/** `Admin`: a change made through the admin API (reset, restore, clock, profile, faults, transitions). */
export type EventType = 'ApiCall' | 'Transition' | 'Fault' | 'Admin';

export type CallSource = 'api' | 'seed' | 'admin' | 'console';

export interface JournalEvent {
  eventId: number;
  eventTime: string;
  eventType: EventType;
  eventName: string;
  requestId: string;
  acsRegion: string;
  userIdentity: { accountId: string };
  resourceName: string;
  errorCode: string;
  errorMessage: string;
  /** Who made the call: an API client, the seed file, the admin API or the console. */
  eventSource?: CallSource;
  /** Transitions: the status left and the status reached. */
  from?: string;
  to?: string;
}

export interface JournalQuery {
  eventType?: string;
  eventName?: string;
  accountId?: string;
  acsRegion?: string;
  resourceName?: string;
  errorCode?: string;
  /** Only events with eventId greater than this. */
  after?: number;
  limit?: number;
  offset?: number;
}

/**
 * What is recorded of an event: flat, stored as given (no copy, no time text on the hot path);
 * queries shape it as a JournalEvent.
 */
export interface JournalEntry {
  /** Emulator time, epoch ms. */
  at: number;
  type: EventType;
  name: string;
  source?: CallSource;
  requestId: string;
  region: string;
  account: string;
  resource: string;
  code: string;
  message: string;
  from?: string;
  to?: string;
}

/** Told of each event as it is added (the console's live view, `journal --follow`). */
export type JournalListener = (id: number, e: JournalEntry) => void;

export interface JournalPort {
  add(e: JournalEntry): void;
  /** Calls `listener` with each event added from now on; answers the function that stops it. */
  subscribe(listener: JournalListener): () => void;
  query(q: JournalQuery): Promise<{ total: number; events: JournalEvent[] }>;
  clear(): Promise<void>;
  size(): Promise<number>;
}

/** Whether an event passes a query's filters (paging aside). */
export function matches(q: JournalQuery, id: number, e: JournalEntry): boolean {
  return (
    (q.eventType === undefined || e.type === q.eventType) &&
    (q.eventName === undefined || e.name === q.eventName) &&
    (q.accountId === undefined || e.account === q.accountId) &&
    (q.acsRegion === undefined || e.region === q.acsRegion) &&
    (q.resourceName === undefined || e.resource === q.resourceName) &&
    (q.errorCode === undefined || e.code === q.errorCode) &&
    (q.after === undefined || id > q.after)
  );
}

/** An entry as the admin API shows it. */
export function shaped(id: number, e: JournalEntry): JournalEvent {
  return {
    eventId: id,
    eventTime: isoSeconds(e.at),
    eventType: e.type,
    eventName: e.name,
    ...(e.source ? { eventSource: e.source } : {}),
    requestId: e.requestId,
    acsRegion: e.region,
    userIdentity: { accountId: e.account },
    resourceName: e.resource,
    errorCode: e.code,
    errorMessage: e.message,
    ...(e.from !== undefined ? { from: e.from } : {}),
    ...(e.to !== undefined ? { to: e.to } : {}),
  };
}

export class MemoryJournal implements JournalPort {
  /** A ring: the oldest entry at `head`, `count` in all (adding past capacity overwrites the oldest, O(1)). */
  private entries: (JournalEntry | undefined)[];
  private ids: Float64Array;
  private head = 0;
  private count = 0;
  private seq = 0;
  private readonly listeners = new Set<JournalListener>();

  constructor(public readonly capacity = 10_000) {
    this.entries = new Array<JournalEntry | undefined>(capacity);
    this.ids = new Float64Array(capacity);
  }

  add(e: JournalEntry): void {
    const id = ++this.seq;
    if (this.capacity === 0) {
      for (const l of this.listeners) l(id, e);
      return;
    }
    let slot: number;
    if (this.count < this.capacity) {
      slot = (this.head + this.count) % this.capacity;
      this.count++;
    } else {
      slot = this.head;
      this.head = (this.head + 1) % this.capacity;
    }
    this.entries[slot] = e;
    this.ids[slot] = id;
    for (const l of this.listeners) l(id, e);
  }

  subscribe(listener: JournalListener): () => void {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }

  query(q: JournalQuery): Promise<{ total: number; events: JournalEvent[] }> {
    const offset = q.offset ?? 0;
    const limit = Math.min(q.limit ?? 100, 1000);
    const events: JournalEvent[] = [];
    let total = 0;
    for (let i = 0; i < this.count; i++) {
      const slot = (this.head + i) % this.capacity;
      const e = this.entries[slot] as JournalEntry;
      const id = this.ids[slot] as number;
      if (matches(q, id, e)) {
        if (total >= offset && events.length < limit) events.push(shaped(id, e));
        total++;
      }
    }
    return Promise.resolve({ total, events });
  }

  clear(): Promise<void> {
    this.entries = new Array<JournalEntry | undefined>(this.capacity);
    this.head = 0;
    this.count = 0;
    return Promise.resolve();
  }

  size(): Promise<number> {
    return Promise.resolve(this.count);
  }
}
