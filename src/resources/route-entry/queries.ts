// What other modules ask of route entries: whether any uses a router interface as next hop or
// lives in a route table (both block deletions), the destinations of a VPC's custom routes (a
// vSwitch may not take one as its CIDR), and removing the routes through a deleted next hop.
import type { Tx } from '../../store/port.js';
import type { Vpc } from '../vpc/model.js';
import { routeTablesOfVpc } from '../vpc/queries.js';
import { ROUTE_ENTRIES, ROUTE_ENTRY_HOPS } from './storage.js';

export { entriesOfTable, type EntryView } from './entries.js';

export function countEntriesWithNextHop(tx: Tx, nextHopId: string): Promise<number> {
  return tx.repo(ROUTE_ENTRY_HOPS).count({ nextHopId });
}

export function countEntriesInTable(tx: Tx, routeTableId: string): Promise<number> {
  return tx.repo(ROUTE_ENTRIES).count({ routeTableId });
}

/** The destination CIDR blocks of the custom entries of every route table of the VPC. */
export async function routeDestinationsOfVpc(tx: Tx, vpc: Vpc): Promise<string[]> {
  const tables = (await routeTablesOfVpc(tx, vpc.id)).map((t) => t.id);
  if (tables.length === 0) return [];
  return (await tx.repo(ROUTE_ENTRIES).find({ routeTableId: tables })).map((e) => e.destinationCidrBlock);
}

/** Removes a next hop from every entry that has it; an entry left without one is deleted. Returns how many entries changed. */
export async function deleteEntriesWithNextHop(tx: Tx, nextHopId: string): Promise<number> {
  const hops = tx.repo(ROUTE_ENTRY_HOPS);
  const entries = tx.repo(ROUTE_ENTRIES);
  const found = await hops.find({ nextHopId });
  for (const h of found) {
    await hops.delete(h.id);
    if ((await hops.count({ entryId: h.entryId })) === 0) await entries.delete(h.entryId);
  }
  return found.length;
}
