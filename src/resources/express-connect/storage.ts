import type { TableDef } from '../../store/store.js';
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
    'createdAt',
    'enabledAt',
    'pendingStatus',
    'dueAt',
  ],
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
    'name',
    'description',
    'circuitCode',
    'bandwidth',
    'status',
    'routeTableId',
    'tags',
    'createdAt',
    'activatedAt',
  ],
};

export const EC_GRANTS: TableDef<EcGrant> = {
  table: 'ec_grants',
  key: 'id',
  columns: ['id', 'accountId', 'regionId', 'vpcId', 'vbrOwnerUid', 'vbrInstanceId', 'vbrRegionId', 'grantType', 'createdAt'],
};
