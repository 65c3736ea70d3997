import type { TableDef } from '../../store/store.js';
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
};
