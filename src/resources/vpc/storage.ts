import type { TableDef } from '../../store/store.js';
import type { RouteTable, Router, Vpc } from './model.js';

export const VPCS: TableDef<Vpc> = {
  table: 'vpcs',
  key: 'id',
  columns: [
    'id',
    'accountId',
    'regionId',
    'name',
    'description',
    'cidrBlock',
    'status',
    'vRouterId',
    'routeTableId',
    'resourceGroupId',
    'isDefault',
    'tags',
    'createdAt',
    'pendingStatus',
    'dueAt',
  ],
  booleans: ['isDefault'],
};

export const ROUTERS: TableDef<Router> = {
  table: 'routers',
  key: 'id',
  columns: ['id', 'kind', 'accountId', 'regionId', 'vpcId', 'accessPointId', 'routeTableId', 'name', 'description', 'createdAt'],
};

export const ROUTE_TABLES: TableDef<RouteTable> = {
  table: 'route_tables',
  key: 'id',
  columns: ['id', 'accountId', 'regionId', 'routerId', 'routerType', 'vpcId', 'name', 'description', 'createdAt'],
};
