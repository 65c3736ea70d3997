// Admin: what exists, across accounts (the admin's view, not an account's): every resource table
// a module declares with a resource type, filtered by type, account, region and status, paged;
// one resource by id; and what a client needs to reach this server besides its address (the
// default account's key), for `localvpc env` and `localvpc exec`.
// Known gap: a listing of every type pages table after table (each in creation order), not in one
// global creation order.
import type { AnyTableDef, TableDef, Where } from '../../store/port.js';
import { ACCESS_KEYS } from '../../resources/accounts/storage.js';
import { didYouMean } from '../../core/suggest.js';
import { AdminError, type Route } from './router.js';
import type { AdminDeps } from './deps.js';

type Row = Record<string, unknown>;
/** A resource table seen generically: its rows as records keyed by `id`. */
type Generic = TableDef<Row & { id: string }>;

const LIST_QUERY = ['type', 'account', 'region', 'status', 'limit', 'offset'];
const MAX_LIMIT = 1000;

/** A row as the API shows it: its type first, times as ISO 8601 beside the stored epoch ms. */
function shown(type: string, row: Row): Row {
  const out: Row = { type, ...row };
  for (const k of ['createdAt', 'modifiedAt', 'connectedAt']) {
    const v = row[k];
    if (typeof v === 'number' && v > 0) out[`${k}Iso`] = new Date(v).toISOString();
  }
  return out;
}

export function resourceRoutes(d: AdminDeps): Route[] {
  const { store } = d;
  const tables = d.registry
    .tables()
    .filter((t: AnyTableDef) => t.resourceType && !t.system && t.resourceType !== 'account' && t.columns.includes('accountId'));
  const types = tables.map((t) => t.resourceType ?? t.table);
  const generic = (t: AnyTableDef): Generic => t;
  const tablesOf = (type: string | null): AnyTableDef[] => {
    if (type === null || type === '') return tables;
    const t = tables.find((x) => x.resourceType === type);
    if (!t)
      throw new AdminError(
        400,
        'InvalidQuery',
        `Unknown type "${type}"${didYouMean(type, types, (x) => `"${x}"`)}; types: ${types.join(', ')}.`,
      );
    return [t];
  };
  const whole = (k: string, v: string | null, fallback: number): number => {
    if (v === null) return fallback;
    if (!/^\d+$/.test(v)) throw new AdminError(400, 'InvalidQuery', `"${k}" must be a whole number, got "${v}".`);
    return Number(v);
  };
  return [
    {
      method: 'GET',
      path: '/_localvpc/resources',
      tag: 'resources',
      summary: `Resources of every account, filtered by type (${types.join(', ')}), account, region and status; paged by limit (max ${MAX_LIMIT}, default 100) and offset. Answers {total, resources}.`,
      handler: async ({ query }) => {
        for (const k of query.keys())
          if (!LIST_QUERY.includes(k))
            throw new AdminError(400, 'InvalidQuery', `Unknown query parameter "${k}"${didYouMean(k, LIST_QUERY, (x) => `"${x}"`)}.`);
        const chosen = tablesOf(query.get('type'));
        const limit = Math.min(whole('limit', query.get('limit'), 100), MAX_LIMIT);
        let skip = whole('offset', query.get('offset'), 0);
        const status = query.get('status');
        if (status !== null && !chosen.some((t) => t.columns.includes('status')))
          throw new AdminError(400, 'InvalidQuery', `Resources of type ${query.get('type') ?? ''} have no status.`);
        return store.run('read', async (tx) => {
          let total = 0;
          const resources: Row[] = [];
          for (const t of chosen) {
            if (status !== null && !t.columns.includes('status')) continue;
            const where: Where<Row & { id: string }> = {};
            const account = query.get('account');
            const region = query.get('region');
            if (account !== null) where.accountId = account;
            if (region !== null && t.columns.includes('regionId')) where.regionId = region;
            if (status !== null) where.status = status;
            const repo = tx.repo(generic(t));
            const n = await repo.count(where);
            total += n;
            if (skip >= n) {
              skip -= n;
              continue;
            }
            const want = limit - resources.length;
            if (want <= 0) continue;
            const orderBy = t.columns.includes('createdAt') ? ['createdAt', 'id'] : ['id'];
            const rows = await repo.find(where, { orderBy, limit: want, offset: skip });
            skip = 0;
            for (const r of rows) resources.push(shown(t.resourceType as string, r));
          }
          return { body: { total, resources } };
        });
      },
    },
    {
      method: 'GET',
      path: '/_localvpc/resources/:id',
      tag: 'resources',
      summary: 'One resource by id, of any account (?type= to look in one type only); 404 ResourceNotFound when none has that id.',
      handler: (r) => {
        const { query } = r;
        const id = r.param('id');
        const type = query.get('type');
        const chosen = tablesOf(type);
        return store.run('read', async (tx) => {
          for (const t of chosen) {
            const row = await tx.repo(generic(t)).get(id);
            if (row) return { body: shown(t.resourceType as string, row) };
          }
          throw new AdminError(404, 'ResourceNotFound', `No ${type ? `${type} ` : 'resource '}${id} in any account.`);
        });
      },
    },
    {
      method: 'GET',
      path: '/_localvpc/env',
      tag: 'status',
      summary:
        "What a client needs to reach this server besides its address: the default account's AliUid and its first active AccessKey pair (secret included).",
      handler: () =>
        store.run('read', async (tx) => {
          const keys = await tx.repo(ACCESS_KEYS).find({ accountId: d.defaultAccount, status: 'Active' }, { orderBy: ['createdAt', 'id'] });
          const key = keys[0];
          if (!key) throw new AdminError(409, 'NoActiveKey', `The default account ${d.defaultAccount} has no active AccessKey.`);
          return { body: { aliUid: d.defaultAccount, accessKeyId: key.id, accessKeySecret: key.secret } };
        }),
    },
  ];
}
