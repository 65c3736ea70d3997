// The rows of the Express Connect module: physical connections, VBRs and grants.

export const PC_STATUSES = ['Initial', 'Enabled'] as const;
export type PcStatus = (typeof PC_STATUSES)[number];

export const VBR_STATUSES = ['active'] as const;
export type VbrStatus = (typeof VBR_STATUSES)[number];

export interface PhysicalConnection {
  id: string;
  accountId: string;
  regionId: string;
  accessPointId: string;
  type: string;
  lineOperator: string;
  portType: string;
  bandwidth: number;
  name: string;
  description: string;
  circuitCode: string;
  peerLocation: string;
  redundantId: string;
  status: PcStatus;
  createdAt: number;
  enabledAt: number;
  pendingStatus: PcStatus | '';
  dueAt: number;
}

export interface Vbr {
  id: string;
  accountId: string;
  regionId: string;
  physicalConnectionId: string;
  physicalConnectionOwnerId: string;
  accessPointId: string;
  vlanId: number;
  vlanInterfaceId: string;
  localGatewayIp: string;
  peerGatewayIp: string;
  peeringSubnetMask: string;
  name: string;
  description: string;
  circuitCode: string;
  bandwidth: number;
  status: VbrStatus;
  routeTableId: string;
  tags: string;
  createdAt: number;
  activatedAt: number;
}

/** A VPC owner's grant letting VBRs of another account connect to the VPC (GrantInstanceToVbr). */
export interface EcGrant {
  id: string;
  accountId: string;
  regionId: string;
  vpcId: string;
  vbrOwnerUid: string;
  /** '' for GrantType All. */
  vbrInstanceId: string;
  vbrRegionId: string;
  grantType: 'All' | 'Specify';
  createdAt: number;
}
