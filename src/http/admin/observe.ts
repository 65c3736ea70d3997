// Admin: status, journal, health and metrics (the last two open, for probes and scrapers).
import { AdminError, type Route } from './router.js';
import type { AdminDeps } from './deps.js';
import { journalQuery } from './journal-query.js';

export function observeRoutes(d: AdminDeps): Route[] {
  const { store } = d;
  const counted = d.registry.tables().filter((t) => !t.system && t.resourceType);
  return [
    {
      method: 'GET',
      path: '/_localvpc/health',
      tag: 'status',
      open: true,
      summary: 'Liveness and readiness (open): 503 with the reason while the store cannot serve (a full disk, a damaged file).',
      handler: () => {
        const h = store.health();
        return {
          status: h.ready ? 200 : 503,
          body: {
            status: h.ready ? 'ok' : 'unavailable',
            ready: h.ready,
            ...(h.reason ? { reason: h.reason } : {}),
            store: store.kind,
            schema: store.schema(),
          },
        };
      },
    },
    {
      method: 'GET',
      path: '/metrics',
      tag: 'status',
      open: true,
      summary: 'Prometheus metrics (open).',
      handler: async () => ({ raw: await d.metrics.scrape() }),
    },
    {
      method: 'GET',
      path: '/_localvpc/status',
      tag: 'status',
      summary: 'What this server is: storage, clock, profile, counts.',
      handler: async () => {
        const counts: Record<string, number> = {};
        for (const t of counted) counts[t.resourceType ?? t.table] = await store.count(t);
        return {
          body: {
            storage: d.storage,
            schema: store.schema(),
            uptimeSeconds: Math.round((Date.now() - d.startedAt) / 1000),
            clock: new Date(d.clock.now()).toISOString(),
            transitionProfile: d.profile.current().profile,
            pendingTransitions: (await d.transitions.pending()).length,
            faults: (await d.faults.list()).length,
            journalEvents: await d.journal.size(),
            counts,
          },
        };
      },
    },
    {
      method: 'GET',
      path: '/_localvpc/journal',
      tag: 'journal',
      summary:
        'Journal events (ActionTrail-shaped), oldest first, filtered by eventType, eventName, accountId, acsRegion, resourceName, errorCode, after (eventId); paged by limit (max 1000) and offset, or the newest `tail` events (at most 1000).',
      handler: async ({ query }) => {
        const q = journalQuery(query, ['limit', 'offset', 'tail']);
        const tail = query.get('tail');
        if (tail === null) return { body: await d.journal.query(q) };
        if (!/^\d+$/.test(tail)) throw new AdminError(400, 'InvalidQuery', `"tail" must be a whole number, got "${tail}".`);
        if (q.limit !== undefined || q.offset !== undefined)
          throw new AdminError(400, 'InvalidQuery', '"tail" goes without "limit" and "offset".');
        // The newest `tail` events (oldest first, as every page): count, then the page at the end.
        const { total } = await d.journal.query({ ...q, limit: 0 });
        const limit = Math.min(Number(tail), 1000);
        return { body: await d.journal.query({ ...q, limit, offset: Math.max(0, total - limit) }) };
      },
    },
  ];
}
