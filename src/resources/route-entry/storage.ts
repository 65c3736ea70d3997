import type { TableDef } from '../../store/port.js';
import type { RouteEntry } from './model.js';

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
    { name: 'route_entries_table', columns: ['routeTableId', 'createdAt'] },
    { name: 'route_entries_hop', columns: ['nextHopId'] },
    { name: 'route_entries_due', columns: ['dueAt'] },
  ],
  resourceType: 'route_entry',
};
