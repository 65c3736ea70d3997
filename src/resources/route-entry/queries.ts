// What other modules ask of route entries: whether any uses a router interface as next hop, or
// lives in a route table (both block deletions).
import type { Tx } from '../../store/port.js';
import { ROUTE_ENTRIES } from './storage.js';

export function countEntriesWithNextHop(tx: Tx, nextHopId: string): Promise<number> {
  return tx.repo(ROUTE_ENTRIES).count({ nextHopId });
}

export function countEntriesInTable(tx: Tx, routeTableId: string): Promise<number> {
  return tx.repo(ROUTE_ENTRIES).count({ routeTableId });
}
