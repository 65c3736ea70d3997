// DescribeVpcAttribute. A VPC the caller cannot see (unknown, deleted, another account's) is
// answered with 200 and empty fields (`VpcId: ""`): the spec lists no not-found error for this
// action, and Terraform's provider takes exactly that as "gone".
import { visible } from '../shared/owned.js';
import { defineAction } from '../../engine/action.js';
import { VPCS } from './storage.js';
import { vpcFields } from './view.js';

const GONE = {
  VpcId: '',
  RegionId: '',
  Status: '',
  VpcName: '',
  Description: '',
  CidrBlock: '',
  VRouterId: '',
  CreationTime: '',
  IsDefault: false,
  OwnerId: 0,
  ResourceGroupId: '',
  EnabledIpv6: false,
  Ipv6CidrBlock: '',
  DhcpOptionsSetId: '',
  DhcpOptionsSetStatus: '',
  DnsHostnameStatus: '',
  ClassicLinkEnabled: false,
  SupportIpv4Gateway: false,
  Ipv4GatewayId: '',
  VSwitchIds: { VSwitchId: [] },
  UserCidrs: { UserCidr: [] },
  SecondaryCidrBlocks: { SecondaryCidrBlock: [] },
  Ipv6CidrBlocks: { Ipv6CidrBlock: [] },
  AssociatedCens: { AssociatedCen: [] },
  CloudResources: { CloudResourceSetType: [] },
  AssociatedPropagationSources: { AssociatedPropagationSources: [] },
  Tags: { Tag: [] },
};

export const describeVpcAttribute = defineAction({
  product: 'Vpc',
  name: 'DescribeVpcAttribute',
  mode: 'read',
  handler: async (input, ctx) => {
    const vpc = await visible(ctx, VPCS, input.VpcId, input.RegionId);
    if (!vpc) return GONE;
    const { fields, routeTableIds, vswitchCount } = await vpcFields(ctx.tx, vpc);
    return Object.assign({}, GONE, fields, {
      CloudResources: {
        CloudResourceSetType: [
          { ResourceType: 'VSwitch', ResourceCount: vswitchCount },
          { ResourceType: 'VRouter', ResourceCount: 1 },
          { ResourceType: 'RouteTable', ResourceCount: routeTableIds.length },
        ],
      },
    });
  },
});
