// DescribeRouteTables, the older form (deprecated by Alibaba in favour of DescribeRouteTableList,
// still called by Terraform's alicloud_route_entry, the JavaScript aliyun-sdk and fog): the
// caller's route tables with every entry, System and Custom. At least one of VRouterId,
// RouteTableId, RouterId or RouteTableName is meant to be given; LocalVPC lists the region's
// tables when none is. VRouterId and RouterId may not both be given.
import { defineAction } from '../../engine/action.js';
import { page, pageFields } from '../../core/paging.js';
import { isoSeconds } from '../../core/time.js';
import { entriesOfTable } from '../route-entry/queries.js';
import { oneOf } from '../shared/filters.js';
import { ROUTE_TABLE_TYPES, ROUTER_KINDS } from './model.js';
import { ROUTE_TABLES } from './storage.js';
import { servedVSwitches } from './describe-route-table-list.js';

export const describeRouteTables = defineAction({
  product: 'Vpc',
  name: 'DescribeRouteTables',
  mode: 'read',
  handler: async (input, ctx) => {
    if (input.VRouterId !== undefined && input.RouterId !== undefined) throw ctx.error('InvalidParameter', 'RouterId');
    const p = page(input.PageNumber, input.PageSize);
    const repo = ctx.tx.repo(ROUTE_TABLES);
    const where = {
      accountId: ctx.caller.id,
      regionId: input.RegionId,
      id: input.RouteTableId,
      routerId: input.VRouterId ?? input.RouterId,
      routerType: input.VRouterId !== undefined ? ('VRouter' as const) : oneOf(ROUTER_KINDS, input.RouterType),
      name: input.RouteTableName,
      type: oneOf(ROUTE_TABLE_TYPES, input.Type),
      resourceGroupId: input.ResourceGroupId,
    };
    if (input.VRouterId !== undefined && (await repo.count({ accountId: ctx.caller.id, routerId: input.VRouterId })) === 0) {
      throw ctx.error('InvalidVRouterId.NotFound');
    }
    const rows = await repo.find(where, { orderBy: ['createdAt', 'id'], limit: p.pageSize, offset: p.offset });
    const total = await repo.count(where);
    const items = [];
    for (const t of rows) {
      const entries = await entriesOfTable(ctx.tx, t);
      items.push({
        RouteTableId: t.id,
        RouteTableType: t.type,
        VRouterId: t.routerId,
        Status: t.status,
        ResourceGroupId: t.resourceGroupId,
        CreationTime: isoSeconds(t.createdAt),
        VSwitchIds: { VSwitchId: await servedVSwitches(ctx.tx, t) },
        RouteEntrys: {
          RouteEntry: entries.map((e) => ({
            RouteEntryId: e.id,
            RouteTableId: e.routeTableId,
            RouteEntryName: e.name,
            Description: e.description,
            DestinationCidrBlock: e.destinationCidrBlock,
            Type: e.type,
            Status: e.status,
            NextHopType: e.hops.length === 1 ? (e.hops[0]?.nextHopType ?? '') : '',
            InstanceId: e.hops.length === 1 ? (e.hops[0]?.nextHopId ?? '') : '',
            NextHops: {
              NextHop: e.hops.map((h) => ({ NextHopType: h.nextHopType, NextHopId: h.nextHopId, Weight: h.weight, Enabled: 1 })),
            },
          })),
        },
      });
    }
    return { ...pageFields(total, p), RouteTables: { RouteTable: items } };
  },
});
