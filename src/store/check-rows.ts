// Rows from outside (a snapshot import) checked before they replace the state: every column known,
// every value of its column's declared type (as the migrations declare it, which the back end
// reports), every NOT NULL column without a default present, and every closed set of values
// (statuses) respected. The first problem is reported with the row's place and the bad value.
import type { AnyTableDef, Rows, Scalar } from './port.js';

/** A column as the back end declares it: its type family and whether a row must give it. */
export interface ColumnType {
  type: 'integer' | 'real' | 'text';
  required: boolean;
}

function fits(v: Scalar, t: ColumnType, boolean: boolean): boolean {
  if (boolean) return typeof v === 'boolean' || v === 0 || v === 1;
  if (t.type === 'integer') return typeof v === 'number' && Number.isSafeInteger(v);
  if (t.type === 'real') return typeof v === 'number' && Number.isFinite(v);
  return typeof v === 'string';
}

const NOUN = { integer: 'an integer', real: 'a number', text: 'a string' } as const;

/** Throws an Error naming the first problem of `tables` against `defs`. */
export function checkRows(
  tables: Rows,
  defs: ReadonlyMap<string, AnyTableDef>,
  typesOf: (table: string) => ReadonlyMap<string, ColumnType>,
  /** Where these rows start in their table (a chunk of a streamed import), for the messages. */
  offset = 0,
): void {
  for (const [name, rows] of Object.entries(tables)) {
    const def = defs.get(name);
    if (!def) throw new Error(`unknown table ${name}`);
    const types = typesOf(name);
    const booleans = new Set(def.booleans ?? []);
    const required = [...types].filter(([, t]) => t.required).map(([c]) => c);
    rows.forEach((row, i) => {
      const at = `tables.${name}[${offset + i}]`;
      for (const [c, v] of Object.entries(row)) {
        const t = types.get(c);
        if (!t || !def.columns.includes(c)) throw new Error(`${at}: unknown column ${c}`);
        if (!fits(v, t, booleans.has(c)))
          throw new Error(`${at}.${c}: ${JSON.stringify(v)} is not ${booleans.has(c) ? 'a boolean' : NOUN[t.type]}`);
        const allowed = def.values?.[c];
        if (allowed && !allowed.includes(String(v)))
          throw new Error(`${at}.${c}: ${JSON.stringify(v)} is not one of ${allowed.map((x) => JSON.stringify(x)).join(', ')}`);
      }
      for (const c of required) if (!Object.hasOwn(row, c)) throw new Error(`${at}: column ${c} is missing`);
    });
  }
}

/**
 * The closed sets of a resource with a state machine: `status` one of its statuses, `pendingStatus`
 * one of them, `Deleted` (a transition that ends with the row gone) or '' (none under way).
 */
export function stateValues(statuses: readonly string[]): { status: readonly string[]; pendingStatus: readonly string[] } {
  return { status: statuses, pendingStatus: ['', 'Deleted', ...statuses] };
}
