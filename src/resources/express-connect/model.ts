// The rows of the Express Connect module: physical connections, VBRs and grants.

/** Alibaba's physical-connection statuses (DescribePhysicalConnections). */
export const PC_STATUSES = [
  'Initial',
  'Approved',
  'Allocating',
  'Allocated',
  'Confirmed',
  'Enabled',
  'Rejected',
  'Canceled',
  'AllocationFailed',
  'Terminating',
  'Terminated',
] as const;
export type PcStatus = (typeof PC_STATUSES)[number];

/** Alibaba's VBR statuses (DescribeVirtualBorderRouters), lower case as the API shows them. */
export const VBR_STATUSES = ['unconfirmed', 'active', 'terminating', 'terminated', 'recovering', 'deleting'] as const;
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
  /** JSON `[{"Key":"k","Value":"v"}]`. */
  tags: string;
  resourceGroupId: string;
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
  localIpv6GatewayIp: string;
  peerIpv6GatewayIp: string;
  peeringIpv6SubnetMask: string;
  enableIpv6: boolean;
  name: string;
  description: string;
  circuitCode: string;
  bandwidth: number;
  /** BFD: ms, ms, and the number of missed packets before the link counts as down. */
  minRxInterval: number;
  minTxInterval: number;
  detectMultiplier: number;
  mtu: number;
  sitelinkEnable: boolean;
  status: VbrStatus;
  routeTableId: string;
  /** JSON `[{"Key":"k","Value":"v"}]`. */
  tags: string;
  resourceGroupId: string;
  createdAt: number;
  activatedAt: number;
  /** When it last became terminated / active again after a recovery (epoch ms; 0: never). */
  terminatedAt: number;
  recoveredAt: number;
  pendingStatus: VbrStatus | '';
  dueAt: number;
}

/** A VBR's BFD and MTU settings until ModifyVirtualBorderRouterAttribute changes them (Alibaba's defaults). */
export const VBR_DEFAULTS = { minRxInterval: 200, minTxInterval: 200, detectMultiplier: 3, mtu: 1500 } as const;

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
