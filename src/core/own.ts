// Lookups keyed by client input must never reach Object.prototype: `errors['constructor']` is a
// function, `'toString' in SPECS` is true. Every such lookup goes through `own`.

/** The record's own value for `key`, or undefined (never an inherited one). */
export function own<V>(record: Readonly<Record<string, V>>, key: string): V | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}
