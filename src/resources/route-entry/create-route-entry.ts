// CreateRouteEntry with NextHopType RouterInterface: the next hop must be a router interface on the
// route table's own router. Pending, then Available after the transition delay.
import { defineAction } from '../../actions/registry-types.js';
import { idempotent } from '../shared/client-token.js';
import { owned } from '../shared/owned.js';
import { isValidDescription, isValidName, parseCidr } from '../shared/validation.js';

interface Input {
  RegionId?: string;
  RouteTableId: string;
  DestinationCidrBlock: string;
  NextHopType?: string;
  NextHopId?: string;
  NextHopList?: unknown[];
  RouteEntryName?: string;
  Description?: string;
  ClientToken?: string;
}

/** Custom entries per route table (Alibaba's current default quota). */
export const ROUTE_ENTRY_QUOTA = 200;

export const createRouteEntry = defineAction({
  product: 'Vpc',
  name: 'CreateRouteEntry',
  mode: 'write',
  handler: (input: Input, ctx) => {
    const { repos } = ctx.services;
    const table = owned(ctx, repos.routeTables, input.RouteTableId, input.RegionId, 'InvalidRouteTableId.NotFound');
    if (!parseCidr(input.DestinationCidrBlock)) throw ctx.error('InvalidCidrBlock.Malformed');
    if (input.NextHopList?.length) {
      if (input.NextHopType !== undefined) throw ctx.error('InvalidNexthopTypeAndList.BothNotNull');
      throw ctx.error('InvalidNextHop.NotFound'); // ECMP lists are a known gap of LocalVPC
    }
    if (input.NextHopType === undefined || input.NextHopId === undefined) throw ctx.error('InvalidNexthopTypeAndList.BothNull');
    if (input.NextHopType !== 'RouterInterface') throw ctx.error('InvalidNextHop.NotFound');
    if (input.RouteEntryName !== undefined && !isValidName(input.RouteEntryName)) throw ctx.error('InvalidParameter');
    if (input.Description !== undefined && !isValidDescription(input.Description)) throw ctx.error('InvalidParameter');
    const ri = repos.routerInterfaces.get(input.NextHopId);
    if (!ri || ri.accountId !== ctx.account.id) throw ctx.error('InvalidNextHop.NotFound');
    if (ri.routerId !== table.routerId) throw ctx.error('InvalidRouterInterface');
    if (ri.status === 'Deleting') throw ctx.error('IncorrectStatus.RouterInterface');
    return idempotent(ctx, 'CreateRouteEntry', input.ClientToken, () => {
      const entries = repos.routeEntries.find({ routeTableId: table.id });
      if (entries.some((e) => e.destinationCidrBlock === input.DestinationCidrBlock)) throw ctx.error('InvalidCIDRBlock.Duplicate');
      if (entries.length >= ROUTE_ENTRY_QUOTA) throw ctx.error('QuotaExceeded');
      const id = ctx.ids.resource('rte', table.regionId);
      repos.routeEntries.insert({
        id,
        accountId: ctx.account.id,
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
        dueAt: ctx.plan('RouteEntry.create').dueAt,
      });
      return { RouteEntryId: id };
    });
  },
});
