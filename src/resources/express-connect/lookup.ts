// Finding Express Connect resources as a caller may see them. A physical connection is its owner's
// only. A VBR is seen by its owner and by the owner of its physical connection (who may have
// created it for another account); to anyone else it is "not found", like one that does not exist.
import type { HandlerContext } from '../../engine/action.js';
import { owned } from '../shared/owned.js';
import type { PhysicalConnection, Vbr } from './model.js';
import { PHYSICAL_CONNECTIONS, VBRS } from './storage.js';

export function ownPhysicalConnection(ctx: HandlerContext, regionId: string, id: string): Promise<PhysicalConnection> {
  return owned(ctx, PHYSICAL_CONNECTIONS, id, regionId, 'InvalidPhysicalConnectionId.NotFound');
}

export interface VbrAccess {
  vbr: Vbr;
  /** The caller owns the VBR. */
  ownsVbr: boolean;
  /** The caller owns the VBR's physical connection. */
  ownsPc: boolean;
}

export async function visibleVbr(ctx: HandlerContext, regionId: string, id: string): Promise<VbrAccess> {
  const vbr = await ctx.tx.repo(VBRS).get(id);
  const ownsVbr = vbr?.accountId === ctx.caller.id;
  const ownsPc = vbr?.physicalConnectionOwnerId === ctx.caller.id;
  if (!vbr || vbr.regionId !== regionId || (!ownsVbr && !ownsPc)) throw ctx.error('InvalidVbrId.NotFound');
  return { vbr, ownsVbr, ownsPc };
}
