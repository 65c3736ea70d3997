import { defineAction } from '../../actions/registry-types.js';

interface Input {
  RegionId?: string;
  RouteEntryId?: string;
  RouteTableId?: string;
  DestinationCidrBlock?: string;
  NextHopId?: string;
}

export const deleteRouteEntry = defineAction({
  product: 'Vpc',
  name: 'DeleteRouteEntry',
  mode: 'write',
  handler: (input: Input, ctx) => {
    const { repos } = ctx.services;
    if (input.RouteEntryId === undefined && (input.RouteTableId === undefined || input.DestinationCidrBlock === undefined))
      throw ctx.error('MissingParameter');
    const entry =
      input.RouteEntryId !== undefined
        ? repos.routeEntries.get(input.RouteEntryId)
        : repos.routeEntries.find({
            routeTableId: input.RouteTableId,
            destinationCidrBlock: input.DestinationCidrBlock,
            nextHopId: input.NextHopId,
          })[0];
    if (!entry || entry.accountId !== ctx.account.id || (input.RegionId !== undefined && entry.regionId !== input.RegionId))
      throw ctx.error('InvalidRouteEntry.NotFound');
    if (entry.status !== 'Available') throw ctx.error('IncorrectRouteEntryStatus');
    repos.routeEntries.delete(entry.id);
    return {};
  },
});
