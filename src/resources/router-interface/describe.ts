// DescribeRouterInterfaces: the caller's interfaces in one region, filtered by the ten keys of the
// spec (values ORed within a key, keys ANDed), optionally by tags and resource group, in a stable
// order (creation time, then id), paged by PageNumber / PageSize (at most 50).
import { defineAction } from '../../engine/action.js';
import { listPage, page, pageFields } from '../../core/paging.js';
import type { Where } from '../../store/port.js';
import { readFilters, someOf } from '../shared/filters.js';
import { hasTags } from '../shared/validation.js';
import { ROUTER_TYPES, STATUSES, type RouterInterface } from './model.js';
import { ROUTER_INTERFACES } from './storage.js';
import { riItems } from './view.js';

const KEYS = [
  'RouterInterfaceId',
  'RouterId',
  'RouterType',
  'RouterInterfaceOwnerId',
  'OppositeInterfaceId',
  'OppositeRouterType',
  'OppositeRouterId',
  'OppositeInterfaceOwnerId',
  'Status',
  'Name',
] as const;

export const describeRouterInterfaces = defineAction({
  product: 'Vpc',
  name: 'DescribeRouterInterfaces',
  mode: 'read',
  handler: async (input, ctx) => {
    const f = readFilters(ctx, input.Filter, KEYS);
    const owner = f.get('RouterInterfaceOwnerId');
    const where: Where<RouterInterface> = {
      // Only the caller's own interfaces are visible, whatever RouterInterfaceOwnerId says.
      accountId: owner && !owner.includes(ctx.caller.id) ? [] : ctx.caller.id,
      regionId: input.RegionId,
      resourceGroupId: input.ResourceGroupId,
      id: f.get('RouterInterfaceId'),
      routerId: f.get('RouterId'),
      routerType: someOf(ROUTER_TYPES, f.get('RouterType')),
      oppositeInterfaceId: f.get('OppositeInterfaceId'),
      oppositeRouterType: f.get('OppositeRouterType'),
      oppositeRouterId: f.get('OppositeRouterId'),
      oppositeInterfaceOwnerId: f.get('OppositeInterfaceOwnerId'),
      status: someOf(STATUSES, f.get('Status')),
      name: f.get('Name'),
    };
    const p = page(input.PageNumber, input.PageSize);
    const tags = input.Tags;
    const { total, rows } = await listPage(
      ctx.tx.repo(ROUTER_INTERFACES),
      where,
      p,
      tags?.length ? (ri) => hasTags(ri.tags, tags) : undefined,
    );
    return {
      ...pageFields(total, p),
      RouterInterfaceSet: { RouterInterfaceType: await riItems(ctx, rows) },
    };
  },
});
