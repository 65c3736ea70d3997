// The admin API under /_localvpc/ (and /metrics): every route, in one list.
import { createRouter, type Route } from './router.js';
import type { AdminDeps } from './deps.js';
import { accountRoutes } from './accounts.js';
import { clockRoutes } from './clock.js';
import { transitionRoutes } from './transitions.js';
import { faultRoutes } from './faults.js';
import { snapshotRoutes } from './snapshots.js';
import { callRoutes } from './calls.js';
import { observeRoutes } from './observe.js';
import { eventRoutes } from './events.js';
import { openApiDocument } from './openapi.js';
import { explainRoutes } from './explain.js';
import { reachabilityRoutes } from './reachability.js';
import { timelineRoutes } from './timeline.js';
import { consoleRoutes } from './console.js';

export const ADMIN_VERSION = '1';

export function createAdmin(deps: AdminDeps, token: string) {
  const routes: Route[] = [
    ...observeRoutes(deps),
    ...accountRoutes(deps),
    ...clockRoutes(deps),
    ...transitionRoutes(deps),
    ...faultRoutes(deps),
    ...snapshotRoutes(deps),
    ...callRoutes(deps),
    ...eventRoutes(deps),
    ...explainRoutes(deps),
    ...reachabilityRoutes(deps),
    ...timelineRoutes(deps),
    ...consoleRoutes(deps),
  ];
  const doc = openApiDocument(routes, ADMIN_VERSION);
  routes.push({
    method: 'GET',
    path: '/_localvpc/openapi.json',
    tag: 'status',
    open: true,
    summary: 'This document (open).',
    handler: () => ({ body: doc }),
  });
  return createRouter(routes, token);
}
