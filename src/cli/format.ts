// How the CLI shows the admin API's answers to a person: JSON read without trusting its shape, tables, key: value lines.
export type Json = Record<string, unknown>;

/** The admin API's JSON answers, read without trusting their shape. */
export const obj = (v: unknown): Json =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? Object.fromEntries(Object.entries(v)) : {};
export const arr = (v: unknown): Json[] => (Array.isArray(v) ? v.map(obj) : []);
/** A value for a person: scalars as they are, anything else as JSON. */
export const show = (v: unknown): string =>
  typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : (JSON.stringify(v) ?? '');
export const table = (rows: string[][]): string => {
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length))) ?? [];
  return rows
    .map((r) =>
      r
        .map((c, i) => c.padEnd(widths[i] ?? 0))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
};
export const kv = (o: Json): string =>
  Object.entries(o)
    .map(([k, v]) => `${k}: ${show(v)}`)
    .join('\n');
