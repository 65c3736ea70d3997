// Admin: export the whole state (streamed, format version 3; snapshot-format.ts), import it in any
// version (migrated on the way when it is of an older schema), save and restore named snapshots in
// place, reset to empty (keeping or dropping accounts).
// Known gap: named snapshots are kept whole in the store (version 2): a store of hundreds of
// thousands of rows makes a large one; export and import stream.
import type { ImportChunk } from '../../store/port.js';
import { SNAPSHOTS } from '../../resources/shared/storage.js';
import { ACCESS_KEYS, ACCOUNTS } from '../../resources/accounts/storage.js';
import { AdminError, objectBody, optBoolean, optString, type Route } from './router.js';
import type { AdminDeps } from './deps.js';
import {
  readDocument,
  readNdjson,
  SNAPSHOT_FORMAT,
  SNAPSHOT_VERSION,
  writeNdjson,
  type SnapshotDocument,
  type SnapshotHeader,
} from './snapshot-format.js';

function sameSchema(a: Record<string, number>, b: Record<string, number>): boolean {
  const ka = Object.keys(a).sort();
  const kb = Object.keys(b).sort();
  return ka.length === kb.length && ka.every((k, i) => k === kb[i] && a[k] === b[k]);
}

export function snapshotRoutes(d: AdminDeps): Route[] {
  const { store, transitions, clock } = d;
  const header = (version: number): SnapshotHeader => ({
    format: SNAPSHOT_FORMAT,
    version,
    schema: store.schema(),
    exportedAt: new Date(clock.now()).toISOString(),
    clock: clock.now(),
  });
  const exportDoc = async (): Promise<SnapshotDocument> => ({ ...header(2), tables: await store.dump() });
  /** Replaces the state with the rows of a snapshot of schema `schema`, migrated first when it is older. */
  const load = async (schema: Record<string, number>, chunks: AsyncIterable<ImportChunk> | Iterable<ImportChunk>) => {
    const mine = store.schema();
    let rows = chunks;
    if (!sameSchema(mine, schema)) {
      const refusal = store.upgradeRefusal(schema);
      if (refusal) throw new AdminError(400, 'InvalidSnapshot', `The snapshot is of schema ${JSON.stringify(schema)}: ${refusal}.`);
      rows = store.upgradeChunks(schema, chunks);
    }
    let done: { tables: number; rows: number };
    try {
      done = await store.replaceChunks(rows);
    } catch (e) {
      throw e instanceof AdminError ? e : new AdminError(400, 'InvalidSnapshot', e instanceof Error ? e.message : String(e));
    }
    await transitions.refresh();
    return done;
  };
  const importDoc = (doc: unknown) => {
    const { schema, chunks } = readDocument(doc, Object.keys(store.schema()));
    return load(schema, chunks);
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
      summary:
        'The whole state, streamed as NDJSON (format version 3: a header line, then per table a line naming it and its columns and one line per row); ?version=2 for one JSON document.',
      handler: ({ query }) => {
        const version = query.get('version') ?? String(SNAPSHOT_VERSION);
        if (version === '2') return exportDoc().then((doc) => ({ body: doc }));
        if (version !== String(SNAPSHOT_VERSION)) throw new AdminError(400, 'InvalidQuery', `"version" is 2 or 3, got "${version}".`);
        return { stream: { contentType: 'application/x-ndjson', chunks: writeNdjson(header(SNAPSHOT_VERSION), store.exportChunks()) } };
      },
    },
    {
      method: 'POST',
      path: '/_localvpc/snapshots/import',
      audit: 'SnapshotImport',
      tag: 'snapshots',
      summary:
        'Replace the whole state with an export: NDJSON of version 3 (content-type application/x-ndjson, streamed), or a JSON document of version 2 or 1; an older schema is migrated.',
      example: { format: SNAPSHOT_FORMAT, version: 2, schema: {}, tables: {} },
      streams: true,
      handler: async ({ body, stream }) => {
        if (!stream) return { body: { imported: await importDoc(body) } };
        const { header: h, chunks } = await readNdjson(stream);
        return { body: { imported: await load(h.schema, chunks) } };
      },
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
      audit: 'SnapshotSave',
      tag: 'snapshots',
      summary: 'Save the current state under a name; a snapshot of that name is replaced only with "force": true.',
      example: { name: 'baseline', force: false },
      handler: async ({ body }) => {
        const b = objectBody(body, ['name', 'force']);
        const name = named(optString(b.name, 'name') ?? '');
        const force = optBoolean(b.force, 'force') ?? false;
        const document = JSON.stringify(await exportDoc());
        await store.run('write', async (tx) => {
          if (!force && (await tx.repo(SNAPSHOTS).get(name)))
            throw new AdminError(409, 'SnapshotExists', `Snapshot ${name} exists already; save with "force": true to replace it.`);
          await tx.repo(SNAPSHOTS).delete(name);
          await tx.repo(SNAPSHOTS).insert({ name, createdAt: clock.now(), document });
        });
        return { status: 201, body: { name, bytes: document.length } };
      },
    },
    {
      method: 'POST',
      path: '/_localvpc/snapshots/:name/restore',
      audit: 'SnapshotRestore',
      tag: 'snapshots',
      summary: 'Restore a saved snapshot in place.',
      handler: async (r) => {
        const name = named(r.param('name'));
        const s = await store.run('read', (tx) => tx.repo(SNAPSHOTS).get(name));
        if (!s) throw new AdminError(404, 'SnapshotNotFound', `No snapshot ${name}.`);
        return { body: Object.assign({ restored: s.name }, await importDoc(JSON.parse(s.document))) };
      },
    },
    {
      method: 'DELETE',
      path: '/_localvpc/snapshots/:name',
      audit: 'SnapshotDelete',
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
      audit: 'Reset',
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
