// A settler for resources whose transition just sets `status` to `pendingStatus` (Pending -> Available).
import type { Repo } from '../store/store.js';
import type { Pendable, Settler } from './transitions.js';

export function simpleSettler<T extends Pendable & { status: string }>(
  kind: string,
  repo: Repo<T>,
  extra?: (row: T, at: number) => T,
): Settler<T> {
  return {
    kind,
    repo,
    complete(row) {
      const done = { ...row, status: row.pendingStatus, pendingStatus: '', dueAt: 0 } as T;
      repo.update(extra ? extra(done, row.dueAt) : done);
    },
  };
}
