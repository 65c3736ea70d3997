import type { TableDef } from '../../store/store.js';
import type { RouterInterface } from './model.js';

export const ROUTER_INTERFACES: TableDef<RouterInterface> = {
  table: 'router_interfaces',
  key: 'id',
  columns: [
    'id', 'accountId', 'regionId', 'routerId', 'routerType', 'vpcId', 'role', 'spec', 'status', 'name', 'description',
    'accessPointId', 'oppositeRegionId', 'oppositeRouterType', 'oppositeRouterId', 'oppositeInterfaceId',
    'oppositeInterfaceOwnerId', 'oppositeAccessPointId', 'oppositeDeleted', 'healthCheckSourceIp', 'healthCheckTargetIp',
    'hcRate', 'hcThreshold', 'chargeType', 'endTime', 'autoRenew', 'fastLinkMode', 'resourceGroupId', 'tags', 'createdAt',
    'connectedAt', 'modifiedAt', 'pendingStatus', 'dueAt',
  ],
  booleans: ['oppositeDeleted', 'autoRenew', 'fastLinkMode'],
};
