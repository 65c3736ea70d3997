// DeleteVSwitch: only an Available vSwitch of the caller; not while it is associated with a custom
// route table (DependencyViolation.RouteTable; Terraform retries it). Pending, then gone.
// Known gaps: no instances live in a vSwitch, so no other dependency can block it.
import { defineAction } from '../../engine/action.js';
import { owned } from '../shared/owned.js';
import { VSWITCHES } from './storage.js';
import { VSWITCH_TRANSITIONS } from './transitions.js';

export const deleteVSwitch = defineAction({
  product: 'Vpc',
  name: 'DeleteVSwitch',
  mode: 'write',
  handler: async (input, ctx) => {
    const v = await owned(ctx, VSWITCHES, input.VSwitchId, input.RegionId, 'InvalidVSwitchId.NotFound');
    if (v.status !== 'Available') throw ctx.error('IncorrectVSwitchStatus');
    if (v.routeTableId) throw ctx.error('DependencyViolation.RouteTable');
    if (input.DryRun) throw ctx.error('DryRunOperation');
    await ctx.tx
      .repo(VSWITCHES)
      .update({ ...v, status: 'Pending', pendingStatus: 'Deleted', dueAt: ctx.plan(VSWITCH_TRANSITIONS.delete).dueAt });
    return {};
  },
});
