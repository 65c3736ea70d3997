import { defineAction } from '../../engine/action.js';
import { listPage, page, pageFields } from '../../core/paging.js';
import { isoSeconds } from '../../core/time.js';
import { ROUTERS } from './storage.js';

export const describeVRouters = defineAction({
  product: 'Vpc',
  name: 'DescribeVRouters',
  mode: 'read',
  handler: async (input, ctx) => {
    const p = page(input.PageNumber, input.PageSize);
    const where = { accountId: ctx.caller.id, regionId: input.RegionId, kind: 'VRouter' as const, id: input.VRouterId };
    const { total, rows } = await listPage(ctx.tx.repo(ROUTERS), where, p);
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
