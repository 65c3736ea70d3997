// The tag rules of Alibaba's tag actions, shared by the VPC and the Express Connect forms: at most
// 20 tags per resource and per request, keys of 1 to 128 characters and values of up to 128 (a
// value may be empty), neither starting with `aliyun` or `acs:` nor containing http:// or
// https://; a key appears once per request. ResourceType is matched case-insensitively.
import type { HandlerContext } from '../../engine/action.js';
import type { Tx } from '../../store/port.js';
import type { Taggable, TaggedResource } from '../shared/taggable.js';

export const TAGS_PER_RESOURCE = 20;

const RESERVED = /^(aliyun|acs:)/i;
const URL = /https?:\/\//i;

export interface TagPair {
  Key: string;
  Value: string;
}

/** The request's tags, checked: the codes Alibaba's tag actions document. */
export function checkTags(ctx: HandlerContext, tags: { Key?: string; Value?: string }[]): TagPair[] {
  if (tags.length > TAGS_PER_RESOURCE) throw ctx.error('SizeLimitExceeded.TagNum');
  const out: TagPair[] = [];
  for (const t of tags) {
    if (t.Key === undefined || t.Key === '') throw ctx.error('MissingParameter.TagKey');
    if (t.Key.length > 128 || RESERVED.test(t.Key) || URL.test(t.Key)) throw ctx.error('InvalidTagKey');
    const value = t.Value ?? '';
    if (value.length > 128 || RESERVED.test(value) || URL.test(value)) throw ctx.error('InvalidTagValue');
    if (out.some((o) => o.Key === t.Key)) throw ctx.error('Forbidden.TagKey.Duplicated');
    out.push({ Key: t.Key, Value: value });
  }
  return out;
}

/** The taggable type a request names, or InvalidInstanceType.NotFound. */
export function typeOf(ctx: HandlerContext, types: readonly Taggable[], name: string): Taggable {
  const t = types.find((x) => x.type === name.toUpperCase());
  if (!t) throw ctx.error('InvalidInstanceType.NotFound');
  return t;
}

/** The named resources, each the caller's and in the region; any other is InvalidInstanceIds.NotFound. */
export async function resourcesOf(
  ctx: HandlerContext,
  type: Taggable,
  ids: string[],
  regionId: string,
  max: number,
): Promise<TaggedResource[]> {
  if (ids.length > max) throw ctx.error('SizeLimitExceeded.ResourceId');
  const out: TaggedResource[] = [];
  for (const id of ids) {
    const r = await type.get(ctx.tx, id);
    if (!r || r.accountId !== ctx.caller.id || r.regionId !== regionId) throw ctx.error('InvalidInstanceIds.NotFound');
    out.push(r);
  }
  return out;
}

/** Adds (or overwrites) tags on each resource; past 20 on one resource, QuotaExceeded.TagNum and nothing changes. */
export async function addTags(ctx: HandlerContext, type: Taggable, resources: TaggedResource[], tags: TagPair[]): Promise<void> {
  const next = resources.map((r) => {
    const merged = [...r.tags.filter((t) => !tags.some((n) => n.Key === t.Key)), ...tags];
    if (merged.length > TAGS_PER_RESOURCE) throw ctx.error('QuotaExceeded.TagNum');
    return { r, merged };
  });
  for (const { r, merged } of next) await type.setTags(ctx.tx, r.id, merged);
}

export async function removeTags(tx: Tx, type: Taggable, resources: TaggedResource[], keys: string[] | 'all'): Promise<void> {
  for (const r of resources) await type.setTags(tx, r.id, keys === 'all' ? [] : r.tags.filter((t) => !keys.includes(t.Key)));
}

/**
 * ListTagResources' rows: for each resource (named, or every one of the type in the region that
 * carries all the filter tags; a filter tag with no value matches any value), its tags (those of
 * the filter when one is given), one row per resource and tag, paged by NextToken (an offset).
 */
export async function listTags(
  ctx: HandlerContext,
  type: Taggable,
  input: { RegionId: string; ResourceId?: string[]; Tag?: { Key?: string; Value?: string }[]; MaxResults?: number; NextToken?: string },
  maxIds: number,
) {
  const ids = input.ResourceId ?? [];
  const filter = input.Tag ?? [];
  if (ids.length === 0 && filter.length === 0) throw ctx.error('BothEmpty.TagsAndResources');
  if (filter.some((f) => f.Key === undefined || f.Key === '')) throw ctx.error('InvalidTagKey');
  if (input.NextToken !== undefined && !/^\d+$/.test(input.NextToken)) throw ctx.error('IllegalParam.NextToken');
  const resources = ids.length
    ? await resourcesOf(ctx, type, ids, input.RegionId, maxIds)
    : await type.list(ctx.tx, ctx.caller.id, input.RegionId);
  const matches = (t: TagPair, f: { Key?: string; Value?: string }) => t.Key === f.Key && (f.Value === undefined || f.Value === t.Value);
  const rows = resources
    .filter((r) => filter.every((f) => r.tags.some((t) => matches(t, f))))
    .flatMap((r) =>
      r.tags
        .filter((t) => filter.length === 0 || filter.some((f) => matches(t, f)))
        .map((t) => ({ ResourceType: type.type, ResourceId: r.id, TagKey: t.Key, TagValue: t.Value })),
    );
  const offset = Number(input.NextToken ?? 0);
  const limit = input.MaxResults ?? 50;
  return {
    NextToken: offset + limit < rows.length ? String(offset + limit) : '',
    TagResources: { TagResource: rows.slice(offset, offset + limit) },
  };
}
