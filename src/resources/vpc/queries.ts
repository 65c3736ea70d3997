// What other modules read and write of the VPC module: routers (a router interface hangs on one;
// a VBR adds its own router row and route table), VPCs and route tables.
import type { Tx } from '../../store/port.js';
import { defaultResourceGroup, type RouteTable, type Router, type Vpc } from './model.js';
import { ROUTE_TABLES, ROUTERS, VPCS } from './storage.js';
import { taggable } from '../shared/taggable.js';

/** A VPC's route tables follow its resource group (Terraform reads the group back from its system table). */
export const VPC_TAGGABLE = taggable('VPC', VPCS, async (tx, vpcId, resourceGroupId) => {
  const tables = tx.repo(ROUTE_TABLES);
  for (const t of await tables.find({ vpcId })) await tables.update({ ...t, resourceGroupId });
});
export const ROUTE_TABLE_TAGGABLE = taggable('ROUTETABLE', ROUTE_TABLES);

export function getRouter(tx: Tx, id: string): Promise<Router | undefined> {
  return tx.repo(ROUTERS).get(id);
}

export function getVpc(tx: Tx, id: string): Promise<Vpc | undefined> {
  return tx.repo(VPCS).get(id);
}

export function getRouteTable(tx: Tx, id: string): Promise<RouteTable | undefined> {
  return tx.repo(ROUTE_TABLES).get(id);
}

/** The VPC's route tables: its system table and its custom ones. */
export function routeTablesOfVpc(tx: Tx, vpcId: string): Promise<RouteTable[]> {
  return tx.repo(ROUTE_TABLES).find({ vpcId }, { orderBy: ['createdAt', 'id'] });
}

/** What a new router's system route table is made of; the rest is the same for every one. */
export type SystemTableSpec = Pick<
  RouteTable,
  'id' | 'accountId' | 'regionId' | 'routerId' | 'routerType' | 'vpcId' | 'name' | 'description' | 'createdAt'
>;

/** The system route table every router gets when it is made. */
export function systemRouteTable(spec: SystemTableSpec): RouteTable {
  // Object.assign onto the spec's copy, not a spread followed by new fields (slow in V8).
  return Object.assign(
    { ...spec },
    {
      type: 'System' as const,
      associateType: 'VSwitch' as const,
      routePropagationEnable: true,
      resourceGroupId: defaultResourceGroup(spec.accountId),
      tags: '[]',
      status: 'Available' as const,
      pendingStatus: '' as const,
      dueAt: 0,
    },
  );
}

/** A router of another kind (a VBR) with its system route table. */
export async function addRouter(tx: Tx, router: Router, table: SystemTableSpec): Promise<void> {
  await tx.repo(ROUTERS).insert(router);
  await tx.repo(ROUTE_TABLES).insert(systemRouteTable(table));
}

export async function removeRouter(tx: Tx, routerId: string, routeTableId: string): Promise<void> {
  await tx.repo(ROUTE_TABLES).delete(routeTableId);
  await tx.repo(ROUTERS).delete(routerId);
}
