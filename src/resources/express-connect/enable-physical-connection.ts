// EnablePhysicalConnection: Initial or Confirmed -> Enabled, at once (the automatic enabling of a
// new connection is cancelled). Alibaba enables only Confirmed ones; LocalVPC skips the approval
// and construction steps that lead there, so Initial is accepted too (states.ts).
import { defineAction } from '../../engine/action.js';
import { idempotent } from '../shared/client-token.js';
import { ownPhysicalConnection } from './lookup.js';
import { pcMay } from './states.js';
import { PHYSICAL_CONNECTIONS } from './storage.js';

export const enablePhysicalConnection = defineAction({
  product: 'Vpc',
  name: 'EnablePhysicalConnection',
  mode: 'write',
  handler: (input, ctx) =>
    idempotent(ctx, 'EnablePhysicalConnection', input, async () => {
      const pc = await ownPhysicalConnection(ctx, input.RegionId, input.PhysicalConnectionId);
      if (!pcMay(pc, 'enable')) throw ctx.error('Forbidden.NotAllowedInState');
      await ctx.tx.repo(PHYSICAL_CONNECTIONS).update({
        ...pc,
        status: 'Enabled',
        enabledAt: pc.enabledAt || ctx.now,
        pendingStatus: '',
        dueAt: 0,
      });
      return {};
    }),
});
