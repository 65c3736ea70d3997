// GrantInstanceToVbr / RevokeInstanceFromVbr / DescribeEcGrantRelation: a VPC owner lets VBRs of
// another account connect router interfaces to the VPC. ConnectRouterInterface from a VBR to a VPC
// of another account is refused (IllegalParam.InstanceOwner) without such a grant.
import { defineAction, type ActionContext } from '../../actions/registry-types.js';
import { page } from '../../core/paging.js';
import { isoSeconds } from '../../core/time.js';
import { isRegion } from '../regions/data.js';
import { isAliUid } from '../accounts/service.js';
import { owned } from '../shared/owned.js';
import type { EcGrant } from './model.js';

interface GrantInput {
  RegionId: string;
  InstanceId: string;
  VbrOwnerUid: number | string;
  VbrInstanceIds?: string[];
  GrantType: string;
  VbrRegionNo: string;
}

function grantType(ctx: ActionContext, raw: string): 'All' | 'Specify' {
  const t = raw.toLowerCase();
  if (t === 'all') return 'All';
  if (t === 'specify') return 'Specify';
  throw ctx.error('Parameter.Illegal');
}

function ownVpc(ctx: ActionContext, regionId: string, vpcId: string) {
  return owned(ctx, ctx.services.repos.vpcs, vpcId, regionId, 'Instance.NotExist');
}

function checkGrantInput(ctx: ActionContext, input: GrantInput): { type: 'All' | 'Specify'; uid: string; vbrs: string[] } {
  const type = grantType(ctx, input.GrantType);
  const uid = String(input.VbrOwnerUid);
  if (!isAliUid(uid) || !isRegion(input.VbrRegionNo)) throw ctx.error('Parameter.Illegal');
  const vbrs = input.VbrInstanceIds ?? [];
  if (type === 'Specify' && vbrs.length === 0) throw ctx.error('InvalidParam.NotNull');
  return { type, uid, vbrs };
}

export const grantInstanceToVbr = defineAction({
  product: 'Vpc',
  name: 'GrantInstanceToVbr',
  mode: 'write',
  handler: (input: GrantInput, ctx) => {
    const { type, uid, vbrs } = checkGrantInput(ctx, input);
    const vpc = ownVpc(ctx, input.RegionId, input.InstanceId);
    const { grants } = ctx.services.repos;
    for (const vbrId of type === 'All' ? [''] : vbrs) {
      const id = `${vpc.id}:${uid}:${input.VbrRegionNo}:${vbrId || '*'}`;
      if (grants.get(id)) continue;
      grants.insert({
        id,
        accountId: ctx.account.id,
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
  handler: (input: GrantInput, ctx) => {
    const { type, uid, vbrs } = checkGrantInput(ctx, input);
    const vpc = ownVpc(ctx, input.RegionId, input.InstanceId);
    const { grants } = ctx.services.repos;
    const mine = grants.find({ vpcId: vpc.id, vbrOwnerUid: uid, vbrRegionId: input.VbrRegionNo });
    // ALL revokes every grant of that account and region; Specify only the named VBRs.
    const gone = type === 'All' ? mine : mine.filter((g) => vbrs.includes(g.vbrInstanceId));
    if (gone.length === 0) throw ctx.error('EcGrantRelation.NotExist');
    for (const g of gone) grants.delete(g.id);
    return {};
  },
});

interface DescribeInput {
  InstanceType: string;
  InstanceId: string;
  VbrRegionNo?: string;
  PageNumber?: number;
  PageSize?: number;
}

export const describeEcGrantRelation = defineAction({
  product: 'Vpc',
  name: 'DescribeEcGrantRelation',
  mode: 'read',
  handler: (input: DescribeInput, ctx) => {
    const { repos } = ctx.services;
    let rows: EcGrant[];
    if (input.InstanceType.toUpperCase() === 'VPC') {
      const vpc = repos.vpcs.get(input.InstanceId);
      if (!vpc || vpc.accountId !== ctx.account.id) throw ctx.error('Instance.NotExist');
      rows = repos.grants.find({ vpcId: vpc.id }, { orderBy: ['createdAt', 'id'] });
    } else if (input.InstanceType.toUpperCase() === 'VBR') {
      if (!input.VbrRegionNo) throw ctx.error('InvalidParam.NotNull');
      const vbr = repos.vbrs.get(input.InstanceId);
      if (!vbr || vbr.accountId !== ctx.account.id || vbr.regionId !== input.VbrRegionNo) throw ctx.error('Instance.NotExist');
      rows = repos.grants
        .find({ vbrOwnerUid: ctx.account.id, vbrRegionId: vbr.regionId }, { orderBy: ['createdAt', 'id'] })
        .filter((g) => g.grantType === 'All' || g.vbrInstanceId === vbr.id);
    } else {
      throw ctx.error('Parameter.Illegal');
    }
    const p = page(input.PageNumber, input.PageSize);
    const slice = rows.slice(p.offset, p.offset + p.pageSize);
    return {
      TotalCount: rows.length,
      Count: slice.length,
      Page: p.pageNumber,
      PageSize: p.pageSize,
      EcGrantRelations: slice.map((g) => {
        const vpc = repos.vpcs.get(g.vpcId);
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
export function vbrMayConnect(
  ctx: ActionContext,
  vbr: { id: string; accountId: string; regionId: string },
  vpc: { id: string; accountId: string },
): boolean {
  if (vbr.accountId === vpc.accountId) return true;
  return ctx.services.repos.grants
    .find({ vpcId: vpc.id, vbrOwnerUid: vbr.accountId, vbrRegionId: vbr.regionId })
    .some((g) => g.grantType === 'All' || g.vbrInstanceId === vbr.id);
}
