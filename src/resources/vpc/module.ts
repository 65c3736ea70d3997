// VPCs with their vRouter and system route table, as much as router interfaces need.
// Known gaps: no vSwitches, secondary CIDRs, IPv6, DHCP options or default VPCs; DeleteVpc removes
// the VPC at once (no Deleting state); system route entries are not listed.
import { defineModule } from '../../engine/module.js';
import { createVpc } from './create-vpc.js';
import { deleteVpc } from './delete-vpc.js';
import { describeRouteTableList } from './describe-route-table-list.js';
import { describeVpcs } from './describe-vpcs.js';
import { describeVRouters } from './describe-vrouters.js';
import { SQLITE } from './migrations.js';
import { ROUTE_TABLES, ROUTERS, VPCS } from './storage.js';
import { VPC_TRANSITIONS, vpcSettler } from './transitions.js';

export const vpcModule = defineModule({
  name: 'vpc',
  tables: [VPCS, ROUTERS, ROUTE_TABLES],
  migrations: { sqlite: SQLITE },
  actions: [createVpc, deleteVpc, describeVpcs, describeVRouters, describeRouteTableList],
  settlers: [vpcSettler],
  transitions: Object.values(VPC_TRANSITIONS),
  resourceKeys: ['VpcId'],
});
