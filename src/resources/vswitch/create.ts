// CreateVSwitch: in an Available VPC of the caller, in one of the region's zones, with a CIDR block
// (mask 16 to 29) inside the VPC's primary or a secondary block, overlapping no other vSwitch of
// the VPC, outside 100.64.0.0/10, and not the destination of a custom route. At most 150 per VPC.
// Pending, then Available. Checks in that order; tags and resource group as given.
import { defineAction } from '../../engine/action.js';
import { idempotent } from '../shared/client-token.js';
import { owned } from '../shared/owned.js';
import { cidrBits, cidrContains, cidrOverlaps, inSharedAddressSpace } from '../shared/cidr.js';
import { isLooseName, isValidDescription, parseCidr, tagsJson, validTags } from '../shared/validation.js';
import { isZone } from '../regions/data.js';
import { VPCS } from '../vpc/storage.js';
import { vpcCidrs } from '../vpc/model.js';
import { routeDestinationsOfVpc } from '../route-entry/queries.js';
import { VSWITCHES } from './storage.js';
import { VSWITCH_TRANSITIONS } from './transitions.js';
import { vswitchesOfVpc } from './queries.js';

/** vSwitches one VPC may hold (Alibaba's documented quota). */
export const VSWITCHES_PER_VPC = 150;

export const createVSwitch = defineAction({
  product: 'Vpc',
  name: 'CreateVSwitch',
  mode: 'write',
  handler: async (input, ctx) => {
    if (input.VSwitchName !== undefined && !isLooseName(input.VSwitchName)) throw ctx.error('InvalidVSwitchName.Malformed');
    if (input.Description !== undefined && !isValidDescription(input.Description)) throw ctx.error('InvalidDescription.Malformed');
    if (!validTags(input.Tag)) throw ctx.error('InvalidTagKey');
    if (!parseCidr(input.CidrBlock)) throw ctx.error('InvalidCidrBlock.Malformed');
    const bits = cidrBits(input.CidrBlock);
    if (bits < 16 || bits > 29) throw ctx.error('InvalidCirdrBlock.MaskLength');
    if (inSharedAddressSpace(input.CidrBlock)) throw ctx.error('IllegalParam.CidrBlock', input.CidrBlock);
    const vpc = await owned(ctx, VPCS, input.VpcId, input.RegionId, 'InvalidVpcId.NotFound');
    if (!isZone(vpc.regionId, input.ZoneId)) throw ctx.error('InvalidZoneId.NotFound');
    if (vpc.status !== 'Available') throw ctx.error('IncorrectVpcStatus');
    if (!vpcCidrs(vpc).some((c) => cidrContains(c, input.CidrBlock))) throw ctx.error('InvalidParameter', 'CidrBlock');
    return idempotent(ctx, 'CreateVSwitch', input, async () => {
      const siblings = await vswitchesOfVpc(ctx.tx, vpc.id);
      if (siblings.length >= VSWITCHES_PER_VPC) throw ctx.error('QuotaExceeded.VSwitch');
      if (siblings.some((s) => cidrOverlaps(s.cidrBlock, input.CidrBlock))) throw ctx.error('InvalidCidrBlock.Overlapped');
      if ((await routeDestinationsOfVpc(ctx.tx, vpc)).includes(input.CidrBlock)) throw ctx.error('RouteConflict.AlreadyExist');
      const id = ctx.ids.resource('vsw', vpc.regionId);
      await ctx.tx.repo(VSWITCHES).insert({
        id,
        accountId: ctx.caller.id,
        regionId: vpc.regionId,
        vpcId: vpc.id,
        zoneId: input.ZoneId,
        cidrBlock: input.CidrBlock,
        name: input.VSwitchName ?? '',
        description: input.Description ?? '',
        status: 'Pending',
        routeTableId: '',
        isDefault: false,
        resourceGroupId: vpc.resourceGroupId, // a vSwitch is in its VPC's resource group
        tags: tagsJson(input.Tag),
        createdAt: ctx.now,
        pendingStatus: 'Available',
        dueAt: ctx.plan(VSWITCH_TRANSITIONS.create).dueAt,
      });
      return { VSwitchId: id };
    });
  },
});
