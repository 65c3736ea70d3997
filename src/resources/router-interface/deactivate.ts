// DeactivateRouterInterface ("freeze"): Active -> Deactivating -> Inactive, both ends of the link.
import { defineAction } from '../../actions/registry-types.js';
import { linkedPeer, ownInterface, startTransition } from './lookup.js';
import { allowed } from './states.js';

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
    startTransition(ctx, 'RouterInterface.deactivate', ri, 'deactivate', linkedPeer(ctx, ri));
    return {};
  },
});
