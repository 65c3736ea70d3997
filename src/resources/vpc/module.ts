// VPCs with their vRouter, secondary CIDR blocks and route tables (a system table each, and custom
// tables that vSwitches may be associated with). Route entries are the route-entry module's.
// Known gaps: no IPv6, DHCP options, classic link, user CIDRs or default VPCs; DeleteVpc and
// DeleteRouteTable remove at once (no Deleting state); gateway route tables have no gateways.
import { defineModule } from '../../engine/module.js';
import { createVpc } from './create-vpc.js';
import { deleteVpc } from './delete-vpc.js';
import { describeRouteTableList } from './describe-route-table-list.js';
import { describeVpcs } from './describe-vpcs.js';
import { describeVRouters } from './describe-vrouters.js';
import { POSTGRES, SQLITE } from './migrations.js';
import { describeVpcAttribute } from './describe-vpc-attribute.js';
import { modifyVpcAttribute } from './modify-vpc-attribute.js';
import { associateVpcCidrBlock, unassociateVpcCidrBlock } from './vpc-cidr-blocks.js';
import { createRouteTable } from './create-route-table.js';
import { deleteRouteTable } from './delete-route-table.js';
import { associateRouteTable, unassociateRouteTable } from './associate-route-table.js';
import { modifyRouteTableAttributes } from './modify-route-table.js';
import { describeRouteTables } from './describe-route-tables.js';
import { ROUTE_TABLES, ROUTERS, VPCS } from './storage.js';
import { ROUTE_TABLE_TRANSITIONS, routeTableSettler, VPC_TRANSITIONS, vpcSettler } from './transitions.js';

export const vpcModule = defineModule({
  name: 'vpc',
  tables: [VPCS, ROUTERS, ROUTE_TABLES],
  migrations: { sqlite: SQLITE, postgres: POSTGRES },
  actions: [
    createVpc,
    deleteVpc,
    describeVpcs,
    describeVpcAttribute,
    modifyVpcAttribute,
    associateVpcCidrBlock,
    unassociateVpcCidrBlock,
    describeVRouters,
    describeRouteTableList,
    describeRouteTables,
    createRouteTable,
    deleteRouteTable,
    associateRouteTable,
    unassociateRouteTable,
    modifyRouteTableAttributes,
  ],
  settlers: [vpcSettler, routeTableSettler],
  transitions: [...Object.values(VPC_TRANSITIONS), ...Object.values(ROUTE_TABLE_TRANSITIONS)],
  resourceKeys: ['VpcId'],
});
