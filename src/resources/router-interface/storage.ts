// The router-interface table. Lookups by router, by opposite router and by the interface an end
// names are selective: they must use their own index (see IndexDef.selective).
import type { TableDef } from '../../store/port.js';
import { stateValues } from '../../store/check-rows.js';
import { STATUSES, ROLES, ROUTER_TYPES, SPECS } from './model.js';
import type { RouterInterface } from './model.js';

export const ROUTER_INTERFACES: TableDef<RouterInterface> = {
  table: 'router_interfaces',
  key: 'id',
  columns: [
    'id',
    'accountId',
    'regionId',
    'routerId',
    'routerType',
    'vpcId',
    'role',
    'spec',
    'status',
    'name',
    'description',
    'accessPointId',
    'oppositeRegionId',
    'oppositeRouterType',
    'oppositeRouterId',
    'oppositeInterfaceId',
    'oppositeInterfaceOwnerId',
    'oppositeAccessPointId',
    'oppositeDeleted',
    'healthCheckSourceIp',
    'healthCheckTargetIp',
    'hcRate',
    'hcThreshold',
    'chargeType',
    'endTime',
    'autoRenew',
    'fastLinkMode',
    'resourceGroupId',
    'tags',
    'createdAt',
    'connectedAt',
    'modifiedAt',
    'pendingStatus',
    'dueAt',
  ],
  booleans: ['oppositeDeleted', 'autoRenew', 'fastLinkMode'],
  indexes: [
    { name: 'router_interfaces_owner', columns: ['accountId', 'regionId', 'createdAt', 'id'] },
    { name: 'router_interfaces_router', columns: ['routerId'], selective: true },
    { name: 'router_interfaces_opposite_router', columns: ['oppositeRouterId'], selective: true },
    { name: 'router_interfaces_opposite_interface', columns: ['oppositeInterfaceId'], selective: true },
    { name: 'router_interfaces_due', columns: ['dueAt'] },
  ],
  resourceType: 'router_interface',
  values: { ...stateValues(STATUSES), role: ROLES, routerType: ROUTER_TYPES, spec: Object.keys(SPECS) },
};
