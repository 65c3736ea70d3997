// Admin: can a VPC (or vSwitch) reach an address, hop by hop, and does the way back lead home?
import { reach, ReachError } from '../../resources/route-entry/reachability.js';
import { AdminError, objectBody, optString, type Route } from './router.js';
import type { AdminDeps } from './deps.js';

export function reachabilityRoutes(d: AdminDeps): Route[] {
  return [
    {
      method: 'POST',
      path: '/_localvpc/reachability',
      tag: 'explain',
      summary:
        'Walk the path from a VPC or vSwitch ("source") to an IPv4 address ("destination"): the longest-prefix route, the router interface of the next hop and its status, the peer end, the far side, then the return route; each hop passed or failed with its reason.',
      example: { source: 'vpc-…', destination: '10.2.1.5' },
      handler: async ({ body }) => {
        const b = objectBody(body, ['source', 'destination']);
        const source = optString(b.source, 'source');
        const destination = optString(b.destination, 'destination');
        if (!source || !destination)
          throw new AdminError(400, 'InvalidBody', '"source" (vpc-… or vsw-…) and "destination" (an IPv4 address) are required.');
        try {
          return { body: await d.store.run('read', (tx) => reach(tx, { source, destination })) };
        } catch (e) {
          if (e instanceof ReachError)
            throw e.kind === 'not-found'
              ? new AdminError(404, 'NotFound', `${e.message}.`)
              : new AdminError(400, 'InvalidBody', `${e.message}.`);
          throw e;
        }
      },
    },
  ];
}
