// How a VPC looks on the wire: the item of DescribeVpcs and the body of DescribeVpcAttribute share
// these fields, with the JSON types of the spec's response schema (Terraform's data source
// asserts the list wrappers, e.g. VSwitchIds, SecondaryCidrBlocks, UserCidrs, are objects).
import { isoSeconds } from '../../core/time.js';
import type { Tx } from '../../store/port.js';
import { parseTags } from '../shared/validation.js';
import { vswitchesOfVpc } from '../vswitch/queries.js';
import { secondaryCidrs, type Vpc } from './model.js';
import { routeTablesOfVpc } from './queries.js';

/**
 * The wire fields (`fields`; callers add theirs with Object.assign: a spread of this many fields
 * followed by new ones is slow in V8), and what the callers derive from besides.
 */
export async function vpcFields(tx: Tx, v: Vpc) {
  const vswitches = await vswitchesOfVpc(tx, v.id);
  const tables = await routeTablesOfVpc(tx, v.id);
  const fields = {
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
    DnsHostnameStatus: v.dnsHostnameStatus,
    VSwitchIds: { VSwitchId: vswitches.map((s) => s.id) },
    UserCidrs: { UserCidr: [] as string[] },
    SecondaryCidrBlocks: { SecondaryCidrBlock: secondaryCidrs(v) },
    Ipv6CidrBlocks: { Ipv6CidrBlock: [] as { Ipv6CidrBlock: string; Ipv6Isp: string }[] },
    Tags: { Tag: parseTags(v.tags) },
  };
  return {
    fields,
    /** Route tables, the system one first. */
    routeTableIds: [v.routeTableId, ...tables.filter((t) => t.id !== v.routeTableId).map((t) => t.id)],
    vswitchCount: vswitches.length,
  };
}
