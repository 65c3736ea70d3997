// GrantInstanceToVbr / RevokeInstanceFromVbr / DescribeEcGrantRelation: a VPC owner lets VBRs of
// another account connect router interfaces to the VPC. ConnectRouterInterface from a VBR to a VPC
// of another account is refused (IllegalParam.InstanceOwner) without such a grant.
import { defineAction, type HandlerContext } from '../../engine/action.js';
import { page } from '../../core/paging.js';
import { isoSeconds } from '../../core/time.js';
import { isRegion } from '../regions/data.js';
import { isAliUid } from '../accounts/service.js';
import { owned } from '../shared/owned.js';
import type { EcGrant } from './model.js';
import type { Tx } from '../../store/port.js';
import type { VpcInputs } from '../../spec/vpc-facts.generated.js';
import { getVpc } from '../vpc/queries.js';
import { VPCS } from '../vpc/storage.js';
import { EC_GRANTS, VBRS } from './storage.js';

/** What GrantInstanceToVbr and RevokeInstanceFromVbr both take. */
type GrantInput = VpcInputs['GrantInstanceToVbr'] | VpcInputs['RevokeInstanceFromVbr'];

function grantType(ctx: HandlerContext, raw: string): 'All' | 'Specify' {
  const t = raw.toLowerCase();
  if (t === 'all') return 'All';
  if (t === 'specify') return 'Specify';
  throw ctx.error('Parameter.Illegal');
}

function ownVpc(ctx: HandlerContext, regionId: string, vpcId: string) {
  return owned(ctx, VPCS, vpcId, regionId, 'Instance.NotExist');
}

function checkGrantInput(ctx: HandlerContext, input: GrantInput): { type: 'All' | 'Specify'; uid: string; vbrs: string[] } {
  const type = grantType(ctx, input.GrantType);
  const uid = input.VbrOwnerUid;
  if (!isAliUid(uid) || !isRegion(input.VbrRegionNo)) throw ctx.error('Parameter.Illegal');
  const vbrs = input.VbrInstanceIds ?? [];
  if (type === 'Specify' && vbrs.length === 0) throw ctx.error('InvalidParam.NotNull');
  return { type, uid, vbrs };
}

export const grantInstanceToVbr = defineAction({
  product: 'Vpc',
  name: 'GrantInstanceToVbr',
  mode: 'write',
  handler: async (input, ctx) => {
    const { type, uid, vbrs } = checkGrantInput(ctx, input);
    const vpc = await ownVpc(ctx, input.RegionId, input.InstanceId);
    const grants = ctx.tx.repo(EC_GRANTS);
    for (const vbrId of type === 'All' ? [''] : vbrs) {
      const id = `${vpc.id}:${uid}:${input.VbrRegionNo}:${vbrId || '*'}`;
      if (await grants.get(id)) continue;
      await grants.insert({
        id,
        accountId: ctx.caller.id,
        regionId: vpc.regionId,
        vpcId: vpc.id,
        vbrOwnerUid: uid,
        vbrInstanceId: vbrId,
        vbrRegionId: input.VbrRegionNo,
        grantType: type,
        createdAt: ctx.now,
      });
    }
    return {};
  },
});

export const revokeInstanceFromVbr = defineAction({
  product: 'Vpc',
  name: 'RevokeInstanceFromVbr',
  mode: 'write',
  handler: async (input, ctx) => {
    const { type, uid, vbrs } = checkGrantInput(ctx, input);
    const vpc = await ownVpc(ctx, input.RegionId, input.InstanceId);
    const grants = ctx.tx.repo(EC_GRANTS);
    const mine = await grants.find({ vpcId: vpc.id, vbrOwnerUid: uid, vbrRegionId: input.VbrRegionNo });
    // ALL revokes every grant of that account and region; Specify only the named VBRs.
    const gone = type === 'All' ? mine : mine.filter((g) => vbrs.includes(g.vbrInstanceId));
    if (gone.length === 0) throw ctx.error('EcGrantRelation.NotExist');
    for (const g of gone) await grants.delete(g.id);
    return {};
  },
});

export const describeEcGrantRelation = defineAction({
  product: 'Vpc',
  name: 'DescribeEcGrantRelation',
  mode: 'read',
  handler: async (input, ctx) => {
    const grants = ctx.tx.repo(EC_GRANTS);
    let rows: EcGrant[];
    if (input.InstanceType.toUpperCase() === 'VPC') {
      const vpc = await getVpc(ctx.tx, input.InstanceId);
      if (!vpc || vpc.accountId !== ctx.caller.id) throw ctx.error('Instance.NotExist');
      rows = await grants.find({ vpcId: vpc.id }, { orderBy: ['createdAt', 'id'] });
    } else if (input.InstanceType.toUpperCase() === 'VBR') {
      if (!input.VbrRegionNo) throw ctx.error('InvalidParam.NotNull');
      const vbr = await ctx.tx.repo(VBRS).get(input.InstanceId);
      if (!vbr || vbr.accountId !== ctx.caller.id || vbr.regionId !== input.VbrRegionNo) throw ctx.error('Instance.NotExist');
      rows = (await grants.find({ vbrOwnerUid: ctx.caller.id, vbrRegionId: vbr.regionId }, { orderBy: ['createdAt', 'id'] })).filter(
        (g) => g.grantType === 'All' || g.vbrInstanceId === vbr.id,
      );
    } else {
      throw ctx.error('Parameter.Illegal');
    }
    const p = page(input.PageNumber, input.PageSize);
    const slice = rows.slice(p.offset, p.offset + p.pageSize);
    const vpcs = await Promise.all(slice.map((g) => getVpc(ctx.tx, g.vpcId)));
    return {
      TotalCount: rows.length,
      Count: slice.length,
      Page: p.pageNumber,
      PageSize: p.pageSize,
      EcGrantRelations: slice.map((g, i) => {
        const vpc = vpcs[i];
        return {
          InstanceId: g.vpcId,
          InstanceName: vpc?.name ?? '',
          InstanceRouterId: vpc?.vRouterId ?? '',
          AliUid: Number(g.accountId),
          RegionNo: g.regionId,
          VbrOwnerUid: Number(g.vbrOwnerUid),
          VbrInstanceId: g.vbrInstanceId,
          VbrRegionNo: g.vbrRegionId,
          GrantType: g.grantType,
          Status: 'Granted',
          GmtCreate: isoSeconds(g.createdAt),
        };
      }),
    };
  },
});

/** True when the VPC's owner lets this VBR connect (same account, or a grant for the VBR). */
export async function vbrMayConnect(
  tx: Tx,
  vbr: { id: string; accountId: string; regionId: string },
  vpc: { id: string; accountId: string },
): Promise<boolean> {
  if (vbr.accountId === vpc.accountId) return true;
  const grants = await tx.repo(EC_GRANTS).find({ vpcId: vpc.id, vbrOwnerUid: vbr.accountId, vbrRegionId: vbr.regionId });
  return grants.some((g) => g.grantType === 'All' || g.vbrInstanceId === vbr.id);
}
