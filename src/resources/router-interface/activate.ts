// ActivateRouterInterface: Inactive -> Activating -> Active, both ends of the link.
import { defineAction } from '../../actions/registry-types.js';
import { linkedPeer, ownInterface, savePair } from './lookup.js';
import { allowed, begin } from './states.js';

interface Input {
  RegionId: string;
  RouterInterfaceId: string;
}

export const activateRouterInterface = defineAction({
  product: 'Vpc',
  name: 'ActivateRouterInterface',
  mode: 'write',
  handler: (input: Input, ctx) => {
    const ri = ownInterface(ctx, input.RegionId, input.RouterInterfaceId);
    if (ctx.account.financialLocked) throw ctx.error('Forbidden.FinancialLocked');
    if (!allowed(ri, 'activate')) throw ctx.error('IncorrectRIStatus');
    if (ri.oppositeDeleted) throw ctx.error('OppositeRouterInterfaceIsDeleted');
    const peer = linkedPeer(ctx, ri);
    const dueAt = ctx.services.dueAt(ctx.now);
    savePair(ctx, begin(ri, 'activate', ctx.now, dueAt), peer && allowed(peer, 'activate') ? begin(peer, 'activate', ctx.now, dueAt) : undefined);
    return {};
  },
});
