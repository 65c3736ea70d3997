// The vSwitch row.

export const VSWITCH_STATUSES = ['Pending', 'Available'] as const;
export type VSwitchStatus = (typeof VSWITCH_STATUSES)[number];

export interface VSwitch {
  id: string;
  accountId: string;
  regionId: string;
  vpcId: string;
  zoneId: string;
  cidrBlock: string;
  name: string;
  description: string;
  status: VSwitchStatus;
  /** The custom route table it is associated with; '' means its VPC's system table. */
  routeTableId: string;
  isDefault: boolean;
  resourceGroupId: string;
  tags: string;
  createdAt: number;
  /** Where the transitional state leads; `Deleted` removes the row. */
  pendingStatus: VSwitchStatus | 'Deleted' | '';
  dueAt: number;
}
