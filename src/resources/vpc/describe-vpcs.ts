// DescribeVpcs: the caller's VPCs in a region, filtered by id (a comma-separated list of up to 20),
// name, default flag, resource group and tags, in creation order, paged (at most 50).
import { defineAction } from '../../engine/action.js';
import { listPage, page, pageFields } from '../../core/paging.js';
import { hasTags } from '../shared/validation.js';
import { VPCS } from './storage.js';
import { vpcFields } from './view.js';

export const describeVpcs = defineAction({
  product: 'Vpc',
  name: 'DescribeVpcs',
  mode: 'read',
  handler: async (input, ctx) => {
    const ids = input.VpcId?.split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    if (ids && ids.length > 20) throw ctx.error('InvalidVpcIdNumber.NotSupported');
    const p = page(input.PageNumber, input.PageSize);
    const owner = input.VpcOwnerId === undefined ? ctx.caller.id : input.VpcOwnerId;
    // Only the caller's own VPCs are visible, whatever VpcOwnerId says.
    const where = {
      accountId: owner === ctx.caller.id ? ctx.caller.id : [],
      regionId: input.RegionId,
      id: ids,
      name: input.VpcName,
      resourceGroupId: input.ResourceGroupId,
      isDefault: input.IsDefault,
    };
    const tags = input.Tag;
    const { total, rows } = await listPage(ctx.tx.repo(VPCS), where, p, tags?.length ? (v) => hasTags(v.tags, tags) : undefined);
    const items = [];
    for (const v of rows) {
      const { fields, routeTableIds } = await vpcFields(ctx.tx, v);
      items.push(
        Object.assign(fields, {
          CenStatus: '',
          NatGatewayIds: { NatGatewayIds: [] as string[] },
          RouterTableIds: { RouterTableIds: routeTableIds },
        }),
      );
    }
    return { ...pageFields(total, p), Vpcs: { Vpc: items } };
  },
});
