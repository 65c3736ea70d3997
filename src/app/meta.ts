// The emulator's own facts about its store, kept in the `emulator_meta` table: how many times a
// seeded id generator started on it, and which seed file was applied.
import type { Store, Tx } from '../store/port.js';
import { META } from '../resources/shared/storage.js';

export async function readMeta(tx: Tx, key: string): Promise<string | undefined> {
  return (await tx.repo(META).get(key))?.value;
}

export async function writeMeta(tx: Tx, key: string, value: string): Promise<void> {
  const repo = tx.repo(META);
  if (await repo.get(key)) await repo.update({ key, value });
  else await repo.insert({ key, value });
}

/**
 * The seed for this start of a seeded id generator (`--id-seed`): the seed itself on a fresh store,
 * so its ids are reproducible there; mixed with the number of earlier seeded starts on a store that
 * has seen some, so a restart does not draw again the ids it already stored.
 */
export function seedForThisStart(store: Store, seed: number): Promise<number> {
  return store.run('write', async (tx) => {
    const starts = Number((await readMeta(tx, 'idSeedStarts')) ?? '0');
    await writeMeta(tx, 'idSeedStarts', String(starts + 1));
    return starts === 0 ? seed : (Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) + Math.imul(starts, 0xc2b2ae35)) >>> 0;
  });
}
