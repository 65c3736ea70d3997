// ActivateRouterInterface (Inactive -> Activating -> Active) and DeactivateRouterInterface
// ("freeze": Active -> Deactivating -> Inactive), both ends of the link together. Same checks in
// the same order: the caller's interface, not financially locked, the status the table allows;
// activation also needs the other end to exist still.
import { defineAction } from '../../actions/registry-types.js';
import type { TransitionKind } from '../../core/transition-policy.js';
import { linkedPeer, ownInterface, startTransition } from './lookup.js';
import { allowed, type TransitionName } from './states.js';

interface Input {
  RegionId: string;
  RouterInterfaceId: string;
}

function pairAction(name: string, t: TransitionName & ('activate' | 'deactivate'), kind: TransitionKind) {
  return defineAction({
    product: 'Vpc',
    name,
    mode: 'write',
    handler: (input: Input, ctx) => {
      const ri = ownInterface(ctx, input.RegionId, input.RouterInterfaceId);
      if (ctx.account.financialLocked) throw ctx.error('Forbidden.FinancialLocked');
      if (!allowed(ri, t)) throw ctx.error('IncorrectRIStatus');
      if (t === 'activate' && ri.oppositeDeleted) throw ctx.error('OppositeRouterInterfaceIsDeleted');
      startTransition(ctx, kind, ri, t, linkedPeer(ctx, ri));
      return {};
    },
  });
}

export const activateRouterInterface = pairAction('ActivateRouterInterface', 'activate', 'RouterInterface.activate');
export const deactivateRouterInterface = pairAction('DeactivateRouterInterface', 'deactivate', 'RouterInterface.deactivate');
