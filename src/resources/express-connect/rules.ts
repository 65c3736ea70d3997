// Value rules shared by the create and modify actions of physical connections and VBRs.
import { isIPv6 } from 'node:net';
import type { ErrorCode, HandlerContext } from '../../engine/action.js';
import { ipv4ToInt, isIpv4, isValidDescription, isValidName, sameSubnet } from '../shared/validation.js';

export const LINE_OPERATORS = ['CT', 'CU', 'CM', 'CO', 'Equinix', 'Other'];
export const PORT_TYPES = ['100Base-T', '1000Base-T', '1000Base-LX', '10GBase-T', '10GBase-LR', '40GBase-LR', '100GBase-LR'];

/** What CreatePhysicalConnection and ModifyPhysicalConnectionAttribute both take and check the same way. */
export interface PcAttributes {
  LineOperator?: string;
  PortType?: string;
  bandwidth?: number;
  Name?: string;
  Description?: string;
}

export function checkPcAttributes(ctx: HandlerContext, input: PcAttributes): void {
  if (input.LineOperator !== undefined && !LINE_OPERATORS.includes(input.LineOperator)) throw ctx.error('InvalidLineOperator.Malformd');
  if (input.PortType !== undefined && !PORT_TYPES.includes(input.PortType)) throw ctx.error('InvalidPortType.Malformd');
  if (input.bandwidth !== undefined && (input.bandwidth < 1 || input.bandwidth > 100_000)) throw ctx.error('InvalidBandwidth');
  if (input.Name !== undefined && !isValidName(input.Name)) throw ctx.error('InvalidName.Malformed');
  if (input.Description !== undefined && !isValidDescription(input.Description)) throw ctx.error('InvalidDescription.Malformed');
}

/** A contiguous IPv4 netmask of /24 to /30 (the peering subnets Alibaba accepts for a VBR). */
export function isPeeringMask(mask: string): boolean {
  const m = ipv4ToInt(mask);
  if (m === undefined) return false;
  const bits = 32 - Math.log2(2 ** 32 - m);
  return Number.isInteger(bits) && bits >= 24 && bits <= 30;
}

/** An IPv6 prefix (`2408:4004:cc::/56`). */
export function isIpv6Cidr(s: string): boolean {
  const m = /^([0-9A-Fa-f:.]+)\/(\d{1,3})$/.exec(s);
  return m !== null && isIPv6(m[1] ?? '') && Number(m[2]) <= 128;
}

export interface PeeringCodes {
  local: ErrorCode<'Vpc'>;
  peer: ErrorCode<'Vpc'>;
}

/** The IPv4 peering of a VBR: well-formed gateway IPs ('' means unset), a /24-/30 mask, one subnet. */
export function checkPeering(
  ctx: HandlerContext,
  given: { LocalGatewayIp?: string; PeerGatewayIp?: string; PeeringSubnetMask?: string },
  codes: PeeringCodes,
): void {
  if (given.LocalGatewayIp && !isIpv4(given.LocalGatewayIp)) throw ctx.error(codes.local, given.LocalGatewayIp);
  if (given.PeerGatewayIp && !isIpv4(given.PeerGatewayIp)) throw ctx.error(codes.peer, given.PeerGatewayIp);
  if (given.PeeringSubnetMask && !isPeeringMask(given.PeeringSubnetMask)) throw ctx.error('InvalidPeeringSubnetMask.Malformed');
}

/** Both gateways in the subnet of the mask, when all three are set. */
export function samePeeringSubnet(local: string, peer: string, mask: string): boolean {
  return !local || !peer || !mask || sameSubnet(local, peer, mask);
}

/** The IPv6 peering: addresses and a prefix, each '' for unset. */
export function checkIpv6Peering(
  ctx: HandlerContext,
  given: { LocalIpv6GatewayIp?: string; PeerIpv6GatewayIp?: string; PeeringIpv6SubnetMask?: string },
): void {
  for (const ip of [given.LocalIpv6GatewayIp, given.PeerIpv6GatewayIp]) {
    if (ip && !isIPv6(ip)) throw ctx.error('IllegalParam.IpAddress');
  }
  if (given.PeeringIpv6SubnetMask && !isIpv6Cidr(given.PeeringIpv6SubnetMask)) throw ctx.error('IllegalParam.CidrBlock');
}
