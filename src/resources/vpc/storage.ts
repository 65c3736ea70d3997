// The VPC module's tables: VPCs, routers (a VPC's vRouter, or a VBR's router row), route tables.
import type { TableDef } from '../../store/port.js';
import { stateValues } from '../../store/check-rows.js';
import { VPC_STATUSES, ROUTE_TABLE_STATUSES } from './model.js';
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
    'secondaryCidrs',
    'dnsHostnameStatus',
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
  indexes: [
    { name: 'vpcs_owner', columns: ['accountId', 'regionId', 'createdAt'] },
    { name: 'vpcs_due', columns: ['dueAt'] },
  ],
  resourceType: 'vpc',
  values: { ...stateValues(VPC_STATUSES) },
  counted: ['accountId', 'regionId', 'status'],
};

export const ROUTERS: TableDef<Router> = {
  table: 'routers',
  key: 'id',
  columns: ['id', 'kind', 'accountId', 'regionId', 'vpcId', 'accessPointId', 'routeTableId', 'name', 'description', 'createdAt'],
  indexes: [{ name: 'routers_owner', columns: ['accountId', 'regionId', 'kind', 'createdAt'] }],
};

export const ROUTE_TABLES: TableDef<RouteTable> = {
  table: 'route_tables',
  key: 'id',
  columns: [
    'id',
    'accountId',
    'regionId',
    'routerId',
    'routerType',
    'vpcId',
    'type',
    'associateType',
    'name',
    'description',
    'routePropagationEnable',
    'resourceGroupId',
    'tags',
    'status',
    'createdAt',
    'pendingStatus',
    'dueAt',
  ],
  booleans: ['routePropagationEnable'],
  indexes: [
    { name: 'route_tables_owner', columns: ['accountId', 'regionId', 'createdAt'] },
    { name: 'route_tables_vpc', columns: ['vpcId'], selective: true },
    { name: 'route_tables_due', columns: ['dueAt'] },
  ],
  resourceType: 'route_table',
  values: { ...stateValues(ROUTE_TABLE_STATUSES) },
};
