// RecoverVirtualBorderRouter: terminated -> recovering -> active, by the owner of the VBR's
// physical connection only (the VBR's owner alone is refused with 403, anyone else gets 404), and
// only while that connection is Enabled. The VBR's VLAN must still be its own on the connection.
import { defineAction } from '../../engine/action.js';
import { idempotent } from '../shared/client-token.js';
import { visibleVbr } from './lookup.js';
import { beginVbr, vbrMay } from './states.js';
import { PHYSICAL_CONNECTIONS, VBRS } from './storage.js';
import { VBR_TRANSITIONS } from './transitions.js';

export const recoverVirtualBorderRouter = defineAction({
  product: 'Vpc',
  name: 'RecoverVirtualBorderRouter',
  mode: 'write',
  handler: (input, ctx) =>
    idempotent(ctx, 'RecoverVirtualBorderRouter', input, async () => {
      const { vbr, ownsPc } = await visibleVbr(ctx, input.RegionId, input.VbrId);
      if (!ownsPc) throw ctx.error('Forbidden.OperationRecoverNotAllowedByUser');
      if (!vbrMay(vbr, 'recover')) throw ctx.error('InvalidOperation.OperationNotAllowedInState');
      const pc = await ctx.tx.repo(PHYSICAL_CONNECTIONS).get(vbr.physicalConnectionId);
      if (pc?.status !== 'Enabled') throw ctx.error('OperationFailed.PconnTrafficNotEnable');
      const vbrs = ctx.tx.repo(VBRS);
      const sameVlan = await vbrs.find({ physicalConnectionId: vbr.physicalConnectionId, vlanId: vbr.vlanId });
      if (sameVlan.some((v) => v.id !== vbr.id)) throw ctx.error('OperationFailed.VlanIdAlreadyInUse');
      await vbrs.update(beginVbr(vbr, 'recover', ctx.plan(VBR_TRANSITIONS.recover)));
      return {};
    }),
});
