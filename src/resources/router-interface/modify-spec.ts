// ModifyRouterInterfaceSpec: a new bandwidth for the initiating end (the accepting end's spec is
// always Negative). On an Active link both ends go Activating -> Active; on an Idle interface the
// spec just changes. Any other status: InvalidInstance.StatusError.
import { defineAction } from '../../actions/registry-types.js';
import { idempotent } from '../shared/client-token.js';
import { linkedPeer, ownInterface, startTransition } from './lookup.js';
import { SPECS } from './model.js';
import { allowed } from './states.js';

interface Input {
  RegionId: string;
  RouterInterfaceId: string;
  Spec: string;
  ClientToken?: string;
}

export const modifyRouterInterfaceSpec = defineAction({
  product: 'Vpc',
  name: 'ModifyRouterInterfaceSpec',
  mode: 'write',
  handler: (input: Input, ctx) => {
    const ri = ownInterface(ctx, input.RegionId, input.RouterInterfaceId);
    if (ctx.account.financialLocked) throw ctx.error('Forbidden.FinancialLocked');
    if (!(input.Spec in SPECS) || (ri.role === 'AcceptingSide') !== (input.Spec === 'Negative'))
      throw ctx.error('InvalidSpec.ValueNotSupported');
    return idempotent(ctx, 'ModifyRouterInterfaceSpec', input.ClientToken, () => {
      if (ri.status === 'Idle') {
        ctx.services.repos.routerInterfaces.update({ ...ri, spec: input.Spec, modifiedAt: ctx.now });
        return { Spec: input.Spec };
      }
      if (!allowed(ri, 'modifySpec')) throw ctx.error('InvalidInstance.StatusError');
      startTransition(ctx, 'RouterInterface.modifySpec', { ...ri, spec: input.Spec }, 'modifySpec', linkedPeer(ctx, ri));
      return { Spec: input.Spec };
    });
  },
});
