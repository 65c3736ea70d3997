// ModifyVSwitchAttribute: name and description of an Available vSwitch (Pending, then Available
// again, as Alibaba documents). IPv6 is not supported by LocalVPC: enabling it is refused.
import { defineAction } from '../../engine/action.js';
import { owned } from '../shared/owned.js';
import { isLooseName, isValidDescription } from '../shared/validation.js';
import { VSWITCHES } from './storage.js';
import { VSWITCH_TRANSITIONS } from './transitions.js';

export const modifyVSwitchAttribute = defineAction({
  product: 'Vpc',
  name: 'ModifyVSwitchAttribute',
  mode: 'write',
  handler: async (input, ctx) => {
    if (input.VSwitchName !== undefined && !isLooseName(input.VSwitchName)) throw ctx.error('InvalidVSwitchName.Malformed');
    if (input.Description !== undefined && !isValidDescription(input.Description)) throw ctx.error('InvalidDescription.Malformed');
    const v = await owned(ctx, VSWITCHES, input.VSwitchId, input.RegionId, 'InvalidVSwitchId.NotFound');
    if (v.status !== 'Available') throw ctx.error('IncorrectStatus.VSwitch');
    if (input.EnableIPv6) throw ctx.error('OperationFailed.VpcIpv6Disabled', 'IPv6 is not supported by LocalVPC.');
    const changed =
      (input.VSwitchName !== undefined && input.VSwitchName !== v.name) ||
      (input.Description !== undefined && input.Description !== v.description);
    await ctx.tx.repo(VSWITCHES).update({
      ...v,
      name: input.VSwitchName ?? v.name,
      description: input.Description ?? v.description,
      ...(changed
        ? { status: 'Pending' as const, pendingStatus: 'Available' as const, dueAt: ctx.plan(VSWITCH_TRANSITIONS.modify).dueAt }
        : {}),
    });
    return {};
  },
});
