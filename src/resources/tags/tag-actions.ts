// The tag actions: TagResources, UnTagResources, ListTagResources for VPCs, vSwitches and route
// tables; TagResourcesForExpressConnect, UntagResourcesForExpressConnect,
// ListTagResourcesForExpressConnect for router interfaces, VBRs and physical connections.
// Up to 50 resources a call (20 for the Express Connect forms); tags live on the resources, so
// every Describe action shows them.
import { defineAction } from '../../engine/action.js';
import { addTags, checkTags, listTags, removeTags, resourcesOf, typeOf } from './rules.js';
import { EXPRESS_CONNECT_TAGGABLES, VPC_TAGGABLES } from './taggables.js';

const VPC_MAX_IDS = 50;
const EC_MAX_IDS = 20;

export const tagResources = defineAction({
  product: 'Vpc',
  name: 'TagResources',
  mode: 'write',
  handler: async (input, ctx) => {
    const type = typeOf(ctx, VPC_TAGGABLES, input.ResourceType);
    const tags = checkTags(ctx, input.Tag);
    if (tags.length === 0) throw ctx.error('MissingParam.Tags');
    await addTags(ctx, type, await resourcesOf(ctx, type, input.ResourceId, input.RegionId, VPC_MAX_IDS), tags);
    return {};
  },
});

export const unTagResources = defineAction({
  product: 'Vpc',
  name: 'UnTagResources',
  mode: 'write',
  handler: async (input, ctx) => {
    const type = typeOf(ctx, VPC_TAGGABLES, input.ResourceType);
    if ((input.TagKey?.length ?? 0) > 20) throw ctx.error('SizeLimitExceeded.TagNum');
    const resources = await resourcesOf(ctx, type, input.ResourceId, input.RegionId, VPC_MAX_IDS);
    await removeTags(ctx.tx, type, resources, input.All ? 'all' : (input.TagKey ?? []));
    return {};
  },
});

export const listTagResources = defineAction({
  product: 'Vpc',
  name: 'ListTagResources',
  mode: 'read',
  handler: (input, ctx) => listTags(ctx, typeOf(ctx, VPC_TAGGABLES, input.ResourceType), input, VPC_MAX_IDS),
});

export const tagResourcesForExpressConnect = defineAction({
  product: 'Vpc',
  name: 'TagResourcesForExpressConnect',
  mode: 'write',
  handler: async (input, ctx) => {
    const type = typeOf(ctx, EXPRESS_CONNECT_TAGGABLES, input.ResourceType);
    const tags = checkTags(ctx, input.Tag);
    await addTags(ctx, type, await resourcesOf(ctx, type, input.ResourceId, input.RegionId, EC_MAX_IDS), tags);
    return {};
  },
});

export const untagResourcesForExpressConnect = defineAction({
  product: 'Vpc',
  name: 'UntagResourcesForExpressConnect',
  mode: 'write',
  handler: async (input, ctx) => {
    const type = typeOf(ctx, EXPRESS_CONNECT_TAGGABLES, input.ResourceType);
    if ((input.TagKey?.length ?? 0) > 20) throw ctx.error('SizeLimitExceeded.TagNum');
    const resources = await resourcesOf(ctx, type, input.ResourceId, input.RegionId, EC_MAX_IDS);
    await removeTags(ctx.tx, type, resources, input.All ? 'all' : (input.TagKey ?? []));
    return {};
  },
});

export const listTagResourcesForExpressConnect = defineAction({
  product: 'Vpc',
  name: 'ListTagResourcesForExpressConnect',
  mode: 'read',
  handler: (input, ctx) => listTags(ctx, typeOf(ctx, EXPRESS_CONNECT_TAGGABLES, input.ResourceType), input, EC_MAX_IDS),
});
