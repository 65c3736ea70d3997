import { defineAction } from '../../actions/registry-types.js';
import { listPage, page, pageFields } from '../../core/paging.js';
import { isoSeconds } from '../../core/time.js';

interface Input {
  RegionId: string;
  VRouterId?: string;
  PageNumber?: number;
  PageSize?: number;
}

export const describeVRouters = defineAction({
  product: 'Vpc',
  name: 'DescribeVRouters',
  mode: 'read',
  handler: (input: Input, ctx) => {
    const p = page(input.PageNumber, input.PageSize);
    const where = { accountId: ctx.account.id, regionId: input.RegionId, kind: 'VRouter' as const, id: input.VRouterId };
    const { total, rows } = listPage(ctx.services.repos.routers, where, p);
    return {
      ...pageFields(total, p),
      VRouters: {
        VRouter: rows.map((r) => ({
          VRouterId: r.id,
          VpcId: r.vpcId,
          VRouterName: r.name,
          Description: r.description,
          RegionId: r.regionId,
          CreationTime: isoSeconds(r.createdAt),
          RouteTableIds: { RouteTableId: [r.routeTableId] },
        })),
      },
    };
  },
});
