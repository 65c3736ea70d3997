// The journal: every API call, fired fault and completed state transition, shaped like ActionTrail
// events, with a bounded retention (the newest `capacity` events). A debugging aid behind a small
// port: this in-process journal keeps events in memory and does not survive a restart, by design,
// so that no call waits on a disk write for it.

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
  private events: JournalEvent[] = [];
  private seq = 0;

  constructor(public capacity = 10_000) {}

  add(e: Omit<JournalEvent, 'eventId'>): void {
    const event = { eventId: ++this.seq, ...e };
    this.events.push(event);
    if (this.events.length > this.capacity) this.events.splice(0, this.events.length - this.capacity);
  }

  query(q: JournalQuery): Promise<{ total: number; events: JournalEvent[] }> {
    const match = this.events.filter(
      (e) =>
        (q.eventType === undefined || e.eventType === q.eventType) &&
        (q.eventName === undefined || e.eventName === q.eventName) &&
        (q.accountId === undefined || e.userIdentity.accountId === q.accountId) &&
        (q.acsRegion === undefined || e.acsRegion === q.acsRegion) &&
        (q.resourceName === undefined || e.resourceName === q.resourceName) &&
        (q.errorCode === undefined || e.errorCode === q.errorCode) &&
        (q.after === undefined || e.eventId > q.after),
    );
    const offset = q.offset ?? 0;
    const limit = Math.min(q.limit ?? 100, 1000);
    return Promise.resolve({ total: match.length, events: match.slice(offset, offset + limit) });
  }

  clear(): Promise<void> {
    this.events = [];
    return Promise.resolve();
  }

  size(): Promise<number> {
    return Promise.resolve(this.events.length);
  }
}
