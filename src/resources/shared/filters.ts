// `Filter.N.Key` / `Filter.N.Value.M` as Describe actions take them: values of one key are ORed,
// keys are ANDed. Keys match case-insensitively (Alibaba's own examples write `Filter.1.status`);
// an unknown key is InvalidFilterKey.ValueNotSupported.
import type { HandlerContext } from '../../engine/action.js';

export interface FilterInput {
  Key?: string;
  Value?: string[];
}

/** Maps each filter to its canonical key; repeated keys intersect their value lists. */
export function readFilters<K extends string>(
  ctx: HandlerContext,
  filters: FilterInput[] | undefined,
  keys: readonly K[],
): Map<K, string[]> {
  const byLower = new Map(keys.map((k) => [k.toLowerCase(), k] as const));
  const out = new Map<K, string[]>();
  for (const f of filters ?? []) {
    if (f.Key === undefined) continue;
    const key = byLower.get(f.Key.toLowerCase());
    if (!key) throw ctx.error('InvalidFilterKey.ValueNotSupported');
    const values = f.Value ?? [];
    const prev = out.get(key);
    out.set(key, prev ? prev.filter((v) => values.includes(v)) : values);
  }
  return out;
}

/**
 * A request value as a condition on a column of a closed set of values: the value itself when it
 * is one of them, an empty list (matches nothing) when it is not, nothing when it was not given.
 */
export function oneOf<T extends string>(allowed: readonly T[], v: string | undefined): T | readonly T[] | undefined {
  if (v === undefined) return undefined;
  const hit = allowed.find((a) => a === v);
  return hit ?? [];
}

/** The same for a list of values: those that are in the set. */
export function someOf<T extends string>(allowed: readonly T[], vs: readonly string[] | undefined): readonly T[] | undefined {
  return vs?.flatMap((v) => allowed.filter((a) => a === v));
}
