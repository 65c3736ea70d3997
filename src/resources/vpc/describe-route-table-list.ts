import { defineAction } from '../../engine/action.js';
import { listPage, page, pageFields } from '../../core/paging.js';
import { isoSeconds } from '../../core/time.js';
import { oneOf } from '../shared/filters.js';
import { defaultResourceGroup, ROUTER_KINDS } from './model.js';
import { ROUTE_TABLES } from './storage.js';

export const describeRouteTableList = defineAction({
  product: 'Vpc',
  name: 'DescribeRouteTableList',
  mode: 'read',
  handler: async (input, ctx) => {
    const p = page(input.PageNumber, input.PageSize);
    // Only system route tables exist here; a request for another type finds none.
    const none = input.RouteTableType !== undefined && input.RouteTableType !== 'System';
    const where = {
      accountId: none ? [] : ctx.caller.id,
      regionId: input.RegionId,
      routerType: oneOf(ROUTER_KINDS, input.RouterType),
      routerId: input.RouterId,
      vpcId: input.VpcId,
      id: input.RouteTableId,
      name: input.RouteTableName,
    };
    const { total, rows } = await listPage(ctx.tx.repo(ROUTE_TABLES), where, p);
    return {
      ...pageFields(total, p),
      RouterTableList: {
        RouterTableListType: rows.map((t) => ({
          RouteTableId: t.id,
          RouteTableName: t.name,
          Description: t.description,
          RouteTableType: 'System',
          RouterId: t.routerId,
          RouterType: t.routerType,
          VpcId: t.vpcId,
          Status: 'Available',
          AssociateType: 'VSwitch',
          CreationTime: isoSeconds(t.createdAt),
          OwnerId: Number(t.accountId),
          ResourceGroupId: defaultResourceGroup(t.accountId),
          RoutePropagationEnable: true,
          VSwitchIds: { VSwitchId: [] },
          GatewayIds: { GatewayIds: [] },
          Tags: { Tag: [] },
        })),
      },
    };
  },
});
