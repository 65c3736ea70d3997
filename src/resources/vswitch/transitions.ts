// The vSwitch module's transitions: creating, modifying and deleting a vSwitch each pass through
// Pending (Alibaba documents all three as asynchronous); a deleted one is then gone.
import { transitionKinds } from '../../engine/transition-policy.js';
import { settler } from '../../engine/transitions.js';
import type { VSwitch } from './model.js';
import { VSWITCHES } from './storage.js';

/** Realistic: a few seconds each; none is published. */
export const VSWITCH_TRANSITIONS = transitionKinds('VSwitch', { create: 3_000, modify: 2_000, delete: 3_000 });

export const vswitchSettler = settler<VSwitch>({
  kind: 'VSwitch',
  table: VSWITCHES,
  async complete(tx, row) {
    const repo = tx.repo(VSWITCHES);
    if (row.pendingStatus === 'Deleted') return repo.delete(row.id);
    if (row.pendingStatus === '') return;
    await repo.update({ ...row, status: row.pendingStatus, pendingStatus: '', dueAt: 0 });
  },
});
