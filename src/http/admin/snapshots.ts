// Admin: export the whole state as a versioned JSON document, import it, save and restore named
// snapshots in place, reset to empty (keeping or dropping accounts).
// Format versions: 2 names the schema per module (`schema: {module: version}`); 1 (before modules
// had their own migrations) carried `schemaVersion: 4`, the same tables as every module's first
// migration, and is still read.
import type { Rows, Scalar } from '../../store/port.js';
import { SNAPSHOTS } from '../../resources/shared/storage.js';
import { ACCESS_KEYS, ACCOUNTS } from '../../resources/accounts/storage.js';
import { AdminError, objectBody, optBoolean, optString, type Route } from './router.js';
import type { AdminDeps } from './deps.js';

export const SNAPSHOT_FORMAT = 'localvpc-snapshot';
export const SNAPSHOT_VERSION = 2;
const LEGACY_SCHEMA_VERSION = 4;

export interface SnapshotDocument {
  format: string;
  version: number;
  schema: Record<string, number>;
  exportedAt: string;
  clock: number;
  tables: Rows;
}

function sameSchema(a: Record<string, number>, b: Record<string, unknown>): boolean {
  const ka = Object.keys(a).sort();
  const kb = Object.keys(b).sort();
  return ka.length === kb.length && ka.every((k, i) => k === kb[i] && a[k] === b[k]);
}

function isScalar(v: unknown): v is Scalar {
  return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';
}

/** The document's tables as rows of scalars, or an InvalidSnapshot error. */
function rowsOf(v: unknown): Rows {
  if (typeof v !== 'object' || v === null || Array.isArray(v))
    throw new AdminError(400, 'InvalidSnapshot', '"tables" must map table names to arrays of rows.');
  const out: Rows = {};
  for (const [name, list] of Object.entries(v)) {
    if (!Array.isArray(list)) throw new AdminError(400, 'InvalidSnapshot', `"tables.${name}" must be an array of rows.`);
    out[name] = list.map((row: unknown, i) => {
      if (typeof row !== 'object' || row === null || Array.isArray(row))
        throw new AdminError(400, 'InvalidSnapshot', `tables.${name}[${i}] is not a row.`);
      const r: Record<string, Scalar> = {};
      for (const [k, x] of Object.entries(row)) {
        if (!isScalar(x)) throw new AdminError(400, 'InvalidSnapshot', `tables.${name}[${i}].${k} is not a string, number or boolean.`);
        r[k] = x;
      }
      return r;
    });
  }
  return out;
}

export function snapshotRoutes(d: AdminDeps): Route[] {
  const { store, transitions, clock } = d;
  const exportDoc = async (): Promise<SnapshotDocument> => ({
    format: SNAPSHOT_FORMAT,
    version: SNAPSHOT_VERSION,
    schema: store.schema(),
    exportedAt: new Date(clock.now()).toISOString(),
    clock: clock.now(),
    tables: await store.dump(),
  });
  const checkSchema = (b: Record<string, unknown>): void => {
    const mine = store.schema();
    if (b.version === SNAPSHOT_VERSION) {
      const schema = objectBody(b.schema, Object.keys(mine));
      if (!sameSchema(mine, schema)) {
        throw new AdminError(
          400,
          'InvalidSnapshot',
          `The snapshot is of schema ${JSON.stringify(b.schema)}; this server has ${JSON.stringify(mine)}.`,
        );
      }
    } else if (b.version === 1) {
      const baseline = Object.values(mine).every((v) => v === 1);
      if (b.schemaVersion !== LEGACY_SCHEMA_VERSION || !baseline) {
        throw new AdminError(
          400,
          'InvalidSnapshot',
          `The snapshot is of schema ${String(b.schemaVersion)}; this server reads version-1 snapshots of schema ${LEGACY_SCHEMA_VERSION} only.`,
        );
      }
    } else {
      throw new AdminError(400, 'InvalidSnapshot', `Not a ${SNAPSHOT_FORMAT} document of version 1 or ${SNAPSHOT_VERSION}.`);
    }
  };
  const importDoc = async (doc: unknown): Promise<{ tables: number; rows: number }> => {
    const b = objectBody(doc, ['format', 'version', 'schema', 'schemaVersion', 'exportedAt', 'clock', 'tables']);
    if (b.format !== SNAPSHOT_FORMAT) throw new AdminError(400, 'InvalidSnapshot', `Not a ${SNAPSHOT_FORMAT} document.`);
    checkSchema(b);
    const tables = rowsOf(b.tables);
    try {
      await store.replace(tables);
    } catch (e) {
      throw new AdminError(400, 'InvalidSnapshot', e instanceof Error ? e.message : String(e));
    }
    await transitions.refresh();
    return { tables: Object.keys(tables).length, rows: Object.values(tables).reduce((n, t) => n + t.length, 0) };
  };
  const named = (name: string): string => {
    if (!/^[A-Za-z0-9._-]{1,64}$/.test(name))
      throw new AdminError(400, 'InvalidName', 'A snapshot name is 1-64 letters, digits, dots, dashes or underscores.');
    return name;
  };
  return [
    {
      method: 'GET',
      path: '/_localvpc/snapshots/export',
      tag: 'snapshots',
      summary: 'The whole state as a versioned JSON document.',
      handler: async () => ({ body: await exportDoc() }),
    },
    {
      method: 'POST',
      path: '/_localvpc/snapshots/import',
      tag: 'snapshots',
      summary: 'Replace the whole state with an exported document.',
      example: { format: SNAPSHOT_FORMAT, version: SNAPSHOT_VERSION, tables: {} },
      handler: async ({ body }) => ({ body: { imported: await importDoc(body) } }),
    },
    {
      method: 'GET',
      path: '/_localvpc/snapshots',
      tag: 'snapshots',
      summary: 'List saved snapshots.',
      handler: () =>
        store.run('read', async (tx) => ({
          body: {
            snapshots: (await tx.repo(SNAPSHOTS).find({}, { orderBy: ['createdAt', 'name'] })).map((s) => ({
              name: s.name,
              createdAt: new Date(s.createdAt).toISOString(),
              bytes: s.document.length,
            })),
          },
        })),
    },
    {
      method: 'POST',
      path: '/_localvpc/snapshots',
      tag: 'snapshots',
      summary: 'Save the current state under a name (replacing a snapshot of that name).',
      example: { name: 'baseline' },
      handler: async ({ body }) => {
        const name = named(optString(objectBody(body, ['name']).name, 'name') ?? '');
        const document = JSON.stringify(await exportDoc());
        await store.run('write', async (tx) => {
          await tx.repo(SNAPSHOTS).delete(name);
          await tx.repo(SNAPSHOTS).insert({ name, createdAt: clock.now(), document });
        });
        return { status: 201, body: { name, bytes: document.length } };
      },
    },
    {
      method: 'POST',
      path: '/_localvpc/snapshots/:name/restore',
      tag: 'snapshots',
      summary: 'Restore a saved snapshot in place.',
      handler: async (r) => {
        const name = named(r.param('name'));
        const s = await store.run('read', (tx) => tx.repo(SNAPSHOTS).get(name));
        if (!s) throw new AdminError(404, 'SnapshotNotFound', `No snapshot ${name}.`);
        return { body: { restored: s.name, ...(await importDoc(JSON.parse(s.document))) } };
      },
    },
    {
      method: 'DELETE',
      path: '/_localvpc/snapshots/:name',
      tag: 'snapshots',
      summary: 'Delete a saved snapshot.',
      handler: async (r) => {
        const name = named(r.param('name'));
        const found = await store.run('write', async (tx) => {
          if (!(await tx.repo(SNAPSHOTS).get(name))) return false;
          await tx.repo(SNAPSHOTS).delete(name);
          return true;
        });
        if (!found) throw new AdminError(404, 'SnapshotNotFound', `No snapshot ${name}.`);
        return { body: { deleted: name } };
      },
    },
    {
      method: 'POST',
      path: '/_localvpc/reset',
      tag: 'snapshots',
      summary:
        'Reset to empty. keepAccounts (default true) keeps accounts and keys; otherwise only the default and configured accounts come back.',
      example: { keepAccounts: true },
      handler: async ({ body }) => {
        const keep = optBoolean(objectBody(body, ['keepAccounts']).keepAccounts, 'keepAccounts') ?? true;
        await store.replace({}, keep ? [ACCOUNTS.table, ACCESS_KEYS.table] : []);
        if (!keep) await d.ensureAccounts();
        await d.journal.clear();
        await transitions.refresh();
        return { body: { reset: true, keptAccounts: keep } };
      },
    },
  ];
}
