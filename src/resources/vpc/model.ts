// The rows of the VPC module: VPCs, routers and route tables.

export const VPC_STATUSES = ['Pending', 'Available'] as const;
export type VpcStatus = (typeof VPC_STATUSES)[number];

export interface Vpc {
  id: string;
  accountId: string;
  regionId: string;
  name: string;
  description: string;
  cidrBlock: string;
  /** Secondary IPv4 CIDR blocks (AssociateVpcCidrBlock), as a JSON array of strings. */
  secondaryCidrs: string;
  /** `ENABLED` or `DISABLED` (ModifyVpcAttribute's EnableDnsHostname). */
  dnsHostnameStatus: string;
  status: VpcStatus;
  vRouterId: string;
  routeTableId: string;
  resourceGroupId: string;
  isDefault: boolean;
  tags: string;
  createdAt: number;
  pendingStatus: VpcStatus | '';
  dueAt: number;
}

export const ROUTER_KINDS = ['VRouter', 'VBR'] as const;
export type RouterKind = (typeof ROUTER_KINDS)[number];

/** A router a router interface hangs on: a VPC's vRouter (`vrt-`) or a virtual border router (`vbr-`). */
export interface Router {
  id: string;
  kind: RouterKind;
  accountId: string;
  regionId: string;
  vpcId: string;
  accessPointId: string;
  routeTableId: string;
  name: string;
  description: string;
  createdAt: number;
}

export const ROUTE_TABLE_TYPES = ['System', 'Custom'] as const;
export type RouteTableType = (typeof ROUTE_TABLE_TYPES)[number];

export const ROUTE_TABLE_STATUSES = ['Pending', 'Available', 'Deleting'] as const;
export type RouteTableStatus = (typeof ROUTE_TABLE_STATUSES)[number];

/** A route table: a router's system table (made with its VPC or VBR), or a custom one of a VPC. */
export interface RouteTable {
  id: string;
  accountId: string;
  regionId: string;
  routerId: string;
  routerType: RouterKind;
  vpcId: string;
  type: RouteTableType;
  /** `VSwitch` (the default) or `Gateway`. */
  associateType: string;
  name: string;
  description: string;
  routePropagationEnable: boolean;
  resourceGroupId: string;
  tags: string;
  status: RouteTableStatus;
  createdAt: number;
  pendingStatus: RouteTableStatus | '';
  dueAt: number;
}

/** The resource group every account's resources fall in unless told otherwise. */
export function defaultResourceGroup(accountId: string): string {
  return `rg-acfm${accountId.slice(-11)}`;
}

/** The VPC's IPv4 blocks: the primary, then the secondary ones. */
export function vpcCidrs(vpc: Pick<Vpc, 'cidrBlock' | 'secondaryCidrs'>): string[] {
  return [vpc.cidrBlock, ...secondaryCidrs(vpc)];
}

export function secondaryCidrs(vpc: Pick<Vpc, 'secondaryCidrs'>): string[] {
  const v: unknown = JSON.parse(vpc.secondaryCidrs);
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}
