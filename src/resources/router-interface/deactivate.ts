// DeactivateRouterInterface ("freeze"): Active -> Deactivating -> Inactive, both ends of the link.
import { defineAction } from '../../actions/registry-types.js';
import { linkedPeer, ownInterface, savePair } from './lookup.js';
import { allowed, begin } from './states.js';

interface Input {
  RegionId: string;
  RouterInterfaceId: string;
}

export const deactivateRouterInterface = defineAction({
  product: 'Vpc',
  name: 'DeactivateRouterInterface',
  mode: 'write',
  handler: (input: Input, ctx) => {
    const ri = ownInterface(ctx, input.RegionId, input.RouterInterfaceId);
    if (ctx.account.financialLocked) throw ctx.error('Forbidden.FinancialLocked');
    if (!allowed(ri, 'deactivate')) throw ctx.error('IncorrectRIStatus');
    const peer = linkedPeer(ctx, ri);
    const dueAt = ctx.services.dueAt(ctx.now);
    savePair(ctx, begin(ri, 'deactivate', ctx.now, dueAt), peer && allowed(peer, 'deactivate') ? begin(peer, 'deactivate', ctx.now, dueAt) : undefined);
    return {};
  },
});
