// Admin: accounts, their AccessKeys, site and billing flags. Deleting an account with ?force=true
// also deletes every row it owns in every module's tables.
import { isAliUid } from '../../resources/accounts/service.js';
import { SITES, type AccessKey, type Account } from '../../resources/accounts/model.js';
import { ACCESS_KEYS, ACCOUNTS } from '../../resources/accounts/storage.js';
import type { AnyTableDef, TableDef, Tx } from '../../store/port.js';
import { AdminError, objectBody, optBoolean, optOneOf, optString, type Route } from './router.js';
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

/** A table as seen for deleting an account's rows: any row with an accountId column. */
type Owned = TableDef<{ id: string; accountId: string }>;

function ownedTables(tables: readonly AnyTableDef[]): Owned[] {
  return tables
    .filter((t) => t.columns.includes('accountId') && t.table !== ACCOUNTS.table && t.table !== ACCESS_KEYS.table)
    .map((t) => ({ table: t.table, key: 'id', columns: ['id', 'accountId'] }));
}

export function accountRoutes(d: AdminDeps): Route[] {
  const { store } = d;
  const owned = ownedTables(d.registry.tables());
  const get = async (tx: Tx, uid: string): Promise<Account> => {
    const a = await tx.repo(ACCOUNTS).get(uid);
    if (!a) throw new AdminError(404, 'AccountNotFound', `No account ${uid}.`);
    return a;
  };
  const keysOf = (tx: Tx, uid: string) => tx.repo(ACCESS_KEYS).find({ accountId: uid }, { orderBy: ['createdAt', 'id'] });
  const newKey = (accountId: string, id?: string, secret?: string): AccessKey => ({
    id: id ?? `LTAI5t${d.ids.token(18)}`,
    accountId,
    secret: secret ?? d.ids.token(30),
    status: 'Active',
    createdAt: d.clock.now(),
  });
  const keyOf = async (tx: Tx, uid: string, id: string): Promise<AccessKey> => {
    const k = await tx.repo(ACCESS_KEYS).get(id);
    if (!k || k.accountId !== uid) throw new AdminError(404, 'AccessKeyNotFound', `No AccessKey ${id} on account ${uid}.`);
    return k;
  };
  return [
    {
      method: 'GET',
      path: '/_localvpc/accounts',
      tag: 'accounts',
      summary: 'List accounts.',
      handler: () =>
        store.run('read', async (tx) => {
          const accounts = await tx.repo(ACCOUNTS).find({}, { orderBy: ['createdAt', 'id'] });
          const out = [];
          for (const a of accounts) out.push(view(a, await keysOf(tx, a.id)));
          return { body: { accounts: out } };
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
        const uid = optString(b.aliUid, 'aliUid') ?? `1${d.ids.digits(15)}`;
        if (!isAliUid(uid)) throw new AdminError(400, 'InvalidBody', '"aliUid" must be 16 digits, not starting with 0.');
        const keyId = optString(b.accessKeyId, 'accessKeyId');
        const account: Account = {
          id: uid,
          name: optString(b.name, 'name') ?? `account-${uid}`,
          site: optOneOf(b.site, SITES, 'site') ?? 'china',
          status: 'Active',
          billsOutstanding: optBoolean(b.billsOutstanding, 'billsOutstanding') ?? false,
          financialLocked: optBoolean(b.financialLocked, 'financialLocked') ?? false,
          createdAt: d.clock.now(),
        };
        const key = newKey(uid, keyId, optString(b.accessKeySecret, 'accessKeySecret'));
        return store.run('write', async (tx) => {
          if (await tx.repo(ACCOUNTS).get(uid)) throw new AdminError(409, 'AccountExists', `Account ${uid} exists already.`);
          if (keyId && (await tx.repo(ACCESS_KEYS).get(keyId)))
            throw new AdminError(409, 'AccessKeyExists', `AccessKey ${keyId} exists already.`);
          await tx.repo(ACCOUNTS).insert(account);
          await tx.repo(ACCESS_KEYS).insert(key);
          return { status: 201, body: { ...view(account, [key]), accessKey: { accessKeyId: key.id, accessKeySecret: key.secret } } };
        });
      },
    },
    {
      method: 'GET',
      path: '/_localvpc/accounts/:uid',
      tag: 'accounts',
      summary: 'Read an account.',
      handler: (r) => store.run('read', async (tx) => ({ body: view(await get(tx, r.param('uid')), await keysOf(tx, r.param('uid'))) })),
    },
    {
      method: 'PATCH',
      path: '/_localvpc/accounts/:uid',
      tag: 'accounts',
      summary: 'Change name, site, status (Active/Disabled) or billing flags.',
      example: { billsOutstanding: true, financialLocked: false, site: 'china' },
      handler: (r) => {
        const b = objectBody(r.body, ['name', 'site', 'status', 'billsOutstanding', 'financialLocked']);
        const status = optOneOf(b.status, ['Active', 'Disabled'] as const, 'status');
        const name = optString(b.name, 'name');
        const site = optOneOf(b.site, SITES, 'site');
        const bills = optBoolean(b.billsOutstanding, 'billsOutstanding');
        const locked = optBoolean(b.financialLocked, 'financialLocked');
        return store.run('write', async (tx) => {
          const a = await get(tx, r.param('uid'));
          const next: Account = {
            ...a,
            name: name ?? a.name,
            site: site ?? a.site,
            status: status ?? a.status,
            billsOutstanding: bills ?? a.billsOutstanding,
            financialLocked: locked ?? a.financialLocked,
          };
          await tx.repo(ACCOUNTS).update(next);
          return { body: view(next, await keysOf(tx, a.id)) };
        });
      },
    },
    {
      method: 'DELETE',
      path: '/_localvpc/accounts/:uid',
      tag: 'accounts',
      summary: 'Delete an account; with ?force=true also every resource it owns.',
      handler: async (r) => {
        const force = r.query.get('force') === 'true';
        const result = await store.run('write', async (tx) => {
          const a = await get(tx, r.param('uid'));
          let n = 0;
          for (const t of owned) n += await tx.repo(t).count({ accountId: a.id });
          if (n > 0 && !force)
            throw new AdminError(409, 'AccountHasResources', `Account ${a.id} owns ${n} resources; use ?force=true to delete them too.`);
          for (const t of owned) await tx.repo(t).deleteWhere({ accountId: a.id });
          await tx.repo(ACCESS_KEYS).deleteWhere({ accountId: a.id });
          await tx.repo(ACCOUNTS).delete(a.id);
          return { deleted: a.id, resources: n };
        });
        await d.transitions.refresh();
        return { body: result };
      },
    },
    {
      method: 'POST',
      path: '/_localvpc/accounts/:uid/keys',
      tag: 'accounts',
      summary: 'Create an AccessKey pair (its secret is shown only here).',
      example: { accessKeyId: 'LTAI5tMyOwnKeyId00000001', accessKeySecret: 'MyOwnSecret0000000000000000000' },
      handler: (r) => {
        const b = objectBody(r.body, ['accessKeyId', 'accessKeySecret']);
        const id = optString(b.accessKeyId, 'accessKeyId');
        const secret = optString(b.accessKeySecret, 'accessKeySecret');
        return store.run('write', async (tx) => {
          const a = await get(tx, r.param('uid'));
          if (id && (await tx.repo(ACCESS_KEYS).get(id))) throw new AdminError(409, 'AccessKeyExists', `AccessKey ${id} exists already.`);
          const key = newKey(a.id, id, secret);
          await tx.repo(ACCESS_KEYS).insert(key);
          return { status: 201, body: { accessKeyId: key.id, accessKeySecret: key.secret, status: key.status } };
        });
      },
    },
    {
      method: 'PATCH',
      path: '/_localvpc/accounts/:uid/keys/:id',
      tag: 'accounts',
      summary: 'Enable (Active) or disable (Inactive) an AccessKey.',
      example: { status: 'Inactive' },
      handler: (r) => {
        const status = optOneOf(objectBody(r.body, ['status']).status, ['Active', 'Inactive'] as const, 'status');
        if (!status) throw new AdminError(400, 'InvalidBody', '"status" must be Active or Inactive.');
        return store.run('write', async (tx) => {
          const k = await keyOf(tx, r.param('uid'), r.param('id'));
          await tx.repo(ACCESS_KEYS).update({ ...k, status });
          return { body: { accessKeyId: k.id, status } };
        });
      },
    },
    {
      method: 'DELETE',
      path: '/_localvpc/accounts/:uid/keys/:id',
      tag: 'accounts',
      summary: 'Delete an AccessKey.',
      handler: (r) =>
        store.run('write', async (tx) => {
          const k = await keyOf(tx, r.param('uid'), r.param('id'));
          await tx.repo(ACCESS_KEYS).delete(k.id);
          return { body: { deleted: k.id } };
        }),
    },
  ];
}
