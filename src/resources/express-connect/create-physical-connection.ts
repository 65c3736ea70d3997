import { defineAction } from '../../engine/action.js';
import { idempotent } from '../shared/client-token.js';
import { isValidDescription, isValidName } from '../shared/validation.js';
import { accessPoint } from './access-points.js';
import { PHYSICAL_CONNECTIONS } from './storage.js';
import { EC_TRANSITIONS } from './transitions.js';

const LINE_OPERATORS = ['CT', 'CU', 'CM', 'CO', 'Equinix', 'Other'];
const PORT_TYPES = ['100Base-T', '1000Base-T', '1000Base-LX', '10GBase-T', '10GBase-LR', '40GBase-LR', '100GBase-LR'];

export const createPhysicalConnection = defineAction({
  product: 'Vpc',
  name: 'CreatePhysicalConnection',
  mode: 'write',
  handler: async (input, ctx) => {
    const ap = accessPoint(input.AccessPointId);
    if (!ap || ap.regionId !== input.RegionId) throw ctx.error('InvalidAccessPoint.NotExist');
    if (!LINE_OPERATORS.includes(input.LineOperator)) throw ctx.error('InvalidLineOperator.Malformd');
    if (input.Type !== undefined && input.Type !== 'VPC') throw ctx.error('InvalidType.Malformd');
    if (input.PortType !== undefined && !PORT_TYPES.includes(input.PortType)) throw ctx.error('InvalidPortType.Malformd');
    if (input.bandwidth !== undefined && (input.bandwidth < 1 || input.bandwidth > 100_000)) throw ctx.error('InvalidBandwidth');
    if (input.Name !== undefined && !isValidName(input.Name)) throw ctx.error('InvalidName.Malformed');
    if (input.Description !== undefined && !isValidDescription(input.Description)) throw ctx.error('InvalidDescription.Malformed');
    const pcs = ctx.tx.repo(PHYSICAL_CONNECTIONS);
    if (input.RedundantPhysicalConnectionId !== undefined) {
      const r = await pcs.get(input.RedundantPhysicalConnectionId);
      if (!r || r.accountId !== ctx.caller.id) throw ctx.error('InvalidRedundantPhysicalConnectionId.NotFound');
    }
    return idempotent(ctx, 'CreatePhysicalConnection', input.ClientToken, async () => {
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
        createdAt: ctx.now,
        enabledAt: 0,
        pendingStatus: 'Enabled',
        dueAt: ctx.plan(EC_TRANSITIONS.enable).dueAt,
      });
      return { PhysicalConnectionId: id };
    });
  },
});
