// MoveResourceGroup (VPCs; vSwitches and route tables follow their VPC's group in Alibaba and are
// not movable by this action) and ChangeResourceGroup (router interfaces, VBRs, physical
// connections). LocalVPC has no resource directory: any `rg-` id names a group; the account's
// default group is `rg-acfm<last 11 digits of the AliUid>`.
import { defineAction, type HandlerContext } from '../../engine/action.js';
import type { Taggable } from '../shared/taggable.js';
import { EXPRESS_CONNECT_TAGGABLES, VPC_TAGGABLES } from './taggables.js';

const GROUP = /^rg-[a-z0-9]{6,30}$/;

async function move(
  ctx: HandlerContext,
  types: readonly Taggable[],
  movable: readonly string[],
  input: { ResourceType: string; ResourceId: string; NewResourceGroupId: string; RegionId: string },
  unknownType: 'IllegalParam.ResourceType' | 'ResourceType.Unknown',
  notFound: 'InvalidResourceId.NotFound' | 'InvalidInstanceId.NotFound',
): Promise<object> {
  const name = input.ResourceType.toUpperCase();
  const type = movable.includes(name) ? types.find((t) => t.type === name) : undefined;
  if (!type) throw ctx.error(unknownType);
  if (!GROUP.test(input.NewResourceGroupId)) throw ctx.error('InvalidResourceGroupId');
  const r = await type.get(ctx.tx, input.ResourceId);
  if (!r || r.accountId !== ctx.caller.id || r.regionId !== input.RegionId) throw ctx.error(notFound);
  await type.setResourceGroup(ctx.tx, r.id, input.NewResourceGroupId);
  return {};
}

export const moveResourceGroup = defineAction({
  product: 'Vpc',
  name: 'MoveResourceGroup',
  mode: 'write',
  handler: (input, ctx) => move(ctx, VPC_TAGGABLES, ['VPC'], input, 'IllegalParam.ResourceType', 'InvalidResourceId.NotFound'),
});

export const changeResourceGroup = defineAction({
  product: 'Vpc',
  name: 'ChangeResourceGroup',
  mode: 'write',
  handler: (input, ctx) =>
    move(
      ctx,
      EXPRESS_CONNECT_TAGGABLES,
      ['ROUTERINTERFACE', 'VIRTUALBORDERROUTER', 'PHYSICALCONNECTION'],
      input,
      'ResourceType.Unknown',
      'InvalidInstanceId.NotFound',
    ),
});
