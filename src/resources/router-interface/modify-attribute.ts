// ModifyRouterInterfaceAttribute: name, description, health check, and the opposite fields the
// initiator connects to. Allowed on Idle, Active and Inactive interfaces; the opposite fields only
// while Idle (a linked interface cannot be re-pointed). Instant: no transitional state.
import { defineAction } from '../../engine/action.js';
import { isIpv4, isValidDescription, isValidName, member } from '../shared/validation.js';
import { ROUTER_INTERFACES } from './storage.js';
import { ownInterface } from './lookup.js';
import { ROUTER_TYPES, type RouterInterface } from './model.js';

const MODIFIABLE = new Set(['Idle', 'Active', 'Inactive']);

export const modifyRouterInterfaceAttribute = defineAction({
  product: 'Vpc',
  name: 'ModifyRouterInterfaceAttribute',
  mode: 'write',
  handler: async (input, ctx) => {
    const ri = await ownInterface(ctx, input.RegionId, input.RouterInterfaceId);
    if (ctx.caller.financialLocked) throw ctx.error('Forbidden.FinancialLocked');
    if (!MODIFIABLE.has(ri.status)) throw ctx.error('IncorrectStatus.RouterInterface');
    if (input.Name !== undefined && !isValidName(input.Name)) throw ctx.error('InvalidName.Malformed');
    if (input.Description !== undefined && !isValidDescription(input.Description)) throw ctx.error('InvalidDescription.Malformed');
    if (input.OppositeRouterType !== undefined && !member(ROUTER_TYPES, input.OppositeRouterType)) {
      throw ctx.error('InvalidOppositeRouterType.ValueNotSupported');
    }
    for (const ip of [input.HealthCheckSourceIp, input.HealthCheckTargetIp]) {
      if (ip !== undefined && !isIpv4(ip)) throw ctx.error('InvalidHealthCheckIP.Malformd');
    }
    if (input.HcRate !== undefined && input.HcRate <= 0)
      throw ctx.error('IllegalParam.HcRate', 'HcRate must be a positive number of milliseconds.');
    if (input.HcThreshold !== undefined && input.HcThreshold <= 0)
      throw ctx.error('IllegalParam.HcThreshold', 'HcThreshold must be a positive number of probes.');
    const opposite = {
      oppositeInterfaceId: input.OppositeInterfaceId ?? ri.oppositeInterfaceId,
      oppositeRouterId: input.OppositeRouterId ?? ri.oppositeRouterId,
      oppositeRouterType: input.OppositeRouterType ?? ri.oppositeRouterType,
      oppositeInterfaceOwnerId: input.OppositeInterfaceOwnerId ?? ri.oppositeInterfaceOwnerId,
    };
    const changed = (Object.keys(opposite) as (keyof typeof opposite)[]).some((k) => opposite[k] !== ri[k]);
    if (changed && ri.status !== 'Idle') throw ctx.error('InvalidParam.ModifyRouterInterface');
    if (ri.oppositeAccessPointId && input.OppositeRouterType !== undefined && input.OppositeRouterType !== 'VBR')
      throw ctx.error('Forbbiden.ModifyIdAndType');
    const next: RouterInterface = {
      ...ri,
      ...opposite,
      oppositeDeleted: changed ? false : ri.oppositeDeleted,
      name: input.Name ?? ri.name,
      description: input.Description ?? ri.description,
      healthCheckSourceIp: input.DeleteHealthCheckIp ? '' : (input.HealthCheckSourceIp ?? ri.healthCheckSourceIp),
      healthCheckTargetIp: input.DeleteHealthCheckIp ? '' : (input.HealthCheckTargetIp ?? ri.healthCheckTargetIp),
      hcRate: input.HcRate ?? ri.hcRate,
      hcThreshold: input.HcThreshold ?? ri.hcThreshold,
      modifiedAt: ctx.now,
    };
    await ctx.tx.repo(ROUTER_INTERFACES).update(next);
    return {};
  },
});
