// Every entry of a route table as the Describe actions show them: the System entries derived from
// what the table serves (a `local` entry for each vSwitch associated with it, and 100.64.0.0/10 to
// the cloud services for a VPC's tables), then the stored custom entries with their next hops.
// Known gaps: no IPv6 entries; system entries are always Available.
import type { Tx } from '../../store/port.js';
import type { RouteTable } from '../vpc/model.js';
import { vswitchesOfRouteTable, vswitchesOfVpc } from '../vswitch/queries.js';
import type { RouteEntry, RouteEntryHop } from './model.js';
import { ROUTE_ENTRIES, ROUTE_ENTRY_HOPS } from './storage.js';

export interface HopView {
  nextHopType: string;
  nextHopId: string;
  weight: number;
}

export interface EntryView {
  id: string;
  routeTableId: string;
  regionId: string;
  type: 'System' | 'Custom';
  destinationCidrBlock: string;
  status: string;
  name: string;
  description: string;
  /** The stored row behind a custom entry. */
  row?: RouteEntry;
  hops: HopView[];
  createdAt: number;
}

/** A derived system entry's id: stable, and unique (built from the id of what it stands for). */
function systemId(ofResource: string): string {
  return `rte-${ofResource.slice(ofResource.indexOf('-') + 1)}`;
}

/** The System entries of a table. */
export async function systemEntries(tx: Tx, table: RouteTable): Promise<EntryView[]> {
  if (table.routerType !== 'VRouter') return [];
  const vswitches =
    table.type === 'System'
      ? (await vswitchesOfVpc(tx, table.vpcId)).filter((v) => v.routeTableId === '')
      : await vswitchesOfRouteTable(tx, table.id);
  const base = {
    routeTableId: table.id,
    regionId: table.regionId,
    type: 'System' as const,
    status: 'Available',
    name: '',
    description: '',
  };
  return [
    ...vswitches.map((v) => ({
      ...base,
      id: systemId(v.id),
      destinationCidrBlock: v.cidrBlock,
      hops: [{ nextHopType: 'local', nextHopId: '', weight: 0 }],
      createdAt: v.createdAt,
    })),
    {
      ...base,
      id: systemId(table.id),
      destinationCidrBlock: '100.64.0.0/10',
      hops: [{ nextHopType: 'service', nextHopId: '', weight: 0 }],
      createdAt: table.createdAt,
    },
  ];
}

export async function hopsOf(tx: Tx, entryId: string): Promise<RouteEntryHop[]> {
  return tx.repo(ROUTE_ENTRY_HOPS).find({ entryId }, { orderBy: ['nextHopId'] });
}

export async function customView(tx: Tx, e: RouteEntry): Promise<EntryView> {
  const hops = (await hopsOf(tx, e.id)).map((h) => ({ nextHopType: h.nextHopType, nextHopId: h.nextHopId, weight: h.weight }));
  return {
    id: e.id,
    routeTableId: e.routeTableId,
    regionId: e.regionId,
    type: 'Custom',
    destinationCidrBlock: e.destinationCidrBlock,
    status: e.status,
    name: e.name,
    description: e.description,
    row: e,
    hops,
    createdAt: e.createdAt,
  };
}

/** System entries first, then custom ones in creation order. */
export async function entriesOfTable(tx: Tx, table: RouteTable): Promise<EntryView[]> {
  const custom = await tx.repo(ROUTE_ENTRIES).find({ routeTableId: table.id }, { orderBy: ['createdAt', 'id'] });
  const views: EntryView[] = [];
  for (const e of custom) views.push(await customView(tx, e));
  return [...(await systemEntries(tx, table)), ...views];
}
