import { defineAction } from '../../engine/action.js';
import { listPage, page, pageFields } from '../../core/paging.js';
import { isoSeconds } from '../../core/time.js';
import { hasTags, parseTags } from '../shared/validation.js';
import { VPCS } from './storage.js';

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
    const { total, rows } = await listPage(ctx.tx.repo(VPCS), where, p, input.Tag?.length ? (v) => hasTags(v.tags, input.Tag) : undefined);
    return {
      ...pageFields(total, p),
      Vpcs: {
        Vpc: rows.map((v) => ({
          VpcId: v.id,
          RegionId: v.regionId,
          Status: v.status,
          VpcName: v.name,
          Description: v.description,
          CidrBlock: v.cidrBlock,
          VRouterId: v.vRouterId,
          CreationTime: isoSeconds(v.createdAt),
          IsDefault: v.isDefault,
          OwnerId: Number(v.accountId),
          ResourceGroupId: v.resourceGroupId,
          EnabledIpv6: false,
          Ipv6CidrBlock: '',
          DhcpOptionsSetId: '',
          DhcpOptionsSetStatus: '',
          CenStatus: '',
          VSwitchIds: { VSwitchId: [] },
          UserCidrs: { UserCidr: [] },
          NatGatewayIds: { NatGatewayIds: [] },
          RouterTableIds: { RouterTableIds: [v.routeTableId] },
          SecondaryCidrBlocks: { SecondaryCidrBlock: [] },
          Ipv6CidrBlocks: { Ipv6CidrBlock: [] },
          Tags: { Tag: parseTags(v.tags) },
        })),
      },
    };
  },
});
