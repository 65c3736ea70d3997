// `localvpc journal`: the query its flags make, one event per line, and --follow: the newest events,
// then each new one as the server pushes it (Server-Sent Events on GET /_localvpc/events), until
// Ctrl-C. With --json, one JSON event per line.
// Known gap: a dropped stream is not resumed; the command ends with exit code 3.
import { str, UsageError, type Parsed } from './args.js';
import { call, Unreachable, type Target } from './client.js';
import { arr, obj, show, type Json } from './format.js';

/** An event's outcome: its error code, OK for a success, `-` for events that are not calls. */
export const journalCode = (e: Json): string => show(e.errorCode) || (e.eventType === 'ApiCall' ? 'OK' : '-');

/** One event on one line, in fixed columns (what --follow prints as events come). */
export function journalLine(e: Json): string {
  return [
    show(e.eventId).padStart(6),
    show(e.eventTime).padEnd(20),
    show(e.eventType).padEnd(10),
    show(e.eventName).padEnd(34),
    show(obj(e.userIdentity).accountId).padEnd(16),
    show(e.acsRegion).padEnd(14),
    show(e.resourceName).padEnd(26),
    journalCode(e),
  ]
    .join(' ')
    .trimEnd();
}

const JOURNAL_FILTERS = [
  ['type', 'eventType'],
  ['action', 'eventName'],
  ['account', 'accountId'],
  ['region', 'acsRegion'],
  ['resource', 'resourceName'],
  ['code', 'errorCode'],
] as const;

/** The journal's query for the flags: filters, then a page (--limit/--offset) or the newest --tail N (20). */
export function journalQuery(p: Parsed, follow: boolean): URLSearchParams {
  const q = new URLSearchParams();
  for (const [flag, key] of JOURNAL_FILTERS) {
    const v = str(p, flag);
    if (v !== undefined) q.set(key, v);
  }
  const after = str(p, 'after');
  if (after !== undefined) q.set('after', after);
  const paged = p.flags.has('limit') || p.flags.has('offset');
  if (paged && p.flags.has('tail')) throw new UsageError('--tail goes without --limit and --offset');
  if (paged && follow) throw new UsageError('--follow goes with --tail, not --limit and --offset');
  if (paged) {
    for (const k of ['limit', 'offset']) {
      const v = str(p, k);
      if (v !== undefined) q.set(k, v);
    }
  } else q.set('tail', str(p, 'tail') ?? '20');
  return q;
}

/** The filters only, for the event stream. */
export function journalFilters(p: Parsed): URLSearchParams {
  const q = new URLSearchParams();
  for (const [flag, key] of JOURNAL_FILTERS) {
    const v = str(p, flag);
    if (v !== undefined) q.set(key, v);
  }
  return q;
}

/** Prints the newest events (oldest first, as a log), then follows; answers the exit code. */
export async function followJournal(p: Parsed, ctx: { target: Target; json: boolean }): Promise<number> {
  const print = (e: Json): void => void process.stdout.write(`${ctx.json ? JSON.stringify(e) : journalLine(e)}\n`);
  const first = obj(await call(ctx.target, 'GET', `/_localvpc/journal?${journalQuery(p, true)}`));
  const events = arr(first.events);
  for (const e of events) print(e);
  const last = events.reduce((m, e) => Math.max(m, Number(e.eventId) || 0), Number(str(p, 'after') ?? 0));
  const q = journalFilters(p);
  q.set('after', String(last));
  const stop = new AbortController();
  process.once('SIGINT', () => stop.abort());
  process.once('SIGTERM', () => stop.abort());
  let res: Response;
  try {
    res = await fetch(`${ctx.target.url}/_localvpc/events?${q}`, {
      headers: { accept: 'text/event-stream', ...(ctx.target.token ? { authorization: `Bearer ${ctx.target.token}` } : {}) },
      signal: stop.signal,
    });
  } catch (e) {
    if (stop.signal.aborted) return 0;
    throw new Unreachable(`cannot reach LocalVPC at ${ctx.target.url}: ${e instanceof Error ? e.message : String(e)}`);
  }
  if (res.status === 404) {
    process.stderr.write('localvpc: this server pushes no events (GET /_localvpc/events); it is older than this CLI\n');
    return 1;
  }
  if (!res.ok || !res.body) {
    process.stderr.write(`localvpc: the event stream answered HTTP ${res.status}: ${await res.text()}\n`);
    return 1;
  }
  const decoder = new TextDecoder();
  let buffer = '';
  try {
    const reader = res.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      buffer += decoder.decode(value, { stream: true });
      let end: number;
      while ((end = buffer.search(/\r?\n\r?\n/)) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end).replace(/^\r?\n\r?\n/, '');
        let type = 'message';
        const data: string[] = [];
        for (const line of block.split(/\r?\n/)) {
          if (line.startsWith('event:')) type = line.slice(6).trim();
          else if (line.startsWith('data:')) data.push(line.slice(5).replace(/^ /, ''));
        }
        if (type === 'journal' && data.length) print(obj(JSON.parse(data.join('\n'))));
      }
    }
  } catch (e) {
    if (stop.signal.aborted) return 0;
    process.stderr.write(`localvpc: the event stream broke: ${e instanceof Error ? e.message : String(e)}\n`);
    return 3;
  }
  if (stop.signal.aborted) return 0;
  process.stderr.write('localvpc: the server closed the event stream\n');
  return 3;
}
