import { defineAction } from '../../engine/action.js';
import { ROUTE_ENTRIES } from './storage.js';

export const deleteRouteEntry = defineAction({
  product: 'Vpc',
  name: 'DeleteRouteEntry',
  mode: 'write',
  handler: async (input, ctx) => {
    const entries = ctx.tx.repo(ROUTE_ENTRIES);
    if (input.RouteEntryId === undefined && (input.RouteTableId === undefined || input.DestinationCidrBlock === undefined))
      throw ctx.error('MissingParameter');
    const entry =
      input.RouteEntryId !== undefined
        ? await entries.get(input.RouteEntryId)
        : (
            await entries.find({
              routeTableId: input.RouteTableId,
              destinationCidrBlock: input.DestinationCidrBlock,
              nextHopId: input.NextHopId,
            })
          )[0];
    if (!entry || entry.accountId !== ctx.caller.id || (input.RegionId !== undefined && entry.regionId !== input.RegionId))
      throw ctx.error('InvalidRouteEntry.NotFound');
    if (entry.status !== 'Available') throw ctx.error('IncorrectRouteEntryStatus');
    await entries.delete(entry.id);
    return {};
  },
});
