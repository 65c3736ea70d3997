// A custom route entry and its next hops (one, or 2 to 4 router interfaces for an ECMP entry).
// System entries are not stored: they are derived from the vSwitches of a route table (entries.ts).

export const ROUTE_ENTRY_STATUSES = ['Pending', 'Available', 'Modifying'] as const;
export type RouteEntryStatus = (typeof ROUTE_ENTRY_STATUSES)[number];

export interface RouteEntry {
  id: string;
  accountId: string;
  regionId: string;
  routeTableId: string;
  destinationCidrBlock: string;
  /** The single next hop's type and id; both '' for an ECMP entry (its hops are rows of route_entry_hops). */
  nextHopType: string;
  nextHopId: string;
  name: string;
  description: string;
  status: RouteEntryStatus;
  createdAt: number;
  pendingStatus: RouteEntryStatus | '';
  dueAt: number;
}

/** One next hop of an entry; every entry has at least one (an ECMP entry 2 to 4). */
export interface RouteEntryHop {
  /** `<entryId>/<nextHopId>`. */
  id: string;
  entryId: string;
  accountId: string;
  regionId: string;
  nextHopType: string;
  nextHopId: string;
  weight: number;
}

/** The next hop types of CreateRouteEntry's documentation. */
export const NEXT_HOP_TYPES = [
  'Instance',
  'HaVip',
  'RouterInterface',
  'NetworkInterface',
  'VpnGateway',
  'IPv6Gateway',
  'NatGateway',
  'Attachment',
  'VpcPeer',
  'Ipv4Gateway',
  'GatewayEndpoint',
  'Ecr',
  'GatewayLoadBalancerEndpoint',
] as const;
