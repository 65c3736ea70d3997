// The shapes the console reads from the admin API (GET /_localvpc/topology and friends).
export interface Account {
  id: string;
  name: string;
  site: string;
  billsOutstanding: boolean;
  financialLocked: boolean;
}
export interface RouterNode {
  id: string;
  kind: 'VRouter' | 'VBR';
  accountId: string;
  regionId: string;
  vpcId: string;
  name: string;
  cidrBlock: string;
  status: string;
  routeTableId: string;
}
export interface VSwitch {
  id: string;
  vpcId: string;
  accountId: string;
  regionId: string;
  zoneId: string;
  cidrBlock: string;
  name: string;
  status: string;
  routeTableId: string;
}
export interface Iface {
  id: string;
  accountId: string;
  regionId: string;
  routerId: string;
  routerType: string;
  vpcId: string;
  role: string;
  spec: string;
  status: string;
  name: string;
  description: string;
  oppositeRegionId: string;
  oppositeRouterType: string;
  oppositeRouterId: string;
  oppositeInterfaceId: string;
  oppositeInterfaceOwnerId: string;
  oppositeDeleted: boolean;
  pendingStatus: string;
  held: boolean;
  tags: { Key: string; Value: string }[];
  createdAt: string;
}
export interface RouteEntry {
  id: string;
  accountId: string;
  regionId: string;
  routeTableId: string;
  destinationCidrBlock: string;
  status: string;
  name: string;
  hops: { type: string; id: string }[];
}
export interface Topology {
  accounts: Account[];
  routers: RouterNode[];
  vswitches: VSwitch[];
  interfaces: Iface[];
  routeEntries: RouteEntry[];
}

export type Selection = { kind: 'interface'; id: string } | { kind: 'router'; id: string } | undefined;

/** Statuses that are on their way somewhere: drawn in motion. */
export const MOVING = new Set(['Connecting', 'AcceptingConnecting', 'Activating', 'Deactivating', 'Deleting', 'Modifying']);

/** A status's colour class; the text is always shown next to it. */
export function tone(status: string): string {
  if (status === 'Active') return 'ok';
  if (MOVING.has(status)) return 'moving';
  if (status === 'Inactive') return 'warn';
  if (status === 'Deleted') return 'bad';
  return 'idle';
}
