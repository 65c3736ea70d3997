// Admin: fault rules.
import { AdminError, objectBody, optNumber, optOneOf, optString, type Route } from './router.js';
import type { AdminDeps } from './deps.js';
import type { FaultEffect } from '../../runtime/faults.js';
import { actionError } from '../../errors/catalog.js';

function effectOf(v: unknown): FaultEffect {
  const e = objectBody(v, ['error', 'latencyMs', 'transition']);
  const out: FaultEffect = {};
  if (e.error !== undefined) {
    const err = objectBody(e.error, ['code', 'message', 'status']);
    const code = optString(err.code, 'error.code');
    if (!code) throw new AdminError(400, 'InvalidBody', '"effect.error.code" is required.');
    const status = optNumber(err.status, 'error.status');
    if (status !== undefined && (status < 400 || status > 599))
      throw new AdminError(400, 'InvalidBody', '"effect.error.status" must be 400-599.');
    const message = optString(err.message, 'error.message');
    if (message === undefined || status === undefined) {
      try {
        actionError(undefined, code);
      } catch {
        throw new AdminError(400, 'InvalidBody', `"${code}" is in no catalog: give its "status" and "message".`);
      }
    }
    out.error = { code, ...(message !== undefined ? { message } : {}), ...(status !== undefined ? { status } : {}) };
  }
  const latency = optNumber(e.latencyMs, 'latencyMs');
  if (latency !== undefined) {
    if (latency < 0 || latency > 60_000) throw new AdminError(400, 'InvalidBody', '"effect.latencyMs" must be 0-60000.');
    out.latencyMs = latency;
  }
  const t = optOneOf(e.transition, ['stuck', 'fail-self', 'fail-peer'] as const, 'effect.transition');
  if (t !== undefined) out.transition = t;
  if (!out.error && out.latencyMs === undefined && !out.transition)
    throw new AdminError(400, 'InvalidBody', 'An effect needs "error", "latencyMs" or "transition".');
  return out;
}

export function faultRoutes(d: AdminDeps): Route[] {
  const { faults } = d;
  return [
    {
      method: 'GET',
      path: '/_localvpc/faults',
      tag: 'faults',
      summary: 'List fault rules with how often each matched and fired.',
      handler: async () => ({ body: { faults: await faults.list() } }),
    },
    {
      method: 'POST',
      path: '/_localvpc/faults',
      audit: 'FaultAdd',
      tag: 'faults',
      summary:
        'Add a fault rule. Matches on action, accountId, regionId, resourceId (any parameter value), nth call or probability (seeded); fires at most count times.',
      example: {
        action: 'ConnectRouterInterface',
        accountId: '1000000000000001',
        count: 1,
        effect: { error: { code: 'Throttling.User' } },
      },
      handler: async ({ body }) => {
        const b = objectBody(body, ['action', 'accountId', 'regionId', 'resourceId', 'nth', 'probability', 'seed', 'count', 'effect']);
        const num = (k: string, min: number, max: number) => {
          const v = optNumber(b[k], k);
          if (v !== undefined && (v < min || v > max)) throw new AdminError(400, 'InvalidBody', `"${k}" must be from ${min} to ${max}.`);
          return v;
        };
        const rule = await faults.add(
          {
            action: optString(b.action, 'action'),
            accountId: optString(b.accountId, 'accountId'),
            regionId: optString(b.regionId, 'regionId'),
            resourceId: optString(b.resourceId, 'resourceId'),
            nth: num('nth', 1, 1e9),
            probability: num('probability', 0, 1),
            seed: num('seed', 0, 2 ** 32),
            count: num('count', 1, 1e9),
            effect: effectOf(b.effect),
          },
          new Date(d.clock.now()).toISOString(),
        );
        return { status: 201, body: rule };
      },
    },
    {
      method: 'DELETE',
      path: '/_localvpc/faults/:id',
      tag: 'faults',
      audit: 'FaultRemove',
      summary: 'Remove one fault rule.',
      handler: async (r) => {
        const id = r.param('id');
        if (!(await faults.remove(id))) throw new AdminError(404, 'FaultNotFound', `No fault rule ${id}.`);
        return { body: { deleted: id } };
      },
    },
    {
      method: 'DELETE',
      path: '/_localvpc/faults',
      tag: 'faults',
      audit: 'FaultClear',
      summary: 'Remove every fault rule.',
      handler: async () => {
        await faults.clear();
        return { body: { faults: [] } };
      },
    },
  ];
}
