// DescribeVSwitchAttributes. A vSwitch the caller cannot see (unknown, deleted, another
// account's) is answered with 200 and empty fields (`VSwitchId: ""`), not an error: Terraform's
// provider takes exactly that as "gone" (a 400 InvalidVSwitchId.NotFound, which the spec lists,
// would make its destroy wait fail), so the real service must answer this way for deleted ones.
import { visible } from '../shared/owned.js';
import { defineAction } from '../../engine/action.js';
import { getVpc } from '../vpc/queries.js';
import { VSWITCHES } from './storage.js';
import { vswitchFields } from './view.js';

const GONE = {
  VSwitchId: '',
  VpcId: '',
  Status: '',
  CidrBlock: '',
  ZoneId: '',
  VSwitchName: '',
  Description: '',
  CreationTime: '',
  IsDefault: false,
  AvailableIpAddressCount: 0,
  NetworkAclId: '',
  OwnerId: 0,
  ResourceGroupId: '',
  Ipv6CidrBlock: '',
  EnabledIpv6: false,
  ShareType: '',
  RouteTable: { RouteTableId: '', RouteTableType: '' },
  CloudResources: {},
  Tags: { Tag: [] },
};

export const describeVSwitchAttributes = defineAction({
  product: 'Vpc',
  name: 'DescribeVSwitchAttributes',
  mode: 'read',
  handler: async (input, ctx) => {
    const v = await visible(ctx, VSWITCHES, input.VSwitchId, input.RegionId);
    if (!v) return GONE;
    const vpc = await getVpc(ctx.tx, v.vpcId);
    return Object.assign(vswitchFields(v, vpc?.routeTableId ?? ''), { CloudResources: {} });
  },
});
