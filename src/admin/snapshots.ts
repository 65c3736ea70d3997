// Admin: export the whole state as a versioned JSON document, import it, save and restore named
// snapshots in place, reset to empty (keeping or dropping accounts).
import type { Scalar, TableDef } from '../store/store.js';
import { AdminError, objectBody, ofType, type Route } from './router.js';
import type { AdminDeps } from './deps.js';

export const SNAPSHOT_FORMAT = 'localvpc-snapshot';
export const SNAPSHOT_VERSION = 1;

interface Saved {
  name: string;
  createdAt: number;
  document: string;
}

const SNAPSHOTS: TableDef<Saved> = { table: 'snapshots', key: 'name', columns: ['name', 'createdAt', 'document'] };

export interface SnapshotDocument {
  format: string;
  version: number;
  schemaVersion: number;
  exportedAt: string;
  clock: number;
  tables: Record<string, Record<string, Scalar>[]>;
}

export function snapshotRoutes(d: AdminDeps): Route[] {
  const { store, transitions, clock } = d.services;
  const saved = store.repo(SNAPSHOTS);
  const exportDoc = (): SnapshotDocument => ({
    format: SNAPSHOT_FORMAT,
    version: SNAPSHOT_VERSION,
    schemaVersion: store.schemaVersion(),
    exportedAt: new Date(clock.now()).toISOString(),
    clock: clock.now(),
    tables: store.dumpTables(),
  });
  const importDoc = (doc: unknown): { tables: number; rows: number } => {
    const b = objectBody(doc, ['format', 'version', 'schemaVersion', 'exportedAt', 'clock', 'tables']);
    if (b.format !== SNAPSHOT_FORMAT || b.version !== SNAPSHOT_VERSION)
      throw new AdminError(400, 'InvalidSnapshot', `Not a ${SNAPSHOT_FORMAT} document of version ${SNAPSHOT_VERSION}.`);
    if (b.schemaVersion !== store.schemaVersion())
      throw new AdminError(
        400,
        'InvalidSnapshot',
        `The snapshot is of schema ${String(b.schemaVersion)}; this server has ${store.schemaVersion()}.`,
      );
    const tables = b.tables as Record<string, unknown>;
    if (typeof tables !== 'object' || tables === null || Object.values(tables).some((t) => !Array.isArray(t)))
      throw new AdminError(400, 'InvalidSnapshot', '"tables" must map table names to arrays of rows.');
    try {
      store.replaceTables(tables as Record<string, Record<string, Scalar>[]>);
    } catch (e) {
      throw new AdminError(400, 'InvalidSnapshot', (e as Error).message);
    }
    transitions.refresh();
    return { tables: Object.keys(tables).length, rows: Object.values(tables).reduce<number>((n, t) => n + (t as unknown[]).length, 0) };
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
      handler: () => ({ body: exportDoc() }),
    },
    {
      method: 'POST',
      path: '/_localvpc/snapshots/import',
      tag: 'snapshots',
      summary: 'Replace the whole state with an exported document.',
      example: { format: SNAPSHOT_FORMAT, version: SNAPSHOT_VERSION, tables: {} },
      handler: ({ body }) => ({ body: { imported: importDoc(body) } }),
    },
    {
      method: 'GET',
      path: '/_localvpc/snapshots',
      tag: 'snapshots',
      summary: 'List saved snapshots.',
      handler: () => ({
        body: {
          snapshots: saved
            .find({}, { orderBy: ['createdAt', 'name'] })
            .map((s) => ({ name: s.name, createdAt: new Date(s.createdAt).toISOString(), bytes: s.document.length })),
        },
      }),
    },
    {
      method: 'POST',
      path: '/_localvpc/snapshots',
      tag: 'snapshots',
      summary: 'Save the current state under a name (replacing a snapshot of that name).',
      example: { name: 'baseline' },
      handler: ({ body }) => {
        const name = named(ofType<string>(objectBody(body, ['name']).name, 'string', 'name') ?? '');
        const document = JSON.stringify(exportDoc());
        store.transaction(() => {
          saved.delete(name);
          saved.insert({ name, createdAt: clock.now(), document });
        });
        return { status: 201, body: { name, bytes: document.length } };
      },
    },
    {
      method: 'POST',
      path: '/_localvpc/snapshots/:name/restore',
      tag: 'snapshots',
      summary: 'Restore a saved snapshot in place.',
      handler: ({ params }) => {
        const s = saved.get(named(params.name as string));
        if (!s) throw new AdminError(404, 'SnapshotNotFound', `No snapshot ${params.name}.`);
        return { body: { restored: s.name, ...importDoc(JSON.parse(s.document)) } };
      },
    },
    {
      method: 'DELETE',
      path: '/_localvpc/snapshots/:name',
      tag: 'snapshots',
      summary: 'Delete a saved snapshot.',
      handler: ({ params }) => {
        if (!saved.get(named(params.name as string))) throw new AdminError(404, 'SnapshotNotFound', `No snapshot ${params.name}.`);
        store.transaction(() => saved.delete(params.name as string));
        return { body: { deleted: params.name } };
      },
    },
    {
      method: 'POST',
      path: '/_localvpc/reset',
      tag: 'snapshots',
      summary:
        'Reset to empty. keepAccounts (default true) keeps accounts and keys; otherwise only the default and configured accounts come back.',
      example: { keepAccounts: true },
      handler: ({ body }) => {
        const keep = ofType<boolean>(objectBody(body, ['keepAccounts']).keepAccounts, 'boolean', 'keepAccounts') ?? true;
        store.replaceTables({}, keep ? ['accounts', 'access_keys'] : []);
        if (!keep) d.ensureAccounts();
        d.services.journal.clear();
        transitions.refresh();
        return { body: { reset: true, keptAccounts: keep } };
      },
    },
  ];
}
