// VPCs with their vRouter and system route table, as much as router interfaces need.
// Known gaps: no vSwitches, secondary CIDRs, IPv6, DHCP options or default VPCs; DeleteVpc removes
// the VPC at once (no Deleting state); system route entries are not listed.

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

/** A router a router interface hangs on: a VPC's vRouter (`vrt-`) or a virtual border router (`vbr-`). */
export interface Router {
  id: string;
  kind: 'VRouter' | 'VBR';
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
  routerType: 'VRouter' | 'VBR';
  vpcId: string;
  name: string;
  description: string;
  createdAt: number;
}

/** The resource group every account's resources fall in unless told otherwise. */
export function defaultResourceGroup(accountId: string): string {
  return `rg-acfm${accountId.slice(-11)}`;
}
