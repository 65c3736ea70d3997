// The VBR side of Express Connect: access points (a fixed set per region), physical connections and
// virtual border routers, plus the grants that let another account's VBR connect to a VPC.
// Known gaps / choices: a physical connection is `Initial` when created and becomes `Enabled` by
// itself after the transition delay (the real service needs an operator's approval, a payment and
// EnablePhysicalConnection); a VBR is `active` at once, also one created for another account
// (VbrOwnerId), which the real service first shows as `unconfirmed`; DeleteVirtualBorderRouter
// removes the VBR at once; `VlanInterfaceId` is an id only (no interface record behind it).

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
  status: 'Initial' | 'Enabled';
  createdAt: number;
  enabledAt: number;
  pendingStatus: string;
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
  status: 'active';
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
