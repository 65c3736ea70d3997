// DescribeRouterInterfaceAttribute (the interface id is `InstanceId` here). An interface the caller
// cannot see is InvalidRouterInterfaceId.NotFound (404), which Terraform reads as "gone".
import { defineAction } from '../../actions/registry-types.js';
import { ownInterface } from './lookup.js';
import { riAttribute } from './view.js';

interface Input {
  RegionId: string;
  InstanceId: string;
}

export const describeRouterInterfaceAttribute = defineAction({
  product: 'Vpc',
  name: 'DescribeRouterInterfaceAttribute',
  mode: 'read',
  handler: (input: Input, ctx) => riAttribute(ctx, ownInterface(ctx, input.RegionId, input.InstanceId)),
});
