// Whole-store export and import for the PostgreSQL adapter, streamed. Export reads every state
// table in one REPEATABLE READ transaction (a consistent copy), a chunk at a time in key order.
// Import runs inside the caller's write unit: the replaced tables emptied, the rows checked as they
// come (the same checks as SQLite's, against the columns PostgreSQL reports) and inserted a batch
// at a time; foreign keys are checked at commit. Booleans travel as 0/1, as SQLite's do, so a
// snapshot moves between the back ends unchanged.
import type pg from 'pg';
import type { AnyTableDef, ExportChunk, ImportChunk, Scalar } from '../port.js';
import { checkRows, type ColumnType } from '../check-rows.js';

export async function* exportFromPg(client: pg.ClientBase, tables: readonly AnyTableDef[], chunkRows: number): AsyncGenerator<ExportChunk> {
  await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
  try {
    for (const t of tables) {
      const columns = t.columns;
      const cols = columns.map((c) => `"${c}"`).join(', ');
      const keyAt = columns.indexOf(t.key);
      let last: Scalar | undefined;
      let any = false;
      for (;;) {
        const r = await client.query({
          text: `SELECT ${cols} FROM ${t.table}${last === undefined ? '' : ` WHERE "${t.key}" > $2`} ORDER BY "${t.key}" LIMIT $1`,
          values: last === undefined ? [chunkRows] : [chunkRows, last],
          rowMode: 'array',
        });
        const rows = r.rows as Scalar[][];
        if (rows.length > 0 || !any) yield { table: t.table, columns, rows };
        any = true;
        if (rows.length < chunkRows) break;
        last = rows[rows.length - 1]?.[keyAt];
      }
    }
    await client.query('COMMIT');
  } catch (e) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw e;
  }
}

/** The columns of a table as PostgreSQL declares them. */
export async function pgColumnTypes(client: pg.ClientBase, table: string): Promise<Map<string, ColumnType>> {
  const r = await client.query(
    'SELECT column_name AS name, data_type AS type, is_nullable AS nullable, column_default AS dflt FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = $1',
    [table],
  );
  const family = (t: string): ColumnType['type'] => (/int/i.test(t) ? 'integer' : /double|real|numeric/i.test(t) ? 'real' : 'text');
  return new Map(
    (r.rows as { name: string; type: string; nullable: string; dflt: string | null }[]).map((c) => [
      c.name,
      { type: family(c.type), required: c.nullable === 'NO' && c.dflt === null },
    ]),
  );
}

/** Inserts at most this many values per statement (PostgreSQL allows 65,535 parameters). */
const MAX_PARAMS = 30_000;

/** Runs inside the caller's write unit, on its connection. */
export async function importIntoPg(
  client: pg.ClientBase,
  tables: ReadonlyMap<string, AnyTableDef>,
  chunks: AsyncIterable<ImportChunk> | Iterable<ImportChunk>,
  keep: readonly string[],
): Promise<{ tables: number; rows: number; changed: string[] }> {
  await client.query('SET CONSTRAINTS ALL DEFERRED');
  const replaced = [...tables.values()].filter((d) => !keep.includes(d.table));
  // children before parents: access_keys refers to accounts
  for (const d of [...replaced].reverse()) await client.query(`DELETE FROM ${d.table}`);
  const types = new Map<string, Map<string, ColumnType>>();
  for (const d of replaced) types.set(d.table, await pgColumnTypes(client, d.table));
  const seen = new Map<string, number>();
  let total = 0;
  for await (const c of chunks) {
    if (keep.includes(c.table)) continue;
    const offset = seen.get(c.table) ?? 0;
    checkRows({ [c.table]: c.rows }, tables, (name) => types.get(name) ?? new Map(), offset);
    // rows with the same columns go in one statement
    const groups = new Map<string, Record<string, Scalar>[]>();
    for (const row of c.rows) {
      const shape = Object.keys(row).join(',');
      let g = groups.get(shape);
      if (!g) groups.set(shape, (g = []));
      g.push(row);
    }
    for (const [shape, rows] of groups) {
      const cols = shape.split(',');
      const per = Math.max(1, Math.floor(MAX_PARAMS / cols.length));
      for (let i = 0; i < rows.length; i += per) {
        const batch = rows.slice(i, i + per);
        const values: Scalar[] = [];
        const tuples = batch.map((row) => {
          const marks = cols.map((x) => {
            const v = row[x] as Scalar;
            values.push(typeof v === 'boolean' ? (v ? 1 : 0) : v);
            return `$${values.length}`;
          });
          return `(${marks.join(', ')})`;
        });
        await client.query(`INSERT INTO ${c.table} (${cols.map((x) => `"${x}"`).join(', ')}) VALUES ${tuples.join(', ')}`, values);
      }
    }
    seen.set(c.table, offset + c.rows.length);
    total += c.rows.length;
  }
  return { tables: seen.size, rows: total, changed: replaced.map((d) => d.table) };
}
