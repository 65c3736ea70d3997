// ListVpcPublishedRouteEntries (Alibaba's newer metadata only): which custom entries of a route
// table are published to a target (an Express Connect Router, TargetType ECR). LocalVPC has no
// ECR, so no entry is ever published: each matching entry is listed with no publish targets,
// which is what the provider reads as "not published".
import { defineAction } from '../../engine/action.js';
import { owned } from '../shared/owned.js';
import { ROUTE_TABLES } from '../vpc/storage.js';
import { ROUTE_ENTRIES } from './storage.js';

export const listVpcPublishedRouteEntries = defineAction({
  product: 'Vpc',
  name: 'ListVpcPublishedRouteEntries',
  mode: 'read',
  handler: async (input, ctx) => {
    const table = await owned(ctx, ROUTE_TABLES, input.RouteTableId, input.RegionId, 'InvalidRouteTable.NotFound', input.RouteTableId);
    if (input.NextToken !== undefined && !/^\d+$/.test(input.NextToken)) throw ctx.error('IllegalParam.NextToken');
    const offset = Number(input.NextToken ?? 0);
    const limit = input.MaxResults ?? 50;
    const rows = await ctx.tx
      .repo(ROUTE_ENTRIES)
      .find(
        { routeTableId: table.id, destinationCidrBlock: input.DestinationCidrBlock },
        { orderBy: ['createdAt', 'id'], limit: limit + 1, offset },
      );
    return {
      NextToken: rows.length > limit ? String(offset + limit) : '',
      Count: Math.min(rows.length, limit),
      RouteEntries: rows.slice(0, limit).map((e) => ({
        RouteTableId: e.routeTableId,
        DestinationCidrBlock: e.destinationCidrBlock,
        RouteEntryId: e.id,
        RoutePublishTargets: [],
      })),
    };
  },
});
