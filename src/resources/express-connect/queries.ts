// What other modules ask of Express Connect: a VBR, and whether a VBR may connect to a VPC.
import type { Tx } from '../../store/port.js';
import type { Vbr } from './model.js';
import { VBRS } from './storage.js';

export { vbrMayConnect } from './grants.js';

export function getVbr(tx: Tx, id: string): Promise<Vbr | undefined> {
  return tx.repo(VBRS).get(id);
}
