// What other modules ask of Express Connect: a VBR, whether a VBR may connect to a VPC, and the
// tag / resource-group view of its physical connections and VBRs (the tag actions list it).
import type { Tx } from '../../store/port.js';
import { taggable } from '../shared/taggable.js';
import type { Vbr } from './model.js';
import { PHYSICAL_CONNECTIONS, VBRS } from './storage.js';

export { vbrMayConnect } from './grants.js';

export function getVbr(tx: Tx, id: string): Promise<Vbr | undefined> {
  return tx.repo(VBRS).get(id);
}

export const EC_TAGGABLES = [taggable('PHYSICALCONNECTION', PHYSICAL_CONNECTIONS), taggable('VIRTUALBORDERROUTER', VBRS)];
