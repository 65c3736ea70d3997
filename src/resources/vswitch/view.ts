// How a vSwitch looks on the wire: the item of DescribeVSwitches and the body of
// DescribeVSwitchAttributes share these fields (JSON types as the spec's response schema).
import { isoSeconds } from '../../core/time.js';
import { cidrSize } from '../shared/cidr.js';
import { parseTags } from '../shared/validation.js';
import type { VSwitch } from './model.js';

/** The first address and the last three of every vSwitch are reserved (Alibaba's documented rule). */
const RESERVED = 4;

export function vswitchFields(v: VSwitch, systemRouteTableId: string) {
  return {
    VSwitchId: v.id,
    VpcId: v.vpcId,
    Status: v.status,
    CidrBlock: v.cidrBlock,
    ZoneId: v.zoneId,
    VSwitchName: v.name,
    Description: v.description,
    CreationTime: isoSeconds(v.createdAt),
    IsDefault: v.isDefault,
    AvailableIpAddressCount: Math.max(0, cidrSize(v.cidrBlock) - RESERVED),
    NetworkAclId: '',
    OwnerId: Number(v.accountId),
    ResourceGroupId: v.resourceGroupId,
    Ipv6CidrBlock: '',
    EnabledIpv6: false,
    ShareType: '',
    RouteTable: v.routeTableId
      ? { RouteTableId: v.routeTableId, RouteTableType: 'Custom' }
      : { RouteTableId: systemRouteTableId, RouteTableType: 'System' },
    Tags: { Tag: parseTags(v.tags) },
  };
}
