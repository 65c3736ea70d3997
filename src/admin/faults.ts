// Admin: fault rules.
import { AdminError, objectBody, ofType, type Route } from './router.js';
import type { AdminDeps } from './deps.js';
import type { FaultEffect } from '../core/faults.js';
import { actionError } from '../errors/catalog.js';

function effectOf(v: unknown): FaultEffect {
  const e = objectBody(v, ['error', 'latencyMs', 'transition']);
  const out: FaultEffect = {};
  if (e.error !== undefined) {
    const err = objectBody(e.error, ['code', 'message', 'status']);
    const code = ofType<string>(err.code, 'string', 'error.code');
    if (!code) throw new AdminError(400, 'InvalidBody', '"effect.error.code" is required.');
    const status = ofType<number>(err.status, 'number', 'error.status');
    if (status !== undefined && (status < 400 || status > 599))
      throw new AdminError(400, 'InvalidBody', '"effect.error.status" must be 400-599.');
    const message = ofType<string>(err.message, 'string', 'error.message');
    if (message === undefined || status === undefined) {
      try {
        actionError(undefined, code);
      } catch {
        throw new AdminError(400, 'InvalidBody', `"${code}" is in no catalog: give its "status" and "message".`);
      }
    }
    out.error = { code, ...(message !== undefined ? { message } : {}), ...(status !== undefined ? { status } : {}) };
  }
  const latency = ofType<number>(e.latencyMs, 'number', 'latencyMs');
  if (latency !== undefined) {
    if (latency < 0 || latency > 60_000) throw new AdminError(400, 'InvalidBody', '"effect.latencyMs" must be 0-60000.');
    out.latencyMs = latency;
  }
  const t = ofType<string>(e.transition, 'string', 'transition');
  if (t !== undefined) {
    if (t !== 'stuck' && t !== 'fail-self' && t !== 'fail-peer')
      throw new AdminError(400, 'InvalidBody', '"effect.transition" must be stuck, fail-self or fail-peer.');
    out.transition = t;
  }
  if (!out.error && out.latencyMs === undefined && !out.transition)
    throw new AdminError(400, 'InvalidBody', 'An effect needs "error", "latencyMs" or "transition".');
  return out;
}

export function faultRoutes(d: AdminDeps): Route[] {
  const { faults } = d.services;
  return [
    {
      method: 'GET',
      path: '/_localvpc/faults',
      tag: 'faults',
      summary: 'List fault rules with how often each matched and fired.',
      handler: () => ({ body: { faults: faults.list() } }),
    },
    {
      method: 'POST',
      path: '/_localvpc/faults',
      tag: 'faults',
      summary:
        'Add a fault rule. Matches on action, accountId, regionId, resourceId (any parameter value), nth call or probability (seeded); fires at most count times.',
      example: {
        action: 'ConnectRouterInterface',
        accountId: '1000000000000001',
        count: 1,
        effect: { error: { code: 'Throttling.User' } },
      },
      handler: ({ body }) => {
        const b = objectBody(body, ['action', 'accountId', 'regionId', 'resourceId', 'nth', 'probability', 'seed', 'count', 'effect']);
        const num = (k: string, min: number, max: number) => {
          const v = ofType<number>(b[k], 'number', k);
          if (v !== undefined && (v < min || v > max)) throw new AdminError(400, 'InvalidBody', `"${k}" must be from ${min} to ${max}.`);
          return v;
        };
        const rule = faults.add(
          {
            action: ofType<string>(b.action, 'string', 'action'),
            accountId: ofType<string>(b.accountId, 'string', 'accountId'),
            regionId: ofType<string>(b.regionId, 'string', 'regionId'),
            resourceId: ofType<string>(b.resourceId, 'string', 'resourceId'),
            nth: num('nth', 1, 1e9),
            probability: num('probability', 0, 1),
            seed: num('seed', 0, 2 ** 32),
            count: num('count', 1, 1e9),
            effect: effectOf(b.effect),
          },
          new Date(d.services.clock.now()).toISOString(),
        );
        return { status: 201, body: rule };
      },
    },
    {
      method: 'DELETE',
      path: '/_localvpc/faults/:id',
      tag: 'faults',
      summary: 'Remove one fault rule.',
      handler: ({ params }) => {
        if (!faults.remove(params.id as string)) throw new AdminError(404, 'FaultNotFound', `No fault rule ${params.id}.`);
        return { body: { deleted: params.id } };
      },
    },
    {
      method: 'DELETE',
      path: '/_localvpc/faults',
      tag: 'faults',
      summary: 'Remove every fault rule.',
      handler: () => (faults.clear(), { body: { faults: [] } }),
    },
  ];
}
