// CreateRouterInterface. Checks, in order: Role, RouterType, Spec (Negative exactly for the
// accepting side), charge type, opposite region and type, the router (the caller's, in RegionId,
// of RouterType), VBR rules (initiator only, active, AccessPointId matching the VBR), opposite
// owner id, name/description/tags, health-check IPs, bills outstanding, the 5-per-router limit,
// an existing link between the two routers. FastLinkMode also creates the accepting end on the
// opposite VRouter and connects both.
import { defineAction, type HandlerContext } from '../../engine/action.js';
import type { VpcInputs } from '../../spec/vpc-facts.generated.js';
import { isRegion } from '../regions/data.js';
import { isAliUid } from '../accounts/service.js';
import { defaultResourceGroup } from '../vpc/model.js';
import { idempotent } from '../shared/client-token.js';
import { isIpv4, isValidDescription, isValidName, member, tagsJson, validTags } from '../shared/validation.js';
import { ROLES, ROUTER_TYPES, SPECS, type RouterInterface } from './model.js';
import { own } from '../../core/own.js';
import { getRouter } from '../vpc/queries.js';
import { getVbr } from '../express-connect/queries.js';
import { startTransition } from './lookup.js';
import { connectionBetween } from './connect-rules.js';
import { ROUTER_INTERFACES } from './storage.js';
import { RI_TRANSITIONS } from './transitions.js';

type Input = VpcInputs['CreateRouterInterface'];

/** Router interfaces one router may carry (Alibaba's documented limit). */
export const INTERFACES_PER_ROUTER = 5;

function addMonths(ms: number, months: number): number {
  const d = new Date(ms);
  d.setUTCMonth(d.getUTCMonth() + months);
  return d.getTime();
}

function checkInput(input: Input, ctx: HandlerContext) {
  const role = member(ROLES, input.Role);
  if (!role) throw ctx.error('InvalidRole.ValueNotSupported');
  const routerType = member(ROUTER_TYPES, input.RouterType);
  if (!routerType) throw ctx.error('InvalidRouterType.ValueNotSupported');
  if (own(SPECS, input.Spec) === undefined || (role === 'AcceptingSide') !== (input.Spec === 'Negative'))
    throw ctx.error('InvalidSpec.ValudNotSupported');
  const charge = input.InstanceChargeType ?? 'PostPaid';
  if (charge !== 'PostPaid' && charge !== 'PrePaid') throw ctx.error('InvalidRouterInterfaceChargeType.Malformed');
  if (charge === 'PrePaid') {
    if (role === 'AcceptingSide') throw ctx.error('Forbidden.AcceptRoleNotSupportPrePay');
    const cycle = input.PricingCycle ?? 'Month';
    const period = input.Period ?? 1;
    if ((cycle !== 'Month' && cycle !== 'Year') || period < 1 || period > (cycle === 'Month' ? 9 : 3))
      throw ctx.error('InvalidParameter', 'Period');
  }
  if (!isRegion(input.OppositeRegionId)) throw ctx.error('IllegalParam.RegionId');
  if (input.OppositeRouterType !== undefined && !member(ROUTER_TYPES, input.OppositeRouterType)) {
    throw ctx.error('InvalidParameter', 'OppositeRouterType');
  }
  if (input.OppositeInterfaceOwnerId !== undefined && !isAliUid(input.OppositeInterfaceOwnerId)) throw ctx.error('InvalidAliuid');
  if (input.Name !== undefined && !isValidName(input.Name)) throw ctx.error('InvalidName.Malformed');
  if (input.Description !== undefined && !isValidDescription(input.Description)) throw ctx.error('InvalidDescription.Malformed');
  if (!validTags(input.Tags)) throw ctx.error('InvalidParameter', 'Tags');
  return { role, routerType, charge };
}

export const createRouterInterface = defineAction({
  product: 'Vpc',
  name: 'CreateRouterInterface',
  mode: 'write',
  handler: async (input, ctx) => {
    const { role, routerType, charge } = checkInput(input, ctx);
    const router = await getRouter(ctx.tx, input.RouterId);
    if (!router || router.accountId !== ctx.caller.id || router.regionId !== input.RegionId || router.kind !== routerType) {
      throw ctx.error('InvalidRouterId.NotFound');
    }
    if (routerType === 'VBR') {
      if (role !== 'InitiatingSide') throw ctx.error('InvalidRole.ValueNotSupported');
      if (!input.AccessPointId) throw ctx.error('InvalidParam.NotFound');
      if ((await getVbr(ctx.tx, router.id))?.status !== 'active') throw ctx.error('INVAID_VBR_STATUS');
      if (input.AccessPointId !== router.accessPointId) throw ctx.error('InvalidAccessPoint.NotMatch');
    } else if (input.AccessPointId) {
      throw ctx.error('InvalidAccessPoint.ValueNotAllowed');
    }
    const hcSource = input.HealthCheckSourceIp,
      hcTarget = input.HealthCheckTargetIp;
    if (hcSource !== undefined || hcTarget !== undefined) {
      if (routerType !== 'VRouter' || input.OppositeRouterType !== 'VBR') throw ctx.error('OperationFailed.HcForInvalidRiType');
      if (!hcSource || !hcTarget || !isIpv4(hcSource) || !isIpv4(hcTarget)) throw ctx.error('InvalidParameter', 'HealthCheckSourceIp');
      if (hcSource === hcTarget) throw ctx.error('IllegalParam.HealthcheckIp');
    }
    if (ctx.caller.billsOutstanding) throw ctx.error('Forbidden.BillsOutstanding');
    if (
      input.FastLinkMode &&
      (routerType !== 'VBR' || input.OppositeRouterType !== 'VRouter' || !input.OppositeRouterId || !input.OppositeInterfaceOwnerId)
    ) {
      throw ctx.error('InvalidParam.NotFound');
    }
    return idempotent(ctx, 'CreateRouterInterface', input, async () => {
      const ris = ctx.tx.repo(ROUTER_INTERFACES);
      if ((await ris.count({ routerId: router.id })) >= INTERFACES_PER_ROUTER) throw ctx.error('LimitationExceed.InterfaceNumberOnRouter');
      if (input.OppositeRouterId && (await connectionBetween(ctx.tx, router.id, input.OppositeRouterId)))
        throw ctx.error('HaveConnectionBetweenRouters');
      const prepaid = charge === 'PrePaid';
      const months = (input.Period ?? 1) * ((input.PricingCycle ?? 'Month') === 'Year' ? 12 : 1);
      const ri: RouterInterface = {
        id: ctx.ids.resource('ri', input.RegionId),
        accountId: ctx.caller.id,
        regionId: input.RegionId,
        routerId: router.id,
        routerType,
        vpcId: router.vpcId,
        role,
        spec: input.Spec,
        status: 'Idle',
        name: input.Name ?? '',
        description: input.Description ?? '',
        accessPointId: input.AccessPointId ?? '',
        oppositeRegionId: input.OppositeRegionId,
        oppositeRouterType: input.OppositeRouterType ?? 'VRouter',
        oppositeRouterId: input.OppositeRouterId ?? '',
        oppositeInterfaceId: input.OppositeInterfaceId ?? '',
        oppositeInterfaceOwnerId: input.OppositeInterfaceOwnerId ?? '',
        oppositeAccessPointId: input.OppositeAccessPointId ?? '',
        oppositeDeleted: false,
        healthCheckSourceIp: hcSource ?? '',
        healthCheckTargetIp: hcTarget ?? '',
        hcRate: hcSource ? 2000 : 0,
        hcThreshold: hcSource ? 8 : 0,
        chargeType: prepaid ? 'Prepaid' : 'AfterPay',
        endTime: prepaid ? addMonths(ctx.now, months) : 0,
        autoRenew: input.AutoRenew ?? false,
        fastLinkMode: input.FastLinkMode ?? false,
        resourceGroupId: input.ResourceGroupId ?? defaultResourceGroup(ctx.caller.id),
        tags: tagsJson(input.Tags),
        createdAt: ctx.now,
        connectedAt: 0,
        modifiedAt: ctx.now,
        pendingStatus: '',
        dueAt: 0,
      };
      if (input.FastLinkMode) {
        await fastLink(ctx, ri);
      } else {
        await ris.insert(ri);
      }
      return { RouterInterfaceId: ri.id, ...(prepaid ? { OrderId: Number(ctx.ids.digits(15)) } : {}) };
    });
  },
});

/** Fast link: the accepting end is created on the opposite VRouter and both ends connect at once. */
async function fastLink(ctx: HandlerContext, ri: RouterInterface): Promise<void> {
  const ris = ctx.tx.repo(ROUTER_INTERFACES);
  const target = await getRouter(ctx.tx, ri.oppositeRouterId);
  if (!target || target.kind !== 'VRouter' || target.accountId !== ri.oppositeInterfaceOwnerId || target.regionId !== ri.oppositeRegionId) {
    throw ctx.error('InvalidParam.NotFound');
  }
  if ((await ris.count({ routerId: target.id })) >= INTERFACES_PER_ROUTER) throw ctx.error('LimitationExceed.InterfaceNumberOnRouter');
  const acceptorId = ctx.ids.resource('ri', target.regionId);
  const initiator: RouterInterface = { ...ri, oppositeInterfaceId: acceptorId };
  const acceptor: RouterInterface = {
    ...ri,
    id: acceptorId,
    accountId: target.accountId,
    regionId: target.regionId,
    routerId: target.id,
    routerType: 'VRouter',
    vpcId: target.vpcId,
    role: 'AcceptingSide',
    spec: 'Negative',
    accessPointId: '',
    oppositeRegionId: ri.regionId,
    oppositeRouterType: 'VBR',
    oppositeRouterId: ri.routerId,
    oppositeInterfaceId: ri.id,
    oppositeInterfaceOwnerId: ri.accountId,
    oppositeAccessPointId: ri.accessPointId,
    chargeType: 'AfterPay',
    endTime: 0,
    fastLinkMode: false,
    resourceGroupId: defaultResourceGroup(target.accountId),
    tags: '[]',
    name: '',
    description: '',
  };
  await ris.insert(initiator);
  await ris.insert(acceptor);
  await startTransition(ctx, RI_TRANSITIONS.connect, initiator, 'connect', acceptor, 'accept');
}
