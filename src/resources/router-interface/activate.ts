// ActivateRouterInterface: Inactive -> Activating -> Active, both ends of the link.
import { defineAction } from '../../actions/registry-types.js';
import { linkedPeer, ownInterface, startTransition } from './lookup.js';
import { allowed } from './states.js';

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
    startTransition(ctx, 'RouterInterface.activate', ri, 'activate', linkedPeer(ctx, ri));
    return {};
  },
});
