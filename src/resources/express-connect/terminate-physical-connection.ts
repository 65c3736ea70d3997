// TerminatePhysicalConnection: only Enabled, and only once every VBR on it is deleted (a
// terminated VBR still counts). Terminating, then Terminated after the transition delay.
import { defineAction } from '../../engine/action.js';
import { idempotent } from '../shared/client-token.js';
import { ownPhysicalConnection } from './lookup.js';
import { beginPcTerminate, pcMay } from './states.js';
import { PHYSICAL_CONNECTIONS, VBRS } from './storage.js';
import { EC_TRANSITIONS } from './transitions.js';

export const terminatePhysicalConnection = defineAction({
  product: 'Vpc',
  name: 'TerminatePhysicalConnection',
  mode: 'write',
  handler: (input, ctx) =>
    idempotent(ctx, 'TerminatePhysicalConnection', input, async () => {
      const pc = await ownPhysicalConnection(ctx, input.RegionId, input.PhysicalConnectionId);
      if (!pcMay(pc, 'terminate')) throw ctx.error('Forbidden.NotAllowedInState');
      if ((await ctx.tx.repo(VBRS).count({ physicalConnectionId: pc.id })) > 0) throw ctx.error('Forbidden.VbrAttached');
      await ctx.tx.repo(PHYSICAL_CONNECTIONS).update(beginPcTerminate(pc, ctx.plan(EC_TRANSITIONS.terminate)));
      return {};
    }),
});
