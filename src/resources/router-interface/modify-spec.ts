// ModifyRouterInterfaceSpec: a new bandwidth for the initiating end (the accepting end's spec is
// always Negative). On an Active link both ends go Activating -> Active; on an Idle interface the
// spec just changes. Any other status: InvalidInstance.StatusError.
import { defineAction } from '../../engine/action.js';
import { idempotent } from '../shared/client-token.js';
import { linkedPeer, ownInterface, startTransition } from './lookup.js';
import { SPECS } from './model.js';
import { own } from '../../core/own.js';
import { allowed } from './states.js';
import { ROUTER_INTERFACES } from './storage.js';
import { RI_TRANSITIONS } from './transitions.js';

export const modifyRouterInterfaceSpec = defineAction({
  product: 'Vpc',
  name: 'ModifyRouterInterfaceSpec',
  mode: 'write',
  handler: async (input, ctx) => {
    const ri = await ownInterface(ctx, input.RegionId, input.RouterInterfaceId);
    if (ctx.caller.financialLocked) throw ctx.error('Forbidden.FinancialLocked');
    if (own(SPECS, input.Spec) === undefined || (ri.role === 'AcceptingSide') !== (input.Spec === 'Negative'))
      throw ctx.error('InvalidSpec.ValueNotSupported');
    return idempotent(ctx, 'ModifyRouterInterfaceSpec', input, async () => {
      if (ri.status === 'Idle') {
        await ctx.tx.repo(ROUTER_INTERFACES).update({ ...ri, spec: input.Spec, modifiedAt: ctx.now });
        return { Spec: input.Spec };
      }
      if (!allowed(ri, 'modifySpec')) throw ctx.error('InvalidInstance.StatusError');
      await startTransition(ctx, RI_TRANSITIONS.modifySpec, { ...ri, spec: input.Spec }, 'modifySpec', await linkedPeer(ctx, ri));
      return { Spec: input.Spec };
    });
  },
});
