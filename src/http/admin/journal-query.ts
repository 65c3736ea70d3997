// The journal's query parameters, read and checked once for every route that filters the journal
// (GET /_localvpc/journal, the event stream).
import type { JournalQuery } from '../../runtime/journal.js';
import { didYouMean } from '../../core/suggest.js';
import { AdminError } from './router.js';

const FILTERS = ['eventType', 'eventName', 'accountId', 'acsRegion', 'resourceName', 'errorCode', 'after'] as const;

/** Reads the filters (and the paging or other parameters a route adds in `extra`); unknown names are refused. */
export function journalQuery(query: URLSearchParams, extra: readonly string[]): JournalQuery {
  const known = [...FILTERS, ...extra];
  for (const k of query.keys())
    if (!known.includes(k))
      throw new AdminError(400, 'InvalidQuery', `Unknown query parameter "${k}"${didYouMean(k, known, (x) => `"${x}"`)}.`);
  const s = (k: string) => query.get(k) ?? undefined;
  const n = (k: string) => {
    const v = query.get(k);
    if (v === null) return undefined;
    if (!/^\d+$/.test(v)) throw new AdminError(400, 'InvalidQuery', `"${k}" must be a whole number, got "${v}".`);
    return Number(v);
  };
  return {
    eventType: s('eventType'),
    eventName: s('eventName'),
    accountId: s('accountId'),
    acsRegion: s('acsRegion'),
    resourceName: s('resourceName'),
    errorCode: s('errorCode'),
    after: n('after'),
    ...(extra.includes('limit') ? { limit: n('limit') } : {}),
    ...(extra.includes('offset') ? { offset: n('offset') } : {}),
  };
}
