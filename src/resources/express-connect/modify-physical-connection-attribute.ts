// ModifyPhysicalConnectionAttribute: only Initial, Enabled or Rejected (InvalidStatus otherwise);
// values checked as CreatePhysicalConnection checks them. A Rejected connection goes back to
// Initial, and, as a new one, becomes Enabled by itself after the transition delay. A redundant
// connection must be another of the caller's in the region, not canceled, failed or terminated.
import { defineAction } from '../../engine/action.js';
import { idempotent } from '../shared/client-token.js';
import type { PcStatus } from './model.js';
import { ownPhysicalConnection } from './lookup.js';
import { checkPcAttributes } from './rules.js';
import { pcMay } from './states.js';
import { PHYSICAL_CONNECTIONS } from './storage.js';
import { EC_TRANSITIONS } from './transitions.js';

/** Statuses a redundant connection may not be in. */
const DEAD: readonly PcStatus[] = ['Rejected', 'Canceled', 'AllocationFailed', 'Terminating', 'Terminated'];

export const modifyPhysicalConnectionAttribute = defineAction({
  product: 'Vpc',
  name: 'ModifyPhysicalConnectionAttribute',
  mode: 'write',
  handler: async (input, ctx) => {
    checkPcAttributes(ctx, input);
    return idempotent(ctx, 'ModifyPhysicalConnectionAttribute', input, async () => {
      const pcs = ctx.tx.repo(PHYSICAL_CONNECTIONS);
      const pc = await ownPhysicalConnection(ctx, input.RegionId, input.PhysicalConnectionId);
      if (!pcMay(pc, 'modify')) throw ctx.error('InvalidStatus');
      if (input.RedundantPhysicalConnectionId) {
        const r = await pcs.get(input.RedundantPhysicalConnectionId);
        if (!r || r.id === pc.id || r.accountId !== ctx.caller.id || r.regionId !== pc.regionId) {
          throw ctx.error('InvalidRedundantPhysicalConnection');
        }
        if (DEAD.includes(r.status)) throw ctx.error('InvalidRedundantPhysicalConnectionStatus');
      }
      const resubmitted = pc.status === 'Rejected';
      await pcs.update({
        ...pc,
        lineOperator: input.LineOperator ?? pc.lineOperator,
        portType: input.PortType ?? pc.portType,
        bandwidth: input.bandwidth ?? pc.bandwidth,
        peerLocation: input.PeerLocation ?? pc.peerLocation,
        redundantId: input.RedundantPhysicalConnectionId ?? pc.redundantId,
        name: input.Name ?? pc.name,
        description: input.Description ?? pc.description,
        circuitCode: input.CircuitCode ?? pc.circuitCode,
        ...(resubmitted ? { status: 'Initial', pendingStatus: 'Enabled', dueAt: ctx.plan(EC_TRANSITIONS.enable).dueAt } : {}),
      });
      return {};
    });
  },
});
