// DeletePhysicalConnection: by its owner only, once no VBR is left on it, and only in the statuses
// Alibaba's current documentation lists (Allocated, Confirmed, Rejected, Canceled,
// AllocationFailed, Terminated). Gone at once.
import { defineAction } from '../../engine/action.js';
import { idempotent } from '../shared/client-token.js';
import { ownPhysicalConnection } from './lookup.js';
import { pcMay } from './states.js';
import { PHYSICAL_CONNECTIONS, VBRS } from './storage.js';

export const deletePhysicalConnection = defineAction({
  product: 'Vpc',
  name: 'DeletePhysicalConnection',
  mode: 'write',
  handler: (input, ctx) =>
    idempotent(ctx, 'DeletePhysicalConnection', input, async () => {
      const pc = await ownPhysicalConnection(ctx, input.RegionId, input.PhysicalConnectionId);
      if ((await ctx.tx.repo(VBRS).count({ physicalConnectionId: pc.id })) > 0) throw ctx.error('Forbidden.VBRExists');
      if (!pcMay(pc, 'delete')) throw ctx.error('Forbidden.NotInAllowDeleteStatus');
      await ctx.tx.repo(PHYSICAL_CONNECTIONS).delete(pc.id);
      return {};
    }),
});
