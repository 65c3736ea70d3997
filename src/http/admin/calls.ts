// Admin: run any implemented action as a chosen account, through the engine's one invoke (the same
// validation, faults, transitions and journal as the RPC gateway; the journal says `admin`, or
// `console` when the web console calls). Parameters are given as a structure and flattened the way
// the SDKs send them (`Filter: [{Key, Value: [..]}]` -> `Filter.1.Key`, `Filter.1.Value.1`).
import { ApiError } from '../../errors/api-error.js';
import { flattenParams } from '../../protocol/params.js';
import { getAccount } from '../../resources/accounts/service.js';
import type { Product } from '../../engine/action.js';
import { AdminError, anyObject, objectBody, optOneOf, optString, type Route } from './router.js';
import type { AdminDeps } from './deps.js';

const PRODUCTS: readonly Product[] = ['Vpc', 'Sts'];

export function callRoutes(d: AdminDeps): Route[] {
  return [
    {
      method: 'POST',
      path: '/_localvpc/call',
      tag: 'calls',
      summary:
        "Run an action as an account (default: the default account). Answers {requestId, result}, or the action's error with its Alibaba code and HTTP status.",
      example: { account: '1000000000000001', action: 'CreateVpc', params: { RegionId: 'cn-hangzhou', CidrBlock: '10.0.0.0/16' } },
      handler: async ({ body }) => {
        const b = objectBody(body, ['account', 'action', 'product', 'params', 'source']);
        const action = optString(b.action, 'action');
        if (!action) throw new AdminError(400, 'InvalidBody', '"action" is required.');
        const product = optOneOf(b.product, PRODUCTS, 'product') ?? 'Vpc';
        const source = optOneOf(b.source, ['admin', 'console'] as const, 'source') ?? 'admin';
        const uid = optString(b.account, 'account') ?? d.defaultAccount;
        const params = flattenParams(anyObject(b.params, 'params'));
        const caller = await d.store.run('read', (tx) => getAccount(tx, uid));
        if (!caller) throw new AdminError(404, 'AccountNotFound', `No account ${uid}.`);
        const requestId = d.ids.requestId();
        try {
          const result = await d.engine.invoke({ product, action, params, caller, requestId, source });
          return { body: { requestId, result } };
        } catch (e) {
          if (!(e instanceof ApiError)) throw e;
          return { status: e.status, body: { requestId, error: { code: e.code, message: e.message } } };
        }
      },
    },
  ];
}
