// What other modules read and write of the VPC module: routers (a router interface hangs on one;
// a VBR adds its own router row and route table), VPCs and route tables.
import type { Tx } from '../../store/port.js';
import type { RouteTable, Router, Vpc } from './model.js';
import { ROUTE_TABLES, ROUTERS, VPCS } from './storage.js';

export function getRouter(tx: Tx, id: string): Promise<Router | undefined> {
  return tx.repo(ROUTERS).get(id);
}

export function getVpc(tx: Tx, id: string): Promise<Vpc | undefined> {
  return tx.repo(VPCS).get(id);
}

export function getRouteTable(tx: Tx, id: string): Promise<RouteTable | undefined> {
  return tx.repo(ROUTE_TABLES).get(id);
}

/** A router of another kind (a VBR) with its route table. */
export async function addRouter(tx: Tx, router: Router, table: RouteTable): Promise<void> {
  await tx.repo(ROUTERS).insert(router);
  await tx.repo(ROUTE_TABLES).insert(table);
}

export async function removeRouter(tx: Tx, routerId: string, routeTableId: string): Promise<void> {
  await tx.repo(ROUTE_TABLES).delete(routeTableId);
  await tx.repo(ROUTERS).delete(routerId);
}
