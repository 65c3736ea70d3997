// Admin: accounts, their AccessKeys, site and billing flags.
import { isAliUid } from '../resources/accounts/service.js';
import { SITES, type AccessKey, type Account, type Site } from '../resources/accounts/model.js';
import { AdminError, objectBody, ofType, type Route } from './router.js';
import type { AdminDeps } from './deps.js';

function view(a: Account, keys: AccessKey[]) {
  return {
    aliUid: a.id,
    name: a.name,
    site: a.site,
    status: a.status,
    billsOutstanding: a.billsOutstanding,
    financialLocked: a.financialLocked,
    createdAt: new Date(a.createdAt).toISOString(),
    accessKeys: keys.map((k) => ({ accessKeyId: k.id, status: k.status, createdAt: new Date(k.createdAt).toISOString() })),
  };
}

export function accountRoutes(d: AdminDeps): Route[] {
  const { accounts: repos } = d.services;
  const store = d.services.store;
  const get = (uid: string): Account => {
    const a = repos.accounts.get(uid);
    if (!a) throw new AdminError(404, 'AccountNotFound', `No account ${uid}.`);
    return a;
  };
  const site = (v: unknown): Site | undefined => {
    const s = ofType<string>(v, 'string', 'site');
    if (s !== undefined && !(SITES as readonly string[]).includes(s))
      throw new AdminError(400, 'InvalidBody', `"site" must be one of ${SITES.join(', ')}.`);
    return s as Site | undefined;
  };
  const newKey = (accountId: string, id?: string, secret?: string): AccessKey => ({
    id: id ?? `LTAI5t${d.services.ids.token(18)}`,
    accountId,
    secret: secret ?? d.services.ids.token(30),
    status: 'Active',
    createdAt: d.services.clock.now(),
  });
  const keyOf = (uid: string, id: string): AccessKey => {
    const k = repos.keys.get(id);
    if (!k || k.accountId !== uid) throw new AdminError(404, 'AccessKeyNotFound', `No AccessKey ${id} on account ${uid}.`);
    return k;
  };
  return [
    {
      method: 'GET',
      path: '/_localvpc/accounts',
      tag: 'accounts',
      summary: 'List accounts.',
      handler: () => ({
        body: {
          accounts: repos.accounts.find({}, { orderBy: ['createdAt', 'id'] }).map((a) => view(a, repos.keys.find({ accountId: a.id }))),
        },
      }),
    },
    {
      method: 'POST',
      path: '/_localvpc/accounts',
      tag: 'accounts',
      summary: 'Create an account with one AccessKey pair (its secret is shown only here).',
      example: { aliUid: '1000000000000009', name: 'team-b', site: 'international', billsOutstanding: false, financialLocked: false },
      handler: ({ body }) => {
        const b = objectBody(body, ['aliUid', 'name', 'site', 'billsOutstanding', 'financialLocked', 'accessKeyId', 'accessKeySecret']);
        const uid = ofType<string>(b.aliUid, 'string', 'aliUid') ?? `1${d.services.ids.digits(15)}`;
        if (!isAliUid(uid)) throw new AdminError(400, 'InvalidBody', '"aliUid" must be 16 digits, not starting with 0.');
        if (repos.accounts.get(uid)) throw new AdminError(409, 'AccountExists', `Account ${uid} exists already.`);
        const keyId = ofType<string>(b.accessKeyId, 'string', 'accessKeyId');
        if (keyId && repos.keys.get(keyId)) throw new AdminError(409, 'AccessKeyExists', `AccessKey ${keyId} exists already.`);
        const account: Account = {
          id: uid,
          name: ofType<string>(b.name, 'string', 'name') ?? `account-${uid}`,
          site: site(b.site) ?? 'china',
          status: 'Active',
          billsOutstanding: ofType<boolean>(b.billsOutstanding, 'boolean', 'billsOutstanding') ?? false,
          financialLocked: ofType<boolean>(b.financialLocked, 'boolean', 'financialLocked') ?? false,
          createdAt: d.services.clock.now(),
        };
        const key = newKey(uid, keyId, ofType<string>(b.accessKeySecret, 'string', 'accessKeySecret'));
        store.transaction(() => {
          repos.accounts.insert(account);
          repos.keys.insert(key);
        });
        return { status: 201, body: { ...view(account, [key]), accessKey: { accessKeyId: key.id, accessKeySecret: key.secret } } };
      },
    },
    {
      method: 'GET',
      path: '/_localvpc/accounts/:uid',
      tag: 'accounts',
      summary: 'Read an account.',
      handler: ({ params }) => ({ body: view(get(params.uid as string), repos.keys.find({ accountId: params.uid as string })) }),
    },
    {
      method: 'PATCH',
      path: '/_localvpc/accounts/:uid',
      tag: 'accounts',
      summary: 'Change name, site, status (Active/Disabled) or billing flags.',
      example: { billsOutstanding: true, financialLocked: false, site: 'china' },
      handler: ({ params, body }) => {
        const a = get(params.uid as string);
        const b = objectBody(body, ['name', 'site', 'status', 'billsOutstanding', 'financialLocked']);
        const status = ofType<string>(b.status, 'string', 'status');
        if (status !== undefined && status !== 'Active' && status !== 'Disabled')
          throw new AdminError(400, 'InvalidBody', '"status" must be Active or Disabled.');
        const next: Account = {
          ...a,
          name: ofType<string>(b.name, 'string', 'name') ?? a.name,
          site: site(b.site) ?? a.site,
          status: (status as Account['status'] | undefined) ?? a.status,
          billsOutstanding: ofType<boolean>(b.billsOutstanding, 'boolean', 'billsOutstanding') ?? a.billsOutstanding,
          financialLocked: ofType<boolean>(b.financialLocked, 'boolean', 'financialLocked') ?? a.financialLocked,
        };
        store.transaction(() => repos.accounts.update(next));
        return { body: view(next, repos.keys.find({ accountId: a.id })) };
      },
    },
    {
      method: 'DELETE',
      path: '/_localvpc/accounts/:uid',
      tag: 'accounts',
      summary: 'Delete an account; with ?force=true also every resource it owns.',
      handler: ({ params, query }) => {
        const a = get(params.uid as string);
        const owned = Object.values(d.services.repos).reduce((n, r) => n + r.count({ accountId: a.id } as never), 0);
        if (owned > 0 && query.get('force') !== 'true')
          throw new AdminError(409, 'AccountHasResources', `Account ${a.id} owns ${owned} resources; use ?force=true to delete them too.`);
        store.transaction(() => {
          for (const t of Object.values(d.services.repos)) t.deleteWhere({ accountId: a.id } as never);
          repos.keys.deleteWhere({ accountId: a.id });
          repos.accounts.delete(a.id);
        });
        d.services.transitions.refresh();
        return { body: { deleted: a.id, resources: owned } };
      },
    },
    {
      method: 'POST',
      path: '/_localvpc/accounts/:uid/keys',
      tag: 'accounts',
      summary: 'Create an AccessKey pair (its secret is shown only here).',
      example: { accessKeyId: 'LTAI5tMyOwnKeyId00000001', accessKeySecret: 'MyOwnSecret0000000000000000000' },
      handler: ({ params, body }) => {
        const a = get(params.uid as string);
        const b = objectBody(body, ['accessKeyId', 'accessKeySecret']);
        const id = ofType<string>(b.accessKeyId, 'string', 'accessKeyId');
        if (id && repos.keys.get(id)) throw new AdminError(409, 'AccessKeyExists', `AccessKey ${id} exists already.`);
        const key = newKey(a.id, id, ofType<string>(b.accessKeySecret, 'string', 'accessKeySecret'));
        store.transaction(() => repos.keys.insert(key));
        return { status: 201, body: { accessKeyId: key.id, accessKeySecret: key.secret, status: key.status } };
      },
    },
    {
      method: 'PATCH',
      path: '/_localvpc/accounts/:uid/keys/:id',
      tag: 'accounts',
      summary: 'Enable (Active) or disable (Inactive) an AccessKey.',
      example: { status: 'Inactive' },
      handler: ({ params, body }) => {
        const k = keyOf(params.uid as string, params.id as string);
        const status = ofType<string>(objectBody(body, ['status']).status, 'string', 'status');
        if (status !== 'Active' && status !== 'Inactive') throw new AdminError(400, 'InvalidBody', '"status" must be Active or Inactive.');
        store.transaction(() => repos.keys.update({ ...k, status }));
        return { body: { accessKeyId: k.id, status } };
      },
    },
    {
      method: 'DELETE',
      path: '/_localvpc/accounts/:uid/keys/:id',
      tag: 'accounts',
      summary: 'Delete an AccessKey.',
      handler: ({ params }) => {
        const k = keyOf(params.uid as string, params.id as string);
        store.transaction(() => repos.keys.delete(k.id));
        return { body: { deleted: k.id } };
      },
    },
  ];
}
