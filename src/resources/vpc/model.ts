// The rows of the VPC module: VPCs, routers and route tables.

export interface Vpc {
  id: string;
  accountId: string;
  regionId: string;
  name: string;
  description: string;
  cidrBlock: string;
  status: 'Pending' | 'Available';
  vRouterId: string;
  routeTableId: string;
  resourceGroupId: string;
  isDefault: boolean;
  tags: string;
  createdAt: number;
  pendingStatus: string;
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

export interface RouteTable {
  id: string;
  accountId: string;
  regionId: string;
  routerId: string;
  routerType: RouterKind;
  vpcId: string;
  name: string;
  description: string;
  createdAt: number;
}

/** The resource group every account's resources fall in unless told otherwise. */
export function defaultResourceGroup(accountId: string): string {
  return `rg-acfm${accountId.slice(-11)}`;
}
