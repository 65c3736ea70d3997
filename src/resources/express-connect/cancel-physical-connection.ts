// CancelPhysicalConnection: a connection not enabled yet (Initial, Approved, Allocated, Confirmed)
// -> Canceled, at once; the automatic enabling of a new connection is cancelled.
import { defineAction } from '../../engine/action.js';
import { idempotent } from '../shared/client-token.js';
import { ownPhysicalConnection } from './lookup.js';
import { pcMay } from './states.js';
import { PHYSICAL_CONNECTIONS } from './storage.js';

export const cancelPhysicalConnection = defineAction({
  product: 'Vpc',
  name: 'CancelPhysicalConnection',
  mode: 'write',
  handler: (input, ctx) =>
    idempotent(ctx, 'CancelPhysicalConnection', input, async () => {
      const pc = await ownPhysicalConnection(ctx, input.RegionId, input.PhysicalConnectionId);
      if (!pcMay(pc, 'cancel')) throw ctx.error('Forbidden.NotAllowedInState');
      await ctx.tx.repo(PHYSICAL_CONNECTIONS).update({ ...pc, status: 'Canceled', pendingStatus: '', dueAt: 0 });
      return {};
    }),
});
