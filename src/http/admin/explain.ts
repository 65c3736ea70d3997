// Admin: "why is this interface not Active?" — what Connect/Activate/Deactivate/DeleteRouterInterface
// would answer right now, check by check, computed by the actions' own checks in a dry run.
import { explainInterface } from '../../resources/router-interface/explain.js';
import { AdminError, type Route } from './router.js';
import type { AdminDeps } from './deps.js';

export function explainRoutes(d: AdminDeps): Route[] {
  return [
    {
      method: 'GET',
      path: '/_localvpc/explain/:id',
      tag: 'explain',
      summary:
        'What ConnectRouterInterface, ActivateRouterInterface, DeactivateRouterInterface and DeleteRouterInterface would answer now for a router interface, each check passed or failed with its error code (a dry run of the actions’ own checks; nothing changes).',
      handler: async (req) => {
        const id = req.param('id');
        const body = await explainInterface(
          id,
          (fn) => d.store.run('read', fn),
          (action, caller, fn) => d.engine.dryRun('Vpc', action, caller, fn),
        );
        if (!body) throw new AdminError(404, 'NotFound', `No router interface ${id}.`);
        return { body };
      },
    },
  ];
}
