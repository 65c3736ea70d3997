// The route-entry tables: custom entries, and their next hops (looked up by entry and by hop).
import type { TableDef } from '../../store/port.js';
import { stateValues } from '../../store/check-rows.js';
import { ROUTE_ENTRY_STATUSES } from './model.js';
import type { RouteEntry, RouteEntryHop } from './model.js';

export const ROUTE_ENTRIES: TableDef<RouteEntry> = {
  table: 'route_entries',
  key: 'id',
  columns: [
    'id',
    'accountId',
    'regionId',
    'routeTableId',
    'destinationCidrBlock',
    'nextHopType',
    'nextHopId',
    'name',
    'description',
    'status',
    'createdAt',
    'pendingStatus',
    'dueAt',
  ],
  indexes: [
    { name: 'route_entries_table', columns: ['routeTableId', 'createdAt'], selective: true },
    { name: 'route_entries_hop', columns: ['nextHopId'] },
    { name: 'route_entries_due', columns: ['dueAt'] },
  ],
  resourceType: 'route_entry',
  values: { ...stateValues(ROUTE_ENTRY_STATUSES) },
};

export const ROUTE_ENTRY_HOPS: TableDef<RouteEntryHop> = {
  table: 'route_entry_hops',
  key: 'id',
  columns: ['id', 'entryId', 'accountId', 'regionId', 'nextHopType', 'nextHopId', 'weight'],
  indexes: [
    { name: 'route_entry_hops_entry', columns: ['entryId'], selective: true },
    { name: 'route_entry_hops_hop', columns: ['nextHopId'], selective: true },
  ],
};
