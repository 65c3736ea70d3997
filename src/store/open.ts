// Opens the back end a configuration names, with the modules' schema. The only place that picks
// an adapter.
import { join } from 'node:path';
import type { ModuleSchema, Store } from './port.js';
import { SqliteStore, type Durability } from './sqlite/sqlite-store.js';
import { PostgresStore, describePgUrl } from './postgres/pg-store.js';
import type { StoreTarget } from '../config/config.js';

export interface OpenOptions {
  durability: Durability;
  acceptDataLoss: boolean;
}

/** The store, what it is, and (when it started on --accept-data-loss with writes missing) what was lost. */
export async function openStore(
  target: StoreTarget,
  schema: readonly ModuleSchema[],
  opts: OpenOptions,
): Promise<{ store: Store; description: string; dataLoss?: string }> {
  if (target.kind === 'postgres')
    return { store: await PostgresStore.open({ url: target.url, schema }), description: describePgUrl(target.url) };
  if (target.kind === 'memory') return { store: new SqliteStore({ path: ':memory:', schema }), description: 'memory' };
  const path = join(target.dir, 'localvpc.db');
  const store = new SqliteStore({ path, durability: opts.durability, schema, acceptDataLoss: opts.acceptDataLoss });
  return { store, description: path, ...(store.dataLoss ? { dataLoss: store.dataLoss } : {}) };
}
