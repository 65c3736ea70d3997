// DescribeRouteEntryList: custom entries of one route table, paged by MaxResult / NextToken (the
// token is the offset of the next page).
import { defineAction } from '../../engine/action.js';
import { isoSeconds } from '../../core/time.js';
import { owned } from '../shared/owned.js';
import { ROUTE_TABLES } from '../vpc/storage.js';
import { ROUTE_ENTRIES } from './storage.js';

export const describeRouteEntryList = defineAction({
  product: 'Vpc',
  name: 'DescribeRouteEntryList',
  mode: 'read',
  handler: async (input, ctx) => {
    const table = await owned(ctx, ROUTE_TABLES, input.RouteTableId, input.RegionId, 'InvalidRouteTable.NotFound', input.RouteTableId);
    if (input.NextToken !== undefined && !/^\d+$/.test(input.NextToken)) throw ctx.error('IllegalParam.NextToken');
    const offset = Number(input.NextToken ?? 0);
    const limit = input.MaxResult ?? 10;
    const none =
      (input.RouteEntryType !== undefined && input.RouteEntryType !== 'Custom') ||
      (input.IpVersion !== undefined && input.IpVersion.toLowerCase() !== 'ipv4');
    const where = {
      routeTableId: none ? [] : table.id,
      id: input.RouteEntryId,
      name: input.RouteEntryName,
      destinationCidrBlock: input.DestinationCidrBlock,
      nextHopId: input.NextHopId,
      nextHopType: input.NextHopType,
    };
    const rows = await ctx.tx.repo(ROUTE_ENTRIES).find(where, { orderBy: ['createdAt', 'id'], limit: limit + 1, offset });
    const more = rows.length > limit;
    return {
      NextToken: more ? String(offset + limit) : '',
      RouteEntrys: {
        RouteEntry: rows.slice(0, limit).map((e) => ({
          RouteEntryId: e.id,
          RouteEntryName: e.name,
          Description: e.description,
          RouteTableId: e.routeTableId,
          DestinationCidrBlock: e.destinationCidrBlock,
          Status: e.status,
          Type: 'Custom',
          IpVersion: 'ipv4',
          Origin: 'Custom',
          ServiceType: '',
          GmtModified: isoSeconds(e.createdAt),
          NextHops: {
            NextHop: [
              {
                NextHopType: e.nextHopType,
                NextHopId: e.nextHopId,
                Enabled: 1,
                Weight: 0,
                NextHopRegionId: e.regionId,
                NextHopRelatedInfo: { InstanceId: '', InstanceType: '', RegionId: '' },
              },
            ],
          },
        })),
      },
    };
  },
});
