// GET /_localvpc/events: the journal as Server-Sent Events, for the console's live view and
// `localvpc journal --follow`. The retained events after `after` (or Last-Event-ID) come first,
// then each new event as it is added; a `: ping` comment every 15 s keeps proxies from closing an
// idle stream. Known gaps: a client slower than the events buffers them in this process without a
// bound other than the socket's (a stalled browser tab on a busy server costs memory until it
// goes away); events dropped from the journal's ring before a reconnecting client replays them
// are not signalled.
import { shaped, matches, type JournalEntry, type JournalPort, type JournalQuery } from '../../runtime/journal.js';
import { AdminError, type Route } from './router.js';
import { journalQuery } from './journal-query.js';

const PING_MS = 15_000;
const PAGE = 1000;

export interface EventDeps {
  journal: JournalPort;
  /** Aborted when the server stops: open streams end so that shutdown does not wait on them. */
  stopping: AbortSignal;
}

export function eventRoutes(d: EventDeps): Route[] {
  return [
    {
      method: 'GET',
      path: '/_localvpc/events',
      tag: 'journal',
      tokenInQuery: true,
      summary:
        'The journal as Server-Sent Events (event: journal, id: eventId, data: the event as /_localvpc/journal shows it): the retained events after `after` (or Last-Event-ID) first, then each new one. Same filters as /_localvpc/journal. The token may be given as ?token= for EventSource.',
      handler: ({ query, headers, signal }) => {
        const q = journalQuery(query, []);
        const last = headers['last-event-id'];
        if (q.after === undefined && typeof last === 'string' && last !== '') {
          if (!/^\d+$/.test(last)) throw new AdminError(400, 'InvalidHeader', `Last-Event-ID must be a whole number, got "${last}".`);
          q.after = Number(last);
        }
        return {
          stream: {
            contentType: 'text/event-stream;charset=utf-8',
            headers: { 'cache-control': 'no-store', 'x-accel-buffering': 'no' },
            chunks: eventStream(d, q, AbortSignal.any([signal, d.stopping])),
          },
        };
      },
    },
  ];
}

async function* eventStream(d: EventDeps, q: JournalQuery, signal: AbortSignal): AsyncGenerator<string> {
  // Subscribe before the replay, so nothing added in between is missed; skip what the replay sent.
  // Pings carry id 0 and always pass.
  const live: [number, string][] = [];
  let wake: (() => void) | undefined;
  let sent = q.after ?? 0;
  const filter: JournalQuery = { ...q, after: undefined };
  const stop = d.journal.subscribe((id: number, e: JournalEntry) => {
    if (!matches(filter, id, e)) return;
    live.push([id, frame(id, shaped(id, e))]);
    wake?.();
  });
  const ping = setInterval(() => (live.push([0, ': ping\n\n']), wake?.()), PING_MS);
  const onAbort = (): void => wake?.();
  signal.addEventListener('abort', onAbort);
  try {
    yield ': localvpc journal\n\n';
    for (;;) {
      const page = await d.journal.query({ ...q, after: sent, limit: PAGE });
      let text = '';
      for (const ev of page.events) {
        if (ev.eventId <= sent) continue;
        text += frame(ev.eventId, ev);
        sent = ev.eventId;
      }
      if (text) yield text;
      if (page.events.length < PAGE) break;
    }
    while (!signal.aborted) {
      if (live.length === 0) await new Promise<void>((r) => (wake = r));
      wake = undefined;
      let text = '';
      for (const [id, f] of live.splice(0)) {
        if (id !== 0 && id <= sent) continue; // already replayed
        if (id !== 0) sent = id;
        text += f;
      }
      if (text) yield text;
    }
  } finally {
    stop();
    clearInterval(ping);
    signal.removeEventListener('abort', onAbort);
  }
}

function frame(id: number, event: unknown): string {
  return `id: ${id}\nevent: journal\ndata: ${JSON.stringify(event)}\n\n`;
}
