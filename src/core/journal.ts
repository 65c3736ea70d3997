// The journal: every API call, fired fault and completed state transition, shaped like ActionTrail
// events, kept in memory with a bounded retention (the newest `capacity` events). It is a
// debugging aid: it does not survive a restart, by design, so that reads never wait on a disk write.

export type EventType = 'ApiCall' | 'Transition' | 'Fault';

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

export class Journal {
  private events: JournalEvent[] = [];
  private seq = 0;

  constructor(public capacity = 10_000) {}

  add(e: Omit<JournalEvent, 'eventId'>): JournalEvent {
    const event = { eventId: ++this.seq, ...e };
    this.events.push(event);
    if (this.events.length > this.capacity) this.events.splice(0, this.events.length - this.capacity);
    return event;
  }

  query(q: JournalQuery): { total: number; events: JournalEvent[] } {
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
    return { total: match.length, events: match.slice(offset, offset + limit) };
  }

  clear(): void {
    this.events = [];
  }

  get size(): number {
    return this.events.length;
  }
}
