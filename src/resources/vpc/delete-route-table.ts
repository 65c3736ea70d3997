// DeleteRouteTable: only a custom table of the caller, Available, with no custom route entries
// (DependencyViolation.RouteEntry, which Terraform retries) and no vSwitch still associated with
// it (IncorrectVSwitchStatus: Alibaba documents no dedicated code; a vSwitch must be unassociated
// first). Gone at once.
import { defineAction } from '../../engine/action.js';
import { owned } from '../shared/owned.js';
import { countEntriesInTable } from '../route-entry/queries.js';
import { vswitchesOfRouteTable } from '../vswitch/queries.js';
import { ROUTE_TABLES } from './storage.js';

export const deleteRouteTable = defineAction({
  product: 'Vpc',
  name: 'DeleteRouteTable',
  mode: 'write',
  handler: async (input, ctx) => {
    const table = await owned(ctx, ROUTE_TABLES, input.RouteTableId, input.RegionId, 'InvalidRouteTableId.NotFound');
    if (table.type !== 'Custom') throw ctx.error('IncorrectRouteTableType');
    if (table.status !== 'Available') throw ctx.error('IncorrectRouteTableStatus');
    if ((await countEntriesInTable(ctx.tx, table.id)) > 0) throw ctx.error('DependencyViolation.RouteEntry');
    if ((await vswitchesOfRouteTable(ctx.tx, table.id)).length > 0) throw ctx.error('IncorrectVSwitchStatus');
    await ctx.tx.repo(ROUTE_TABLES).delete(table.id);
    return {};
  },
});
