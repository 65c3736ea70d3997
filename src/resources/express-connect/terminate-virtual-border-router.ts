// TerminateVirtualBorderRouter: active -> terminating -> terminated, by the owner of the VBR's
// physical connection only. The owner of a VBR made for it by another account's connection is
// refused (403); anyone else does not see the VBR (404).
import { defineAction } from '../../engine/action.js';
import { idempotent } from '../shared/client-token.js';
import { visibleVbr } from './lookup.js';
import { beginVbr, vbrMay } from './states.js';
import { VBRS } from './storage.js';
import { VBR_TRANSITIONS } from './transitions.js';

export const terminateVirtualBorderRouter = defineAction({
  product: 'Vpc',
  name: 'TerminateVirtualBorderRouter',
  mode: 'write',
  handler: (input, ctx) =>
    idempotent(ctx, 'TerminateVirtualBorderRouter', input, async () => {
      const { vbr, ownsPc } = await visibleVbr(ctx, input.RegionId, input.VbrId);
      if (!ownsPc) throw ctx.error('Forbidden.OperationTerminateNotAllowedByUser');
      if (!vbrMay(vbr, 'terminate')) throw ctx.error('InvalidOperation.OperationNotAllowedInState');
      await ctx.tx.repo(VBRS).update(beginVbr(vbr, 'terminate', ctx.plan(VBR_TRANSITIONS.terminate)));
      return {};
    }),
});
