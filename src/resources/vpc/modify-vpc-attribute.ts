// ModifyVpcAttribute: name, description, the primary CIDR block (mask 8 to 28, the ranges CreateVpc
// accepts, and still holding every vSwitch that sits in the primary block) and DNS hostnames.
// Instant: the status stays Available. IPv6 is not supported by LocalVPC and is refused.
import { defineAction } from '../../engine/action.js';
import { owned } from '../shared/owned.js';
import { cidrContains } from '../shared/cidr.js';
import { isValidDescription, isValidName, parseCidr } from '../shared/validation.js';
import { vswitchesOfVpc } from '../vswitch/queries.js';
import { secondaryCidrs } from './model.js';
import { VPCS } from './storage.js';
import { validVpcCidr } from './create-vpc.js';

export const modifyVpcAttribute = defineAction({
  product: 'Vpc',
  name: 'ModifyVpcAttribute',
  mode: 'write',
  handler: async (input, ctx) => {
    if (input.VpcName !== undefined && !isValidName(input.VpcName)) throw ctx.error('InvalidVpcName.Malformed');
    if (input.Description !== undefined && !isValidDescription(input.Description)) throw ctx.error('InvalidVpcDiscription.Malformed');
    if (input.EnableIPv6 !== undefined && input.CidrBlock !== undefined) throw ctx.error('ParamExclusive.EnableIpv6AndCidrBlock');
    if (input.EnableIPv6 || input.Ipv6CidrBlock !== undefined)
      throw ctx.error('OperationUnsupported.Ipv6Feature', 'IPv6 is not supported by LocalVPC.');
    if (input.CidrBlock !== undefined && !parseCidr(input.CidrBlock)) throw ctx.error('InvalidCidrBlock.Malformed');
    if (input.CidrBlock !== undefined && !validVpcCidr(input.CidrBlock)) throw ctx.error('InvalidCidrBlock.Malformed');
    const vpc = await owned(ctx, VPCS, input.VpcId, input.RegionId, 'InvalidVpcId.NotFound');
    if (vpc.status !== 'Available') throw ctx.error('IncorrectVpcStatus');
    let cidrBlock = vpc.cidrBlock;
    if (input.CidrBlock !== undefined && input.CidrBlock !== vpc.cidrBlock) {
      const next = input.CidrBlock;
      const secondaries = secondaryCidrs(vpc);
      // every vSwitch must stay inside one of the VPC's blocks
      for (const v of await vswitchesOfVpc(ctx.tx, vpc.id)) {
        if (!cidrContains(next, v.cidrBlock) && !secondaries.some((c) => cidrContains(c, v.cidrBlock))) throw ctx.error('IllegalCidrBlock');
      }
      cidrBlock = next;
    }
    await ctx.tx.repo(VPCS).update({
      ...vpc,
      name: input.VpcName ?? vpc.name,
      description: input.Description ?? vpc.description,
      cidrBlock,
      dnsHostnameStatus: input.EnableDnsHostname === undefined ? vpc.dnsHostnameStatus : input.EnableDnsHostname ? 'ENABLED' : 'DISABLED',
    });
    return {};
  },
});
