// What other modules ask of router interfaces: those on a router, those that name a router as
// their opposite end, and one by id (a route entry's next hop).
import type { Tx } from '../../store/port.js';
import type { RouterInterface } from './model.js';
import { ROUTER_INTERFACES } from './storage.js';
import { taggable } from '../shared/taggable.js';

export function getInterface(tx: Tx, id: string): Promise<RouterInterface | undefined> {
  return tx.repo(ROUTER_INTERFACES).get(id);
}

export function countInterfacesOnRouter(tx: Tx, routerId: string): Promise<number> {
  return tx.repo(ROUTER_INTERFACES).count({ routerId });
}

/** Interfaces of other routers that are linked (or linking) to this router as their opposite end. */
export async function interfacesLinkedTo(tx: Tx, routerId: string): Promise<RouterInterface[]> {
  const named = await tx.repo(ROUTER_INTERFACES).find({ oppositeRouterId: routerId });
  return named.filter((ri) => ri.status !== 'Idle' && !ri.oppositeDeleted);
}

export const RI_TAGGABLE = taggable('ROUTERINTERFACE', ROUTER_INTERFACES);
