import { defineAction } from '../../actions/registry-types.js';
import { listPage, page, pageFields } from '../../core/paging.js';
import { isoSeconds } from '../../core/time.js';
import { defaultResourceGroup } from './model.js';

interface Input {
  RegionId: string;
  RouterType?: string;
  RouterId?: string;
  VpcId?: string;
  RouteTableId?: string;
  RouteTableName?: string;
  RouteTableType?: string;
  ResourceGroupId?: string;
  PageNumber?: number;
  PageSize?: number;
}

export const describeRouteTableList = defineAction({
  product: 'Vpc',
  name: 'DescribeRouteTableList',
  mode: 'read',
  handler: (input: Input, ctx) => {
    const p = page(input.PageNumber, input.PageSize);
    // Only system route tables exist here; a request for another type finds none.
    const none = input.RouteTableType !== undefined && input.RouteTableType !== 'System';
    const where = {
      accountId: none ? [] : ctx.account.id,
      regionId: input.RegionId,
      routerType: input.RouterType as 'VRouter' | 'VBR' | undefined,
      routerId: input.RouterId,
      vpcId: input.VpcId,
      id: input.RouteTableId,
      name: input.RouteTableName,
    };
    const { total, rows } = listPage(ctx.services.repos.routeTables, where, p);
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
