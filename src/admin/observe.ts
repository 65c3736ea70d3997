// Admin: status, journal, health and metrics (the last two open, for probes and scrapers).
import type { Route } from './router.js';
import type { AdminDeps } from './deps.js';

export function observeRoutes(d: AdminDeps): Route[] {
  const { services } = d;
  return [
    {
      method: 'GET',
      path: '/_localvpc/health',
      tag: 'status',
      open: true,
      summary: 'Liveness and readiness (open).',
      handler: () => ({ body: { status: 'ok', ready: true, store: services.store.kind, schemaVersion: services.store.schemaVersion() } }),
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
      handler: () => ({
        body: {
          storage: d.storage,
          schemaVersion: services.store.schemaVersion(),
          uptimeSeconds: Math.round((Date.now() - d.startedAt) / 1000),
          clock: new Date(services.clock.now()).toISOString(),
          transitionProfile: services.policy.profile,
          pendingTransitions: services.transitions.pending().length,
          faults: services.faults.list().length,
          journalEvents: services.journal.size,
          counts: Object.fromEntries(Object.entries(services.repos).map(([k, r]) => [k, r.count({})])),
          accounts: services.accounts.accounts.count({}),
        },
      }),
    },
    {
      method: 'GET',
      path: '/_localvpc/journal',
      tag: 'journal',
      summary:
        'Journal events (ActionTrail-shaped), filtered by eventType, eventName, accountId, acsRegion, resourceName, errorCode, after (eventId); paged by limit (max 1000) and offset.',
      handler: ({ query }) => {
        const s = (k: string) => query.get(k) ?? undefined;
        const n = (k: string) => (query.get(k) !== null && /^\d+$/.test(query.get(k) as string) ? Number(query.get(k)) : undefined);
        return {
          body: services.journal.query({
            eventType: s('eventType'),
            eventName: s('eventName'),
            accountId: s('accountId'),
            acsRegion: s('acsRegion'),
            resourceName: s('resourceName'),
            errorCode: s('errorCode'),
            after: n('after'),
            limit: n('limit'),
            offset: n('offset'),
          }),
        };
      },
    },
  ];
}
