// The admin API under /_localvpc/ (and /metrics): every route, in one list.
import { createRouter, type Route } from './router.js';
import type { AdminAction, AdminDeps } from './deps.js';
import type { AdminRequest } from './router.js';
import { accountRoutes } from './accounts.js';
import { clockRoutes } from './clock.js';
import { transitionRoutes } from './transitions.js';
import { faultRoutes } from './faults.js';
import { snapshotRoutes } from './snapshots.js';
import { callRoutes } from './calls.js';
import { resourceRoutes } from './resources.js';
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
    ...resourceRoutes(deps),
  ];
  if (deps.audit) routes.splice(0, routes.length, ...routes.map((r) => audited(r, deps.audit)));
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

/** What an admin change acted on, in short: its path parameters and body (JSON, at most 500 characters). */
function detailOf(req: AdminRequest): string {
  const parts = { ...req.params, ...(req.body !== null && typeof req.body === 'object' ? req.body : {}) };
  const text = Object.keys(parts).length ? JSON.stringify(parts) : '';
  return text.length > 500 ? `${text.slice(0, 497)}...` : text;
}

/** A route whose successful changes are recorded (log and journal) under its `audit` name. */
function audited(r: Route, audit: ((a: AdminAction) => void) | undefined): Route {
  if (!r.audit || !audit) return r;
  const name = r.audit;
  return {
    ...r,
    handler: async (req) => {
      const reply = await r.handler(req);
      const made = reply.body as { id?: unknown } | undefined;
      const resource = Object.values(req.params)[0] ?? (typeof made?.id === 'string' ? made.id : '');
      audit({ name, resource, detail: detailOf(req) });
      return reply;
    },
  };
}
