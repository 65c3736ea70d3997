// A settler for resources whose transition just sets `status` to `pendingStatus` (Pending -> Available).
import type { TableDef } from '../store/port.js';
import { settler, type Pendable, type Settler } from './transitions.js';

export function simpleSettler<T extends Pendable>(kind: string, table: TableDef<T>, extra?: (row: T, at: number) => T): Settler {
  return settler<T>({
    kind,
    table,
    async complete(tx, row) {
      if (row.pendingStatus === '') return;
      const done: T = { ...row, status: row.pendingStatus, pendingStatus: '', dueAt: 0 };
      await tx.repo(table).update(extra ? extra(done, row.dueAt) : done);
    },
  });
}
