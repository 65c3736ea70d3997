// The registry: every action LocalVPC implements, declared as data. Dispatch is one lookup here;
// the README's supported-actions list is generated from it (npm run gen:docs).
import type { ActionDef, Product } from './registry-types.js';
import type { VpcActionName } from '../spec/vpc-facts.generated.js';
import type { StsActionName } from '../spec/sts-facts.generated.js';
import { describeRegions } from '../resources/regions/describe-regions.js';
import { describeZones } from '../resources/regions/describe-zones.js';
import { getCallerIdentity } from '../resources/sts/get-caller-identity.js';
import { createVpc } from '../resources/vpc/create-vpc.js';
import { describeVpcs } from '../resources/vpc/describe-vpcs.js';
import { deleteVpc } from '../resources/vpc/delete-vpc.js';
import { describeVRouters } from '../resources/vpc/describe-vrouters.js';
import { describeRouteTableList } from '../resources/vpc/describe-route-table-list.js';
import { createRouteEntry } from '../resources/route-entry/create-route-entry.js';
import { deleteRouteEntry } from '../resources/route-entry/delete-route-entry.js';
import { describeRouteEntryList } from '../resources/route-entry/describe-route-entry-list.js';
import { describeAccessPoints } from '../resources/express-connect/describe-access-points.js';
import { createPhysicalConnection } from '../resources/express-connect/create-physical-connection.js';
import { describePhysicalConnections } from '../resources/express-connect/describe-physical-connections.js';
import { createVirtualBorderRouter } from '../resources/express-connect/create-virtual-border-router.js';
import { describeVirtualBorderRouters } from '../resources/express-connect/describe-virtual-border-routers.js';
import { deleteVirtualBorderRouter } from '../resources/express-connect/delete-virtual-border-router.js';
import { describeEcGrantRelation, grantInstanceToVbr, revokeInstanceFromVbr } from '../resources/express-connect/grants.js';
import { createRouterInterface } from '../resources/router-interface/create.js';
import { connectRouterInterface } from '../resources/router-interface/connect.js';
import { activateRouterInterface, deactivateRouterInterface } from '../resources/router-interface/activate.js';
import { modifyRouterInterfaceAttribute } from '../resources/router-interface/modify-attribute.js';
import { modifyRouterInterfaceSpec } from '../resources/router-interface/modify-spec.js';
import { deleteRouterInterface } from '../resources/router-interface/delete.js';
import { describeRouterInterfaces } from '../resources/router-interface/describe.js';
import { describeRouterInterfaceAttribute } from '../resources/router-interface/describe-attribute.js';

export const VPC_ACTIONS: Partial<Record<VpcActionName, ActionDef>> = {
  DescribeRegions: describeRegions,
  DescribeZones: describeZones,
  CreateVpc: createVpc,
  DescribeVpcs: describeVpcs,
  DeleteVpc: deleteVpc,
  DescribeVRouters: describeVRouters,
  DescribeRouteTableList: describeRouteTableList,
  CreateRouteEntry: createRouteEntry,
  DeleteRouteEntry: deleteRouteEntry,
  DescribeRouteEntryList: describeRouteEntryList,
  DescribeAccessPoints: describeAccessPoints,
  CreatePhysicalConnection: createPhysicalConnection,
  DescribePhysicalConnections: describePhysicalConnections,
  CreateVirtualBorderRouter: createVirtualBorderRouter,
  DescribeVirtualBorderRouters: describeVirtualBorderRouters,
  DeleteVirtualBorderRouter: deleteVirtualBorderRouter,
  GrantInstanceToVbr: grantInstanceToVbr,
  RevokeInstanceFromVbr: revokeInstanceFromVbr,
  DescribeEcGrantRelation: describeEcGrantRelation,
  CreateRouterInterface: createRouterInterface,
  ConnectRouterInterface: connectRouterInterface,
  ActivateRouterInterface: activateRouterInterface,
  DeactivateRouterInterface: deactivateRouterInterface,
  ModifyRouterInterfaceAttribute: modifyRouterInterfaceAttribute,
  ModifyRouterInterfaceSpec: modifyRouterInterfaceSpec,
  DeleteRouterInterface: deleteRouterInterface,
  DescribeRouterInterfaces: describeRouterInterfaces,
  DescribeRouterInterfaceAttribute: describeRouterInterfaceAttribute,
};

export const STS_ACTIONS: Partial<Record<StsActionName, ActionDef>> = {
  GetCallerIdentity: getCallerIdentity,
};

export function lookupAction(product: Product, name: string): ActionDef | undefined {
  const table: Record<string, ActionDef | undefined> = product === 'Vpc' ? VPC_ACTIONS : STS_ACTIONS;
  return Object.hasOwn(table, name) ? table[name] : undefined;
}
