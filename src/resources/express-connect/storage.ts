// The Express Connect module's tables: physical connections, VBRs, and the grants that let another
// account's VBR connect to a VPC.
import type { TableDef } from '../../store/port.js';
import { stateValues } from '../../store/check-rows.js';
import { PC_STATUSES, VBR_STATUSES } from './model.js';
import type { EcGrant, PhysicalConnection, Vbr } from './model.js';

export const PHYSICAL_CONNECTIONS: TableDef<PhysicalConnection> = {
  table: 'physical_connections',
  key: 'id',
  columns: [
    'id',
    'accountId',
    'regionId',
    'accessPointId',
    'type',
    'lineOperator',
    'portType',
    'bandwidth',
    'name',
    'description',
    'circuitCode',
    'peerLocation',
    'redundantId',
    'status',
    'tags',
    'resourceGroupId',
    'createdAt',
    'enabledAt',
    'pendingStatus',
    'dueAt',
  ],
  indexes: [
    { name: 'physical_connections_owner', columns: ['accountId', 'regionId', 'createdAt'] },
    { name: 'physical_connections_due', columns: ['dueAt'] },
  ],
  resourceType: 'physical_connection',
  values: { ...stateValues(PC_STATUSES) },
};

export const VBRS: TableDef<Vbr> = {
  table: 'vbrs',
  key: 'id',
  columns: [
    'id',
    'accountId',
    'regionId',
    'physicalConnectionId',
    'physicalConnectionOwnerId',
    'accessPointId',
    'vlanId',
    'vlanInterfaceId',
    'localGatewayIp',
    'peerGatewayIp',
    'peeringSubnetMask',
    'localIpv6GatewayIp',
    'peerIpv6GatewayIp',
    'peeringIpv6SubnetMask',
    'enableIpv6',
    'name',
    'description',
    'circuitCode',
    'bandwidth',
    'minRxInterval',
    'minTxInterval',
    'detectMultiplier',
    'mtu',
    'sitelinkEnable',
    'status',
    'routeTableId',
    'tags',
    'resourceGroupId',
    'createdAt',
    'activatedAt',
    'terminatedAt',
    'recoveredAt',
    'pendingStatus',
    'dueAt',
  ],
  booleans: ['enableIpv6', 'sitelinkEnable'],
  indexes: [
    { name: 'vbrs_owner', columns: ['accountId', 'regionId', 'createdAt'] },
    { name: 'vbrs_pc', columns: ['physicalConnectionId'] },
    { name: 'vbrs_due', columns: ['dueAt'] },
  ],
  resourceType: 'vbr',
  values: { ...stateValues(VBR_STATUSES) },
};

export const EC_GRANTS: TableDef<EcGrant> = {
  table: 'ec_grants',
  key: 'id',
  columns: ['id', 'accountId', 'regionId', 'vpcId', 'vbrOwnerUid', 'vbrInstanceId', 'vbrRegionId', 'grantType', 'createdAt'],
  indexes: [
    { name: 'ec_grants_vpc', columns: ['vpcId'] },
    { name: 'ec_grants_vbr_owner', columns: ['vbrOwnerUid', 'vbrRegionId'] },
  ],
};
