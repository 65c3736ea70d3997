// The journal: every API call, fired fault and completed state transition, shaped like ActionTrail
// events, with a bounded retention (the newest `capacity` events). A debugging aid behind a small
// port: this in-process journal keeps events in memory and does not survive a restart, by design,
// so that no call waits on a disk write for it. The events sit in a ring, so adding one costs the
// same however full it is (a front splice cost 50-63 µs an add past 10k events).

export type EventType = 'ApiCall' | 'Transition' | 'Fault';

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

export interface JournalPort {
  add(e: Omit<JournalEvent, 'eventId'>): void;
  query(q: JournalQuery): Promise<{ total: number; events: JournalEvent[] }>;
  clear(): Promise<void>;
  size(): Promise<number>;
}

export class MemoryJournal implements JournalPort {
  /** A ring: the oldest event at `head`, `count` events in all (adding past capacity overwrites the oldest, O(1)). */
  private ring: (JournalEvent | undefined)[];
  private head = 0;
  private count = 0;
  private seq = 0;

  constructor(public readonly capacity = 10_000) {
    this.ring = new Array<JournalEvent | undefined>(capacity);
  }

  add(e: Omit<JournalEvent, 'eventId'>): void {
    const event = { eventId: ++this.seq, ...e };
    if (this.capacity === 0) return;
    if (this.count < this.capacity) {
      this.ring[(this.head + this.count) % this.capacity] = event;
      this.count++;
    } else {
      this.ring[this.head] = event;
      this.head = (this.head + 1) % this.capacity;
    }
  }

  /** The events kept, oldest first. */
  private *inOrder(): Generator<JournalEvent> {
    for (let i = 0; i < this.count; i++) yield this.ring[(this.head + i) % this.capacity] as JournalEvent;
  }

  query(q: JournalQuery): Promise<{ total: number; events: JournalEvent[] }> {
    const match: JournalEvent[] = [];
    for (const e of this.inOrder()) {
      if (
        (q.eventType === undefined || e.eventType === q.eventType) &&
        (q.eventName === undefined || e.eventName === q.eventName) &&
        (q.accountId === undefined || e.userIdentity.accountId === q.accountId) &&
        (q.acsRegion === undefined || e.acsRegion === q.acsRegion) &&
        (q.resourceName === undefined || e.resourceName === q.resourceName) &&
        (q.errorCode === undefined || e.errorCode === q.errorCode) &&
        (q.after === undefined || e.eventId > q.after)
      )
        match.push(e);
    }
    const offset = q.offset ?? 0;
    const limit = Math.min(q.limit ?? 100, 1000);
    return Promise.resolve({ total: match.length, events: match.slice(offset, offset + limit) });
  }

  clear(): Promise<void> {
    this.ring = new Array<JournalEvent | undefined>(this.capacity);
    this.head = 0;
    this.count = 0;
    return Promise.resolve();
  }

  size(): Promise<number> {
    return Promise.resolve(this.count);
  }
}
