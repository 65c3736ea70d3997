// `Filter.N.Key` / `Filter.N.Value.M` as Describe actions take them: values of one key are ORed,
// keys are ANDed. Keys match case-insensitively (Alibaba's own examples write `Filter.1.status`);
// an unknown key is InvalidFilterKey.ValueNotSupported.
import type { ActionContext } from '../../actions/registry-types.js';

export interface FilterInput {
  Key?: string;
  Value?: string[];
}

/** Maps each filter to its canonical key; repeated keys intersect their value lists. */
export function readFilters<K extends string>(
  ctx: ActionContext,
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
