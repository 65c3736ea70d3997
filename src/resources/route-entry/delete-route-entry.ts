// DeleteRouteEntry, by RouteEntryId, or by RouteTableId and DestinationCidrBlock (narrowed by
// NextHopId, or NextHopList for an ECMP entry: only the listed hops go; an entry left with none is
// deleted). System entries cannot be deleted (OperationDenied). Only Available entries.
// Gone at once (Alibaba's entries pass through Deleting; the provider waits until they are gone).
import { defineAction } from '../../engine/action.js';
import { owned } from '../shared/owned.js';
import { ROUTE_TABLES } from '../vpc/storage.js';
import { systemEntries } from './entries.js';
import { ROUTE_ENTRIES, ROUTE_ENTRY_HOPS } from './storage.js';

export const deleteRouteEntry = defineAction({
  product: 'Vpc',
  name: 'DeleteRouteEntry',
  mode: 'write',
  handler: async (input, ctx) => {
    const entries = ctx.tx.repo(ROUTE_ENTRIES);
    const hops = ctx.tx.repo(ROUTE_ENTRY_HOPS);
    if (input.RouteEntryId !== undefined && (input.RouteTableId !== undefined || input.DestinationCidrBlock !== undefined)) {
      throw ctx.error('ParamExclusive.RouteEntryIdAndRouteTableIdOrDestCidrBlock', 'RouteEntryId, RouteTableId and DestinationCidrBlock');
    }
    if (input.RouteEntryId === undefined && (input.RouteTableId === undefined || input.DestinationCidrBlock === undefined)) {
      throw ctx.error('MissingParameter');
    }
    const list = input.NextHopList ?? [];
    if (list.length > 0 && input.NextHopId !== undefined) throw ctx.error('ParamExclusive.NextHopIdAndList');
    let entry;
    if (input.RouteEntryId !== undefined) {
      entry = await entries.get(input.RouteEntryId);
    } else {
      const table = await owned(ctx, ROUTE_TABLES, input.RouteTableId ?? '', input.RegionId, 'InvalidRouteTableId.NotFound');
      const candidates = await entries.find({ routeTableId: table.id, destinationCidrBlock: input.DestinationCidrBlock });
      if (
        candidates.length === 0 &&
        (await systemEntries(ctx.tx, table)).some((e) => e.destinationCidrBlock === input.DestinationCidrBlock)
      ) {
        throw ctx.error('OperationDenied');
      }
      entry = candidates[0];
      if (entry && input.NextHopId !== undefined && (await hops.count({ entryId: entry.id, nextHopId: input.NextHopId })) === 0)
        entry = undefined;
    }
    if (!entry || entry.accountId !== ctx.caller.id || (input.RegionId !== undefined && entry.regionId !== input.RegionId)) {
      throw ctx.error('InvalidRouteEntry.NotFound');
    }
    if (entry.status !== 'Available') throw ctx.error('IncorrectRouteEntryStatus');
    const own = await hops.find({ entryId: entry.id });
    const going = list.length > 0 ? own.filter((h) => list.some((l) => l.NextHopId === h.nextHopId)) : own;
    if (going.length === 0) throw ctx.error('InvalidRouteEntry.NotFound');
    for (const h of going) await hops.delete(h.id);
    if (going.length === own.length) await entries.delete(entry.id);
    return {};
  },
});
