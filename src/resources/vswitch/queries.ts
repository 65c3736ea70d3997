// What other modules read and change of vSwitches: those of a VPC (dependencies, CIDR checks,
// system route entries) and of a route table, and their route-table association.
import type { Tx } from '../../store/port.js';
import { taggable } from '../shared/taggable.js';
import type { VSwitch } from './model.js';
import { VSWITCHES } from './storage.js';

export const VSWITCH_TAGGABLE = taggable('VSWITCH', VSWITCHES);

export function getVSwitch(tx: Tx, id: string): Promise<VSwitch | undefined> {
  return tx.repo(VSWITCHES).get(id);
}

export function vswitchesOfVpc(tx: Tx, vpcId: string): Promise<VSwitch[]> {
  return tx.repo(VSWITCHES).find({ vpcId }, { orderBy: ['createdAt', 'id'] });
}

/** The vSwitches associated with a custom route table. */
export function vswitchesOfRouteTable(tx: Tx, routeTableId: string): Promise<VSwitch[]> {
  return tx.repo(VSWITCHES).find({ routeTableId }, { orderBy: ['createdAt', 'id'] });
}

/** Associates the vSwitch with a custom route table ('' for its VPC's system table). */
export async function setRouteTable(tx: Tx, vswitch: VSwitch, routeTableId: string): Promise<void> {
  await tx.repo(VSWITCHES).update({ ...vswitch, routeTableId });
}
