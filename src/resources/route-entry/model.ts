// A custom route entry.

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
