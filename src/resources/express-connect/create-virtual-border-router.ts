// CreateVirtualBorderRouter on an Enabled physical connection of the caller. With VbrOwnerId the
// VBR belongs to that account (which must be on the same site: CROSS_BID.FORBIDDEN otherwise).
// The VLAN must be free on the physical connection (a terminated VBR keeps its VLAN).
import { defineAction } from '../../engine/action.js';
import { idempotent } from '../shared/client-token.js';
import { owned } from '../shared/owned.js';
import { isValidDescription, isValidName, tagsJson, validTags } from '../shared/validation.js';
import { getAccount } from '../accounts/service.js';
import { addRouter } from '../vpc/queries.js';
import { defaultResourceGroup } from '../vpc/model.js';
import { VBR_DEFAULTS } from './model.js';
import { checkIpv6Peering, checkPeering, samePeeringSubnet } from './rules.js';
import { PHYSICAL_CONNECTIONS, VBRS } from './storage.js';

export const createVirtualBorderRouter = defineAction({
  product: 'Vpc',
  name: 'CreateVirtualBorderRouter',
  mode: 'write',
  handler: async (input, ctx) => {
    const pc = await owned(ctx, PHYSICAL_CONNECTIONS, input.PhysicalConnectionId, input.RegionId, 'InvalidPhysicalConnectionId.NotFound');
    if (pc.status !== 'Enabled') throw ctx.error('InvalidPhysicalConnectionId.NotEnabled');
    if (input.VlanId < 0 || input.VlanId > 2999) throw ctx.error('InvalidVlanId.Malformed');
    checkPeering(ctx, input, { local: 'InvalidLocalGatewayIp.Malformed', peer: 'IllegalParam.IpAddress' });
    if (!samePeeringSubnet(input.LocalGatewayIp ?? '', input.PeerGatewayIp ?? '', input.PeeringSubnetMask ?? '')) {
      throw ctx.error('InvalidIp.NotSameSubnet');
    }
    checkIpv6Peering(ctx, input);
    if (input.Name !== undefined && !isValidName(input.Name)) throw ctx.error('InvalidName.Malformed');
    if (input.Description !== undefined && !isValidDescription(input.Description)) throw ctx.error('InvalidDescription.Malformed');
    if (!validTags(input.Tags)) throw ctx.error('InvalidParameter', 'Tags');
    let ownerId = ctx.caller.id;
    if (input.VbrOwnerId !== undefined && input.VbrOwnerId !== ctx.caller.id) {
      const owner = await getAccount(ctx.tx, input.VbrOwnerId);
      if (!owner) throw ctx.error('InvalidVbrOwnerId.NotFound');
      if (owner.site !== ctx.caller.site) throw ctx.error('CROSS_BID.FORBIDDEN');
      ownerId = owner.id;
    }
    return idempotent(ctx, 'CreateVirtualBorderRouter', input, async () => {
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
        localIpv6GatewayIp: input.LocalIpv6GatewayIp ?? '',
        peerIpv6GatewayIp: input.PeerIpv6GatewayIp ?? '',
        peeringIpv6SubnetMask: input.PeeringIpv6SubnetMask ?? '',
        enableIpv6: input.EnableIpv6 ?? false,
        name: input.Name ?? '',
        description: input.Description ?? '',
        circuitCode: input.CircuitCode ?? '',
        bandwidth: input.Bandwidth ?? pc.bandwidth,
        ...VBR_DEFAULTS,
        sitelinkEnable: false,
        status: 'active',
        routeTableId,
        tags: tagsJson(input.Tags),
        resourceGroupId: input.ResourceGroupId || defaultResourceGroup(ownerId),
        activatedAt: ctx.now,
        terminatedAt: 0,
        recoveredAt: 0,
        pendingStatus: '',
        dueAt: 0,
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
