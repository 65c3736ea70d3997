// Custom route entries, so that a route whose next hop is a router interface can block deleting it.
// Known gaps: only NextHopType RouterInterface is accepted; no ECMP NextHopList, no system entries,
// no IPv6; entries are Pending, then Available after the transition delay.

export interface RouteEntry {
  id: string;
  accountId: string;
  regionId: string;
  routeTableId: string;
  destinationCidrBlock: string;
  nextHopType: string;
  nextHopId: string;
  name: string;
  description: string;
  status: 'Pending' | 'Available';
  createdAt: number;
  pendingStatus: string;
  dueAt: number;
}
