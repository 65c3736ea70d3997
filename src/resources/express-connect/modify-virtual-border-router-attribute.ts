// ModifyVirtualBorderRouterAttribute: the VBR's owner or its physical connection's owner, only
// while the VBR is active. Checks, in order:
//  1 the VBR is the caller's or on the caller's physical connection, in RegionId  InvalidVbrId.NotFound
//  2 values: VlanId 0-2999, gateway IPs, a /24-/30 mask, IPv6 addresses and prefix, BFD
//    (MinRxInterval and MinTxInterval 200-1000 ms, DetectMultiplier 3-10), Mtu 1500 or 8500,
//    Bandwidth, Name, Description ('' clears a name, a description, a circuit code or an IPv6 field)
//  3 on a VBR made for another account, each side changes its own fields only (sending the current
//    value is not a change): VlanId and CircuitCode are the connection owner's, the IPv4 peering,
//    Name and Description the VBR owner's                                    Forbidden.*NotAllowedByCaller
//  4 the VBR is active                                                       IncorrectStatus.VirtualBorderRouter
//  5 the peering, as it will be: all three IPv4 fields once one is given, one subnet
//                                                                            MissingParameter, InvalidIp.NotSameSubnet
//  6 the VLAN is free on the physical connection                            InvalidVlanId.Used
// AssociatedPhysicalConnections (VBRs over several connections) is checked as JSON and not kept.
import { defineAction } from '../../engine/action.js';
import { idempotent } from '../shared/client-token.js';
import { isValidDescription, isValidName } from '../shared/validation.js';
import { visibleVbr } from './lookup.js';
import type { Vbr } from './model.js';
import { checkIpv6Peering, checkPeering, samePeeringSubnet } from './rules.js';
import { vbrMay } from './states.js';
import { VBRS } from './storage.js';

const MTUS = [1500, 8500];

function changes<K extends keyof Vbr>(vbr: Vbr, field: K, value: Vbr[K] | undefined): boolean {
  return value !== undefined && value !== vbr[field];
}

function isJson(s: string): boolean {
  try {
    JSON.parse(s);
    return true;
  } catch {
    return false;
  }
}

export const modifyVirtualBorderRouterAttribute = defineAction({
  product: 'Vpc',
  name: 'ModifyVirtualBorderRouterAttribute',
  mode: 'write',
  handler: (input, ctx) =>
    idempotent(ctx, 'ModifyVirtualBorderRouterAttribute', input, async () => {
      const { vbr, ownsVbr, ownsPc } = await visibleVbr(ctx, input.RegionId, input.VbrId);

      if (input.VlanId !== undefined && (input.VlanId < 0 || input.VlanId > 2999)) throw ctx.error('InvalidVlanId.Malformed');
      checkPeering(ctx, input, { local: 'InvalidIp.Malformed', peer: 'InvalidIp.Malformed' });
      checkIpv6Peering(ctx, input);
      if (input.MinRxInterval !== undefined && (input.MinRxInterval < 200 || input.MinRxInterval > 1000))
        throw ctx.error('IllegalParam.MinRxInterval');
      if (input.MinTxInterval !== undefined && (input.MinTxInterval < 200 || input.MinTxInterval > 1000))
        throw ctx.error('IllegalParam.MinTxInterval');
      if (input.DetectMultiplier !== undefined && (input.DetectMultiplier < 3 || input.DetectMultiplier > 10))
        throw ctx.error('IllegalParam.DetectMultiplier');
      if (input.Mtu !== undefined && !MTUS.includes(input.Mtu)) throw ctx.error('InvalidParameter', 'The specified Mtu is invalid.');
      if (input.Bandwidth !== undefined && input.Bandwidth < 1) throw ctx.error('InvalidParameter', 'The specified Bandwidth is invalid.');
      if (input.Name && !isValidName(input.Name)) throw ctx.error('InvalidName.Malformed');
      if (input.Description && !isValidDescription(input.Description)) throw ctx.error('InvalidDescription.Malformed');
      if (input.AssociatedPhysicalConnections && !isJson(input.AssociatedPhysicalConnections))
        throw ctx.error('IllegalParam.AssociatedPhysicalConnections');

      if (!ownsPc) {
        if (changes(vbr, 'vlanId', input.VlanId)) throw ctx.error('Forbidden.VlanIdNotAllowedByCaller');
        if (changes(vbr, 'circuitCode', input.CircuitCode)) throw ctx.error('Forbidden.CircuitCodeNotAllowedByCaller');
      }
      if (!ownsVbr) {
        if (changes(vbr, 'localGatewayIp', input.LocalGatewayIp)) throw ctx.error('Forbidden.LocalGatewayIpNotAllowedByCaller');
        if (changes(vbr, 'peerGatewayIp', input.PeerGatewayIp)) throw ctx.error('Forbidden.PeerGatewayIpNotAllowedByCaller');
        if (changes(vbr, 'peeringSubnetMask', input.PeeringSubnetMask)) throw ctx.error('Forbidden.PeeringSubnetMaskNotAllowedByCaller');
        if (changes(vbr, 'name', input.Name)) throw ctx.error('Forbidden.NameNotAllowedByCaller');
        if (changes(vbr, 'description', input.Description)) throw ctx.error('Forbidden.DescriptionNotAllowedByCaller');
      }

      if (!vbrMay(vbr, 'modify')) {
        throw ctx.error('IncorrectStatus.VirtualBorderRouter', `The status of VirtualBorderRouter [${vbr.id}] is ${vbr.status}.`);
      }

      const next: Vbr = {
        ...vbr,
        vlanId: input.VlanId ?? vbr.vlanId,
        circuitCode: input.CircuitCode ?? vbr.circuitCode,
        localGatewayIp: input.LocalGatewayIp ?? vbr.localGatewayIp,
        peerGatewayIp: input.PeerGatewayIp ?? vbr.peerGatewayIp,
        peeringSubnetMask: input.PeeringSubnetMask ?? vbr.peeringSubnetMask,
        localIpv6GatewayIp: input.LocalIpv6GatewayIp ?? vbr.localIpv6GatewayIp,
        peerIpv6GatewayIp: input.PeerIpv6GatewayIp ?? vbr.peerIpv6GatewayIp,
        peeringIpv6SubnetMask: input.PeeringIpv6SubnetMask ?? vbr.peeringIpv6SubnetMask,
        enableIpv6: input.EnableIpv6 ?? vbr.enableIpv6,
        minRxInterval: input.MinRxInterval ?? vbr.minRxInterval,
        minTxInterval: input.MinTxInterval ?? vbr.minTxInterval,
        detectMultiplier: input.DetectMultiplier ?? vbr.detectMultiplier,
        mtu: input.Mtu ?? vbr.mtu,
        sitelinkEnable: input.SitelinkEnable ?? vbr.sitelinkEnable,
        bandwidth: input.Bandwidth ?? vbr.bandwidth,
        name: input.Name ?? vbr.name,
        description: input.Description ?? vbr.description,
      };
      const peering = [input.LocalGatewayIp, input.PeerGatewayIp, input.PeeringSubnetMask];
      if (peering.some((v) => v !== undefined) && (!next.localGatewayIp || !next.peerGatewayIp || !next.peeringSubnetMask)) {
        throw ctx.error('MissingParameter');
      }
      if (!samePeeringSubnet(next.localGatewayIp, next.peerGatewayIp, next.peeringSubnetMask)) throw ctx.error('InvalidIp.NotSameSubnet');
      if (next.vlanId !== vbr.vlanId) {
        const taken = await ctx.tx.repo(VBRS).count({ physicalConnectionId: vbr.physicalConnectionId, vlanId: next.vlanId });
        if (taken > 0) throw ctx.error('InvalidVlanId.Used');
      }
      await ctx.tx.repo(VBRS).update(next);
      return {};
    }),
});
