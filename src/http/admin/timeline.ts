// Admin: the timeline of a router interface, or of its pair: every state transition and every API
// call that named either end, from the journal, oldest first, with the caller, the RequestId and
// the error code; a create is filed under what it created, so the timeline starts there. Known
// gaps: the journal is bounded (the oldest events fall out) and names one resource per call (a
// ModifyRouterInterfaceAttribute that names the peer is listed under the interface it changed).
import { getInterface } from '../../resources/router-interface/queries.js';
import type { JournalEvent } from '../../runtime/journal.js';
import { AdminError, type Route } from './router.js';
import type { AdminDeps } from './deps.js';

const MAX = 1000;

export function timelineRoutes(d: AdminDeps): Route[] {
  return [
    {
      method: 'GET',
      path: '/_localvpc/timeline/:id',
      tag: 'journal',
      summary:
        'Every transition and API call that touched a router interface and (unless pair=false) its peer, from the journal, oldest first (at most 1000 per end).',
      handler: async (req) => {
        const id = req.param('id');
        for (const k of req.query.keys())
          if (k !== 'pair') throw new AdminError(400, 'InvalidQuery', `Unknown query parameter "${k}"; allowed: pair.`);
        const pairQ = req.query.get('pair');
        if (pairQ !== null && pairQ !== 'true' && pairQ !== 'false')
          throw new AdminError(400, 'InvalidQuery', '"pair" must be true or false.');
        const ri = await d.store.run('read', (tx) => getInterface(tx, id));
        const own = await d.journal.query({ resourceName: id, limit: MAX });
        if (!ri && own.total === 0) throw new AdminError(404, 'NotFound', `No router interface ${id}, and the journal names none.`);
        const peerId = pairQ === 'false' ? '' : (ri?.oppositeInterfaceId ?? '');
        const peer = peerId ? await d.journal.query({ resourceName: peerId, limit: MAX }) : { total: 0, events: [] as JournalEvent[] };
        const events = [...own.events, ...peer.events].sort((a, b) => a.eventId - b.eventId);
        return {
          body: {
            routerInterfaceId: id,
            ...(peerId ? { peerId } : {}),
            ...(ri ? { status: ri.status } : { status: 'Deleted' }),
            truncated: own.total > own.events.length || peer.total > peer.events.length,
            events,
          },
        };
      },
    },
  ];
}
