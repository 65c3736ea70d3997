// ActivateRouterInterface (Inactive -> Activating -> Active) and DeactivateRouterInterface
// ("freeze": Active -> Deactivating -> Inactive), both ends of the link together. Same checks in
// the same order: the caller's interface, not financially locked, the status the table allows;
// activation also needs the other end to exist still, and not to be Deleting.
import { defineAction, type HandlerContext, type TransitionKind } from '../../engine/action.js';
import { found, runChecks, type Check } from '../../engine/checks.js';
import type { VpcInputs } from '../../spec/vpc-facts.generated.js';
import { linkedPeer, ownInterface, startTransition } from './lookup.js';
import type { RouterInterface } from './model.js';
import { allowed } from './states.js';
import { RI_TRANSITIONS } from './transitions.js';

export interface PairState {
  regionId: string;
  id: string;
  ri?: RouterInterface;
  /** The linked peer, once a check has looked for it (null: there is none). */
  peer?: RouterInterface | null;
}

const ri = (s: PairState) => found(s.ri, 'the interface');

function pairChecks(t: 'activate' | 'deactivate'): Check<PairState>[] {
  const checks: Check<PairState>[] = [
    {
      label: "the interface is the caller's, in RegionId",
      codes: ['InvalidRouterInterfaceId.NotFound'],
      run: async (s, ctx) => void (s.ri = await ownInterface(ctx, s.regionId, s.id)),
    },
    {
      label: 'the caller is not financially locked',
      codes: ['Forbidden.FinancialLocked'],
      run: (_s, ctx) => {
        if (ctx.caller.financialLocked) throw ctx.error('Forbidden.FinancialLocked');
      },
    },
    {
      label: t === 'activate' ? 'it is Inactive' : 'it is Active',
      codes: ['IncorrectRIStatus'],
      needs: ['ri'],
      run: (s, ctx) => {
        if (!allowed(ri(s), t)) throw ctx.error('IncorrectRIStatus');
      },
    },
  ];
  if (t === 'activate')
    checks.push({
      // A peer on its way out counts as deleted already: activating this end alone would leave it
      // Active with nothing at the other end once the delete completes.
      label: 'the other end still exists and is not Deleting',
      codes: ['OppositeRouterInterfaceIsDeleted'],
      needs: ['ri'],
      run: async (s, ctx) => {
        const peer = await linkedPeer(ctx, ri(s));
        s.peer = peer ?? null;
        if (ri(s).oppositeDeleted || peer?.status === 'Deleting') throw ctx.error('OppositeRouterInterfaceIsDeleted');
      },
    });
  return checks;
}

/** The checks of ActivateRouterInterface and DeactivateRouterInterface, run by the handlers and by explain. */
export const ACTIVATE_CHECKS: readonly Check<PairState>[] = pairChecks('activate');
export const DEACTIVATE_CHECKS: readonly Check<PairState>[] = pairChecks('deactivate');

async function pairAction(
  input: VpcInputs['ActivateRouterInterface' | 'DeactivateRouterInterface'],
  ctx: HandlerContext,
  t: 'activate' | 'deactivate',
  kind: TransitionKind,
): Promise<object> {
  const start: PairState = { regionId: input.RegionId, id: input.RouterInterfaceId };
  const s = await runChecks(t === 'activate' ? ACTIVATE_CHECKS : DEACTIVATE_CHECKS, start, ctx);
  const peer = s.peer === undefined ? await linkedPeer(ctx, ri(s)) : (s.peer ?? undefined);
  await startTransition(ctx, kind, ri(s), t, peer);
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
