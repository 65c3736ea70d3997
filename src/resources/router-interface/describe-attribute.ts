// DescribeRouterInterfaceAttribute (the interface id is `InstanceId` here). An interface the caller
// cannot see is InvalidRouterInterfaceId.NotFound (404), which Terraform reads as "gone".
import { defineAction } from '../../engine/action.js';
import { ownInterface } from './lookup.js';
import { riAttribute } from './view.js';

export const describeRouterInterfaceAttribute = defineAction({
  product: 'Vpc',
  name: 'DescribeRouterInterfaceAttribute',
  mode: 'read',
  handler: async (input, ctx) => riAttribute(ctx, await ownInterface(ctx, input.RegionId, input.InstanceId)),
});
