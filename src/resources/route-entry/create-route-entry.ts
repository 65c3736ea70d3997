// CreateRouteEntry with NextHopType RouterInterface: the next hop must be a router interface on the
// route table's own router. Pending, then Available after the transition delay.
import { defineAction } from '../../engine/action.js';
import { idempotent } from '../shared/client-token.js';
import { owned } from '../shared/owned.js';
import { isValidDescription, isValidName, parseCidr } from '../shared/validation.js';
import { ROUTE_TABLES } from '../vpc/storage.js';
import { getInterface } from '../router-interface/queries.js';
import { ROUTE_ENTRIES } from './storage.js';
import { ROUTE_ENTRY_TRANSITIONS } from './transitions.js';

/** Custom entries per route table (Alibaba's current default quota). */
export const ROUTE_ENTRY_QUOTA = 200;

export const createRouteEntry = defineAction({
  product: 'Vpc',
  name: 'CreateRouteEntry',
  mode: 'write',
  handler: async (input, ctx) => {
    const table = await owned(ctx, ROUTE_TABLES, input.RouteTableId, input.RegionId, 'InvalidRouteTableId.NotFound');
    if (!parseCidr(input.DestinationCidrBlock)) throw ctx.error('InvalidCidrBlock.Malformed');
    if (input.NextHopList?.length) {
      if (input.NextHopType !== undefined) throw ctx.error('InvalidNexthopTypeAndList.BothNotNull');
      throw ctx.error('InvalidNextHop.NotFound'); // ECMP lists are a known gap of LocalVPC
    }
    if (input.NextHopType === undefined || input.NextHopId === undefined) throw ctx.error('InvalidNexthopTypeAndList.BothNull');
    if (input.NextHopType !== 'RouterInterface') throw ctx.error('InvalidNextHop.NotFound');
    if (input.RouteEntryName !== undefined && !isValidName(input.RouteEntryName)) throw ctx.error('InvalidParameter');
    if (input.Description !== undefined && !isValidDescription(input.Description)) throw ctx.error('InvalidParameter');
    const ri = await getInterface(ctx.tx, input.NextHopId);
    if (!ri || ri.accountId !== ctx.caller.id) throw ctx.error('InvalidNextHop.NotFound');
    if (ri.routerId !== table.routerId) throw ctx.error('InvalidRouterInterface');
    if (ri.status === 'Deleting') throw ctx.error('IncorrectStatus.RouterInterface');
    return idempotent(ctx, 'CreateRouteEntry', input.ClientToken, async () => {
      const entries = await ctx.tx.repo(ROUTE_ENTRIES).find({ routeTableId: table.id });
      if (entries.some((e) => e.destinationCidrBlock === input.DestinationCidrBlock)) throw ctx.error('InvalidCIDRBlock.Duplicate');
      if (entries.length >= ROUTE_ENTRY_QUOTA) throw ctx.error('QuotaExceeded');
      const id = ctx.ids.resource('rte', table.regionId);
      await ctx.tx.repo(ROUTE_ENTRIES).insert({
        id,
        accountId: ctx.caller.id,
        regionId: table.regionId,
        routeTableId: table.id,
        destinationCidrBlock: input.DestinationCidrBlock,
        nextHopType: 'RouterInterface',
        nextHopId: ri.id,
        name: input.RouteEntryName ?? '',
        description: input.Description ?? '',
        status: 'Pending',
        createdAt: ctx.now,
        pendingStatus: 'Available',
        dueAt: ctx.plan(ROUTE_ENTRY_TRANSITIONS.create).dueAt,
      });
      return { RouteEntryId: id };
    });
  },
});
