// AssociateVpcCidrBlock and UnassociateVpcCidrBlock: secondary IPv4 CIDR blocks of a VPC. At most 5,
// each one a range CreateVpc accepts (mask 8 to 28, not 100.64.0.0/10, 224.0.0.0/4, 127.0.0.0/8 or
// 169.254.0.0/16), overlapping neither the primary nor another secondary block, nor a custom
// route's destination. A block still holding a vSwitch cannot be removed (OperationFailed.CidrInUse).
// Instant. Known gaps: no IPv6 blocks, no IPAM pools (a SecondaryCidrMask without a block).
import { defineAction, type HandlerContext } from '../../engine/action.js';
import { owned } from '../shared/owned.js';
import { cidrContains, cidrOverlaps } from '../shared/cidr.js';
import { parseCidr } from '../shared/validation.js';
import { vswitchesOfVpc } from '../vswitch/queries.js';
import { routeDestinationsOfVpc } from '../route-entry/queries.js';
import { secondaryCidrs, type Vpc } from './model.js';
import { VPCS } from './storage.js';
import { validVpcCidr } from './create-vpc.js';

/** Secondary IPv4 blocks one VPC may have (Alibaba's documented limit). */
export const SECONDARY_CIDRS_PER_VPC = 5;

async function ownVpc(ctx: HandlerContext, input: { RegionId: string; VpcId: string }): Promise<Vpc> {
  const vpc = await owned(ctx, VPCS, input.VpcId, input.RegionId, 'InvalidVpc.NotFound', input.VpcId);
  if (vpc.status !== 'Available') throw ctx.error('IncorrectStatus.Vpc', `The status of VPC ${vpc.id} is incorrect.`);
  return vpc;
}

export const associateVpcCidrBlock = defineAction({
  product: 'Vpc',
  name: 'AssociateVpcCidrBlock',
  mode: 'write',
  handler: async (input, ctx) => {
    if (input.IPv6CidrBlock !== undefined || input.IpVersion?.toUpperCase() === 'IPV6') {
      if (input.SecondaryCidrBlock !== undefined)
        throw ctx.error('ParamExclusive.SecondaryCidrAndIpv6Cidr', 'SecondaryCidrBlock and IPv6CidrBlock');
      throw ctx.error('OperationUnsupported.VpcMultiCidr', 'IPv6 CIDR blocks are not supported by LocalVPC.');
    }
    if (input.IpVersion !== undefined && input.IpVersion.toUpperCase() !== 'IPV4')
      throw ctx.error('IllegalParam.IpVersion', input.IpVersion);
    const cidr = input.SecondaryCidrBlock;
    if (cidr === undefined) {
      if (input.SecondaryCidrMask !== undefined || input.IpamPoolId !== undefined) throw ctx.error('IllegalParam.IpamPool');
      throw ctx.error('MissingParam.SecondaryCidrBlockOrIpv6CidrBlock');
    }
    if (!parseCidr(cidr)) throw ctx.error('InvalidCidrBlock.Malformed');
    if (!validVpcCidr(cidr)) throw ctx.error('IllegalParam.SecondaryCidrBlock', cidr);
    const vpc = await ownVpc(ctx, input);
    const blocks = secondaryCidrs(vpc);
    if ([vpc.cidrBlock, ...blocks].some((b) => cidrOverlaps(b, cidr))) throw ctx.error('Duplicated.SecondaryCidrBlock', cidr);
    if ((await routeDestinationsOfVpc(ctx.tx, vpc)).some((d) => cidrOverlaps(d, cidr)))
      throw ctx.error('OperationFailed.ConflictWithEntry', cidr);
    if (blocks.length >= SECONDARY_CIDRS_PER_VPC) throw ctx.error('QuotaExceeded.VpcMultiCidr', String(SECONDARY_CIDRS_PER_VPC));
    await ctx.tx.repo(VPCS).update({ ...vpc, secondaryCidrs: JSON.stringify([...blocks, cidr]) });
    return {};
  },
});

export const unassociateVpcCidrBlock = defineAction({
  product: 'Vpc',
  name: 'UnassociateVpcCidrBlock',
  mode: 'write',
  handler: async (input, ctx) => {
    if (input.IPv6CidrBlock !== undefined) {
      if (input.SecondaryCidrBlock !== undefined)
        throw ctx.error('ParamExclusive.SecondaryCidrAndIpv6Cidr', 'SecondaryCidrBlock and IPv6CidrBlock');
      throw ctx.error('InvalidIpv6CidrBlock.NotFound', input.IPv6CidrBlock);
    }
    const cidr = input.SecondaryCidrBlock;
    if (cidr === undefined) throw ctx.error('MissingParam.SecondaryCidrBlockOrIpv6CidrBlock');
    const vpc = await ownVpc(ctx, input);
    const blocks = secondaryCidrs(vpc);
    if (!blocks.includes(cidr)) throw ctx.error('InvalidSecondaryCidrBlock.NotFound', cidr);
    if ((await vswitchesOfVpc(ctx.tx, vpc.id)).some((v) => cidrContains(cidr, v.cidrBlock)))
      throw ctx.error('OperationFailed.CidrInUse', cidr);
    await ctx.tx.repo(VPCS).update({ ...vpc, secondaryCidrs: JSON.stringify(blocks.filter((b) => b !== cidr)) });
    return {};
  },
});
