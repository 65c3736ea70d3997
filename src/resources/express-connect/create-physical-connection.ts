// CreatePhysicalConnection: Initial, then Enabled by itself after the transition delay (the
// approval, construction and payment steps of the real service are skipped; see states.ts).
import { defineAction } from '../../engine/action.js';
import { idempotent } from '../shared/client-token.js';
import { tagsJson, validTags } from '../shared/validation.js';
import { defaultResourceGroup } from '../vpc/model.js';
import { accessPoint } from './access-points.js';
import { checkPcAttributes } from './rules.js';
import { PHYSICAL_CONNECTIONS } from './storage.js';
import { EC_TRANSITIONS } from './transitions.js';

export const createPhysicalConnection = defineAction({
  product: 'Vpc',
  name: 'CreatePhysicalConnection',
  mode: 'write',
  handler: async (input, ctx) => {
    const ap = accessPoint(input.AccessPointId);
    if (!ap || ap.regionId !== input.RegionId) throw ctx.error('InvalidAccessPoint.NotExist');
    if (input.Type !== undefined && input.Type !== 'VPC') throw ctx.error('InvalidType.Malformd');
    checkPcAttributes(ctx, input);
    if (!validTags(input.Tag)) throw ctx.error('InvalidParameter', 'Tag');
    const pcs = ctx.tx.repo(PHYSICAL_CONNECTIONS);
    if (input.RedundantPhysicalConnectionId !== undefined) {
      const r = await pcs.get(input.RedundantPhysicalConnectionId);
      if (!r || r.accountId !== ctx.caller.id) throw ctx.error('InvalidRedundantPhysicalConnectionId.NotFound');
    }
    return idempotent(ctx, 'CreatePhysicalConnection', input, async () => {
      const id = ctx.ids.resource('pc', input.RegionId);
      await pcs.insert({
        id,
        accountId: ctx.caller.id,
        regionId: input.RegionId,
        accessPointId: ap.id,
        type: input.Type ?? 'VPC',
        lineOperator: input.LineOperator,
        portType: input.PortType ?? '1000Base-LX',
        bandwidth: input.bandwidth ?? 1000,
        name: input.Name ?? '',
        description: input.Description ?? '',
        circuitCode: input.CircuitCode ?? '',
        peerLocation: input.PeerLocation ?? '',
        redundantId: input.RedundantPhysicalConnectionId ?? '',
        status: 'Initial',
        tags: tagsJson(input.Tag),
        resourceGroupId: input.ResourceGroupId || defaultResourceGroup(ctx.caller.id),
        createdAt: ctx.now,
        enabledAt: 0,
        pendingStatus: 'Enabled',
        dueAt: ctx.plan(EC_TRANSITIONS.enable).dueAt,
      });
      return { PhysicalConnectionId: id };
    });
  },
});
