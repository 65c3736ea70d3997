// The vSwitch table. Lookups by VPC and by route table are selective.
import type { TableDef } from '../../store/port.js';
import { stateValues } from '../../store/check-rows.js';
import { VSWITCH_STATUSES } from './model.js';
import type { VSwitch } from './model.js';

export const VSWITCHES: TableDef<VSwitch> = {
  table: 'vswitches',
  key: 'id',
  columns: [
    'id',
    'accountId',
    'regionId',
    'vpcId',
    'zoneId',
    'cidrBlock',
    'name',
    'description',
    'status',
    'routeTableId',
    'isDefault',
    'resourceGroupId',
    'tags',
    'createdAt',
    'pendingStatus',
    'dueAt',
  ],
  booleans: ['isDefault'],
  indexes: [
    { name: 'vswitches_owner', columns: ['accountId', 'regionId', 'createdAt'] },
    { name: 'vswitches_vpc', columns: ['vpcId'], selective: true },
    { name: 'vswitches_route_table', columns: ['routeTableId'], selective: true },
    { name: 'vswitches_due', columns: ['dueAt'] },
  ],
  resourceType: 'vswitch',
  values: { ...stateValues(VSWITCH_STATUSES) },
};
