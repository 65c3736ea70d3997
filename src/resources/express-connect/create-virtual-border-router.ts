// CreateVirtualBorderRouter on an Enabled physical connection of the caller. With VbrOwnerId the
// VBR belongs to that account (which must be on the same site: CROSS_BID.FORBIDDEN otherwise).
import { defineAction } from '../../engine/action.js';
import { idempotent } from '../shared/client-token.js';
import { owned } from '../shared/owned.js';
import { isIpv4, isValidDescription, isValidName, sameSubnet, tagsJson, validTags } from '../shared/validation.js';
import { getAccount } from '../accounts/service.js';
import { addRouter } from '../vpc/queries.js';
import { PHYSICAL_CONNECTIONS, VBRS } from './storage.js';

export const createVirtualBorderRouter = defineAction({
  product: 'Vpc',
  name: 'CreateVirtualBorderRouter',
  mode: 'write',
  handler: async (input, ctx) => {
    const pc = await owned(ctx, PHYSICAL_CONNECTIONS, input.PhysicalConnectionId, input.RegionId, 'InvalidPhysicalConnectionId.NotFound');
    if (pc.status !== 'Enabled') throw ctx.error('InvalidPhysicalConnectionId.NotEnabled');
    if (input.VlanId < 0 || input.VlanId > 2999) throw ctx.error('InvalidVlanId.Malformed');
    for (const [ip, code] of [
      [input.LocalGatewayIp, 'InvalidLocalGatewayIp.Malformed'],
      [input.PeerGatewayIp, 'IllegalParam.IpAddress'],
      [input.PeeringSubnetMask, 'InvalidPeeringSubnetMask.Malformed'],
    ] as const) {
      if (ip !== undefined && !isIpv4(ip)) throw ctx.error(code, ip);
    }
    if (
      input.LocalGatewayIp &&
      input.PeerGatewayIp &&
      input.PeeringSubnetMask &&
      !sameSubnet(input.LocalGatewayIp, input.PeerGatewayIp, input.PeeringSubnetMask)
    ) {
      throw ctx.error('InvalidIp.NotSameSubnet');
    }
    if (input.Name !== undefined && !isValidName(input.Name)) throw ctx.error('InvalidName.Malformed');
    if (input.Description !== undefined && !isValidDescription(input.Description)) throw ctx.error('InvalidDescription.Malformed');
    if (!validTags(input.Tags)) throw ctx.error('InvalidParameter');
    let ownerId = ctx.caller.id;
    if (input.VbrOwnerId !== undefined && input.VbrOwnerId !== ctx.caller.id) {
      const owner = await getAccount(ctx.tx, input.VbrOwnerId);
      if (!owner) throw ctx.error('InvalidVbrOwnerId.NotFound');
      if (owner.site !== ctx.caller.site) throw ctx.error('CROSS_BID.FORBIDDEN');
      ownerId = owner.id;
    }
    return idempotent(ctx, 'CreateVirtualBorderRouter', input.ClientToken, async () => {
      if ((await ctx.tx.repo(VBRS).count({ physicalConnectionId: pc.id, vlanId: input.VlanId })) > 0) throw ctx.error('InvalidVlanId.Used');
      const id = ctx.ids.resource('vbr', input.RegionId);
      const routeTableId = ctx.ids.resource('vtb', input.RegionId);
      const base = { accountId: ownerId, regionId: input.RegionId, createdAt: ctx.now };
      await ctx.tx.repo(VBRS).insert({
        ...base,
        id,
        physicalConnectionId: pc.id,
        physicalConnectionOwnerId: pc.accountId,
        accessPointId: pc.accessPointId,
        vlanId: input.VlanId,
        vlanInterfaceId: ctx.ids.resource('ri', input.RegionId),
        localGatewayIp: input.LocalGatewayIp ?? '',
        peerGatewayIp: input.PeerGatewayIp ?? '',
        peeringSubnetMask: input.PeeringSubnetMask ?? '',
        name: input.Name ?? '',
        description: input.Description ?? '',
        circuitCode: input.CircuitCode ?? '',
        bandwidth: input.Bandwidth ?? pc.bandwidth,
        status: 'active',
        routeTableId,
        tags: tagsJson(input.Tags),
        activatedAt: ctx.now,
      });
      await addRouter(
        ctx.tx,
        {
          ...base,
          id,
          kind: 'VBR',
          vpcId: '',
          accessPointId: pc.accessPointId,
          routeTableId,
          name: input.Name ?? '',
          description: input.Description ?? '',
        },
        { ...base, id: routeTableId, routerId: id, routerType: 'VBR', vpcId: '', name: '', description: '' },
      );
      return { VbrId: id };
    });
  },
});
