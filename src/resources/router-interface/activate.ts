// ActivateRouterInterface (Inactive -> Activating -> Active) and DeactivateRouterInterface
// ("freeze": Active -> Deactivating -> Inactive), both ends of the link together. Same checks in
// the same order: the caller's interface, not financially locked, the status the table allows;
// activation also needs the other end to exist still, and not to be Deleting.
import { defineAction, type HandlerContext, type TransitionKind } from '../../engine/action.js';
import type { VpcInputs } from '../../spec/vpc-facts.generated.js';
import { linkedPeer, ownInterface, startTransition } from './lookup.js';
import { allowed, type TransitionName } from './states.js';
import { RI_TRANSITIONS } from './transitions.js';

async function pairAction(
  input: VpcInputs['ActivateRouterInterface' | 'DeactivateRouterInterface'],
  ctx: HandlerContext,
  t: TransitionName & ('activate' | 'deactivate'),
  kind: TransitionKind,
): Promise<object> {
  const ri = await ownInterface(ctx, input.RegionId, input.RouterInterfaceId);
  if (ctx.caller.financialLocked) throw ctx.error('Forbidden.FinancialLocked');
  if (!allowed(ri, t)) throw ctx.error('IncorrectRIStatus');
  const peer = await linkedPeer(ctx, ri);
  // A peer on its way out counts as deleted already: activating this end alone would leave it
  // Active with nothing at the other end once the delete completes.
  if (t === 'activate' && (ri.oppositeDeleted || peer?.status === 'Deleting')) throw ctx.error('OppositeRouterInterfaceIsDeleted');
  await startTransition(ctx, kind, ri, t, peer);
  return {};
}

export const activateRouterInterface = defineAction({
  product: 'Vpc',
  name: 'ActivateRouterInterface',
  mode: 'write',
  handler: (input, ctx) => pairAction(input, ctx, 'activate', RI_TRANSITIONS.activate),
});

export const deactivateRouterInterface = defineAction({
  product: 'Vpc',
  name: 'DeactivateRouterInterface',
  mode: 'write',
  handler: (input, ctx) => pairAction(input, ctx, 'deactivate', RI_TRANSITIONS.deactivate),
});
