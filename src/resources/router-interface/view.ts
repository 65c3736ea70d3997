// How an interface looks on the wire: the item of DescribeRouterInterfaces and the flat body of
// DescribeRouterInterfaceAttribute, with the JSON types the SDKs insist on (clients.md §5.5).
import type { ActionContext } from '../../actions/registry-types.js';
import { isoSeconds, NEVER_EXPIRES } from '../../core/time.js';
import { isMainland } from '../regions/data.js';
import { parseTags } from '../shared/validation.js';
import { businessStatus, linkedPeer } from './lookup.js';
import { SPECS, type RouterInterface } from './model.js';

export function riFields(ctx: ActionContext, ri: RouterInterface) {
  const peer = linkedPeer(ctx, ri);
  const account = ctx.services.callers.account(ri.accountId);
  const peerAccount = peer ? ctx.services.callers.account(peer.accountId) : undefined;
  return {
    RouterInterfaceId: ri.id,
    Name: ri.name,
    Description: ri.description,
    RouterId: ri.routerId,
    RouterType: ri.routerType,
    Role: ri.role,
    Spec: ri.spec,
    Bandwidth: SPECS[ri.spec] ?? 0,
    Status: ri.status,
    BusinessStatus: businessStatus(account),
    ChargeType: ri.chargeType,
    CreationTime: isoSeconds(ri.createdAt),
    ConnectedTime: ri.connectedAt ? isoSeconds(ri.connectedAt) : '',
    EndTime: ri.endTime ? isoSeconds(ri.endTime) : NEVER_EXPIRES,
    CrossBorder: ri.oppositeRegionId !== '' && isMainland(ri.regionId) !== isMainland(ri.oppositeRegionId),
    AccessPointId: ri.accessPointId,
    OppositeAccessPointId: ri.oppositeAccessPointId || peer?.accessPointId || '',
    OppositeRegionId: ri.oppositeRegionId,
    OppositeRouterId: ri.oppositeRouterId,
    OppositeRouterType: ri.oppositeRouterType,
    OppositeInterfaceId: ri.oppositeInterfaceId,
    OppositeInterfaceOwnerId: ri.oppositeInterfaceOwnerId,
    OppositeInterfaceSpec: peer?.spec ?? '',
    OppositeInterfaceStatus: peer?.status ?? (ri.oppositeDeleted ? 'Deleted' : ''),
    OppositeInterfaceBusinessStatus: peer ? businessStatus(peerAccount) : '',
    OppositeBandwidth: peer ? (SPECS[peer.spec] ?? 0) : 0,
    OppositeVpcInstanceId: peer?.vpcId ?? '',
    VpcInstanceId: ri.vpcId,
    HealthCheckSourceIp: ri.healthCheckSourceIp,
    HealthCheckTargetIp: ri.healthCheckTargetIp,
    HcRate: ri.hcRate,
    HcThreshold: ri.hcThreshold,
    HasReservationData: 'false',
    ResourceGroupId: ri.resourceGroupId,
    Tags: { Tags: parseTags(ri.tags) },
  };
}

/** An item of DescribeRouterInterfaces. */
export function riItem(ctx: ActionContext, ri: RouterInterface, includeReservation: boolean) {
  return {
    ...riFields(ctx, ri),
    FastLinkMode: ri.fastLinkMode,
    Ipv6Status: 'off',
    ...(includeReservation
      ? { ReservationActiveTime: '', ReservationBandwidth: '', ReservationInternetChargeType: '', ReservationOrderType: '' }
      : {}),
  };
}

/** The body of DescribeRouterInterfaceAttribute (flat; FastLinkMode is a string there). */
export function riAttribute(ctx: ActionContext, ri: RouterInterface) {
  return {
    ...riFields(ctx, ri),
    FastLinkMode: String(ri.fastLinkMode),
    GmtModified: isoSeconds(ri.modifiedAt),
    HealthCheckStatus: ri.healthCheckSourceIp ? 'Normal' : 'NoHealthCheckConfig',
    ReservationActiveTime: '',
    ReservationBandwidth: '',
    ReservationInternetChargeType: '',
    ReservationOrderType: '',
    Code: '200',
    Message: 'successful',
    Success: true,
  };
}
