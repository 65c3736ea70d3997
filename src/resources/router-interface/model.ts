// The router-interface row and its closed sets of values (roles, router types, specs, statuses).

export const ROLES = ['InitiatingSide', 'AcceptingSide'] as const;
export type Role = (typeof ROLES)[number];

export const ROUTER_TYPES = ['VRouter', 'VBR'] as const;
export type RouterType = (typeof ROUTER_TYPES)[number];

/** Spec -> bandwidth in Mbps (the spec's table); `Negative` is the accepting side's, 0 Mbps. */
export const SPECS: Record<string, number> = {
  'Mini.2': 2,
  'Mini.5': 5,
  'Small.1': 10,
  'Small.2': 20,
  'Small.5': 50,
  'Middle.1': 100,
  'Middle.2': 200,
  'Middle.5': 500,
  'Large.1': 1000,
  'Large.2': 2000,
  'Large.5': 5000,
  'Xlarge.1': 10000,
  Negative: 0,
};

export const STATUSES = [
  'Idle',
  'Connecting',
  'AcceptingConnecting',
  'Activating',
  'Active',
  'Modifying',
  'Deactivating',
  'Inactive',
  'Deleting',
  'Deleted',
] as const;
export type Status = (typeof STATUSES)[number];

export interface RouterInterface {
  id: string;
  accountId: string;
  regionId: string;
  routerId: string;
  routerType: RouterType;
  vpcId: string;
  role: Role;
  spec: string;
  status: Status;
  name: string;
  description: string;
  accessPointId: string;
  oppositeRegionId: string;
  oppositeRouterType: string;
  oppositeRouterId: string;
  oppositeInterfaceId: string;
  oppositeInterfaceOwnerId: string;
  oppositeAccessPointId: string;
  /** The peer this interface was linked to has been deleted (OppositeInterfaceStatus shows `Deleted`). */
  oppositeDeleted: boolean;
  healthCheckSourceIp: string;
  healthCheckTargetIp: string;
  hcRate: number;
  hcThreshold: number;
  chargeType: 'AfterPay' | 'Prepaid';
  /** Expiry (epoch ms); 0 for pay-as-you-go, shown as Alibaba's far-future date. */
  endTime: number;
  autoRenew: boolean;
  fastLinkMode: boolean;
  resourceGroupId: string;
  tags: string;
  createdAt: number;
  connectedAt: number;
  modifiedAt: number;
  pendingStatus: Status | '';
  dueAt: number;
}
