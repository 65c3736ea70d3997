// DescribeRouterInterfaceAttribute (the interface id is `InstanceId` here). An interface the caller
// cannot see (unknown, deleted, another account's) is answered with 200 and empty fields
// (`RouterInterfaceId: ""`), not an error. Evidence:
// the spec lists no not-found code for this action, and Terraform's provider detects a gone
// interface exactly by `RouterInterfaceId == ""` in a 200 body. The values of Code, Message and
// Success in that answer are not documented; LocalVPC answers them as for a found one.
import { visible } from '../shared/owned.js';
import { defineAction } from '../../engine/action.js';
import { ROUTER_INTERFACES } from './storage.js';
import { riAttribute } from './view.js';

const GONE = {
  RouterInterfaceId: '',
  Name: '',
  Description: '',
  RouterId: '',
  RouterType: '',
  Role: '',
  Spec: '',
  Bandwidth: 0,
  Status: '',
  BusinessStatus: '',
  ChargeType: '',
  CreationTime: '',
  ConnectedTime: '',
  EndTime: '',
  CrossBorder: false,
  AccessPointId: '',
  OppositeAccessPointId: '',
  OppositeRegionId: '',
  OppositeRouterId: '',
  OppositeRouterType: '',
  OppositeInterfaceId: '',
  OppositeInterfaceOwnerId: '',
  OppositeInterfaceSpec: '',
  OppositeInterfaceStatus: '',
  OppositeInterfaceBusinessStatus: '',
  OppositeBandwidth: 0,
  OppositeVpcInstanceId: '',
  VpcInstanceId: '',
  HealthCheckSourceIp: '',
  HealthCheckTargetIp: '',
  HcRate: 0,
  HcThreshold: 0,
  HasReservationData: 'false',
  ResourceGroupId: '',
  Tags: { Tags: [] },
  FastLinkMode: '',
  GmtModified: '',
  HealthCheckStatus: '',
  ReservationActiveTime: '',
  ReservationBandwidth: '',
  ReservationInternetChargeType: '',
  ReservationOrderType: '',
  Code: '200',
  Message: 'successful',
  Success: true,
};

export const describeRouterInterfaceAttribute = defineAction({
  product: 'Vpc',
  name: 'DescribeRouterInterfaceAttribute',
  mode: 'read',
  handler: async (input, ctx) => {
    const ri = await visible(ctx, ROUTER_INTERFACES, input.InstanceId, input.RegionId);
    if (!ri) return GONE;
    return riAttribute(ctx, ri);
  },
});
