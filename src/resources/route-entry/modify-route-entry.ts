// ModifyRouteEntry: the name and description of a custom entry, found by RouteEntryId or by
// RouteTableId and DestinationCidrBlock (the form Terraform's provider sends). A new next hop may
// only be a NetworkInterface or a NatGateway (Alibaba's rule); LocalVPC has neither, so such a
// target is not found. Only Available entries; instant.
import { defineAction } from '../../engine/action.js';
import { owned } from '../shared/owned.js';
import { isValidDescription, isValidName } from '../shared/validation.js';
import { ROUTE_TABLES } from '../vpc/storage.js';
import { ROUTE_ENTRIES } from './storage.js';

export const modifyRouteEntry = defineAction({
  product: 'Vpc',
  name: 'ModifyRouteEntry',
  mode: 'write',
  handler: async (input, ctx) => {
    const entries = ctx.tx.repo(ROUTE_ENTRIES);
    if (input.RouteEntryId === undefined && (input.RouteTableId === undefined || input.DestinationCidrBlock === undefined)) {
      throw ctx.error('MissingParam.RouteEntryId', 'RouteEntryId');
    }
    if (input.RouteEntryName !== undefined && !isValidName(input.RouteEntryName)) throw ctx.error('InvalidRouteEntryName.Malformed');
    if (input.Description !== undefined && !isValidDescription(input.Description)) throw ctx.error('InvalidDescription.Malformed');
    if (input.NewNextHopType !== undefined && input.NewNextHopId === undefined) throw ctx.error('MissingParam.NewNextHopId');
    if (input.NewNextHopId !== undefined && input.NewNextHopType === undefined) throw ctx.error('MissingParam.NewNextHopType');
    let entry;
    if (input.RouteEntryId !== undefined) {
      entry = await entries.get(input.RouteEntryId);
    } else {
      const table = await owned(ctx, ROUTE_TABLES, input.RouteTableId ?? '', input.RegionId, 'InvalidRouteTable.NotFound');
      entry = (await entries.find({ routeTableId: table.id, destinationCidrBlock: input.DestinationCidrBlock }))[0];
    }
    if (!entry || entry.accountId !== ctx.caller.id || entry.regionId !== input.RegionId) {
      throw ctx.error('InvalidRouteEntryId.NotFound', input.RouteEntryId ?? input.DestinationCidrBlock ?? '');
    }
    if (entry.status !== 'Available') throw ctx.error('IncorrectRouteEntryStatus');
    if (input.NewNextHopType !== undefined) {
      if (input.NewNextHopType === 'NetworkInterface') throw ctx.error('InvalidNetworkInterface.NotFound');
      if (input.NewNextHopType === 'NatGateway') throw ctx.error('ResourceNotFound.NatGateway');
      throw ctx.error('IllegealParam.NextHopType');
    }
    await entries.update({ ...entry, name: input.RouteEntryName ?? entry.name, description: input.Description ?? entry.description });
    return {};
  },
});
