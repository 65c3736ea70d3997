// The snapshot formats, named by `version`:
//   3 (written now): NDJSON, streamed. A header line {"format":"localvpc-snapshot","version":3,
//     "schema":{module:version},"exportedAt":...,"clock":...}; for each table a line
//     {"table":name,"columns":[...]}, then one line per row, an array of values in that column
//     order (or an object by column name); a last line {"end":true,"tables":n,"rows":m}. Read as
//     it arrives: memory stays flat.
//   2: one JSON document {format, version: 2, schema, exportedAt, clock, tables: {name: [rows]}}.
//   1: the same with `schemaVersion: 4` (before modules had their own migrations).
// All three are read; a snapshot of an older schema is migrated on the way in.
import type { ExportChunk, ImportChunk, Rows, Scalar } from '../../store/port.js';
import { AdminError, objectBody } from './router.js';

export const SNAPSHOT_FORMAT = 'localvpc-snapshot';
export const SNAPSHOT_VERSION = 3;
/** The schema every module had when version-1 snapshots were written. */
const LEGACY_SCHEMA_VERSION = 4;

export interface SnapshotHeader {
  format: string;
  version: number;
  schema: Record<string, number>;
  exportedAt: string;
  clock: number;
}

/** Version 2, a whole document (still written on request, `?version=2`). */
export interface SnapshotDocument extends SnapshotHeader {
  tables: Rows;
}

const invalid = (message: string): AdminError => new AdminError(400, 'InvalidSnapshot', message);

function isScalar(v: unknown): v is Scalar {
  return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';
}

function scalarRow(v: unknown, at: string): Record<string, Scalar> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw invalid(`${at} is not a row.`);
  const r: Record<string, Scalar> = {};
  for (const [k, x] of Object.entries(v)) {
    if (!isScalar(x)) throw invalid(`${at}.${k} is not a string, number or boolean.`);
    r[k] = x;
  }
  return r;
}

/** Version 3, line by line. */
export async function* writeNdjson(header: SnapshotHeader, chunks: AsyncIterable<ExportChunk>): AsyncGenerator<string> {
  yield JSON.stringify(header) + '\n';
  let table = '';
  let tables = 0;
  let rows = 0;
  for await (const c of chunks) {
    if (c.table !== table) {
      table = c.table;
      tables++;
      yield JSON.stringify({ table, columns: c.columns }) + '\n';
    }
    if (c.rows.length > 0) yield c.rows.map((r) => JSON.stringify(r)).join('\n') + '\n';
    rows += c.rows.length;
  }
  yield JSON.stringify({ end: true, tables, rows }) + '\n';
}

/** The lines of a stream (UTF-8), without their line ends; blank lines skipped. */
async function* lines(source: AsyncIterable<Buffer | string>): AsyncGenerator<string> {
  let rest = '';
  const decoder = new TextDecoder();
  for await (const part of source) {
    rest += typeof part === 'string' ? part : decoder.decode(part, { stream: true });
    let nl: number;
    while ((nl = rest.indexOf('\n')) >= 0) {
      const line = rest.slice(0, nl).trim();
      rest = rest.slice(nl + 1);
      if (line) yield line;
    }
  }
  rest += decoder.decode();
  if (rest.trim()) yield rest.trim();
}

/** The header of a version-3 stream and its rows in chunks; the chunks throw InvalidSnapshot on a bad line. */
export async function readNdjson(
  source: AsyncIterable<Buffer | string>,
  chunkRows = 1000,
): Promise<{ header: SnapshotHeader; chunks: AsyncGenerator<ImportChunk> }> {
  const it = lines(source)[Symbol.asyncIterator]();
  const first = await it.next();
  if (first.done) throw invalid('The body is empty.');
  const header = parseLine(first.value, 1);
  const h = objectBody(header, ['format', 'version', 'schema', 'exportedAt', 'clock']);
  if (h.format !== SNAPSHOT_FORMAT || h.version !== 3)
    throw invalid(`The first line is not the header of a ${SNAPSHOT_FORMAT} stream of version 3.`);
  const schema = schemaOf(h.schema);
  async function* chunks(): AsyncGenerator<ImportChunk> {
    let table: string | undefined;
    let columns: string[] | undefined;
    let rows: Record<string, Scalar>[] = [];
    let n = 1;
    let counted = 0;
    const tables = new Set<string>();
    let ended = false;
    for (let r = await it.next(); !r.done; r = await it.next()) {
      n++;
      if (ended) throw invalid(`Line ${n}: nothing may follow the end line.`);
      const v = parseLine(r.value, n);
      if (Array.isArray(v)) {
        if (!table || !columns) throw invalid(`Line ${n}: a row as an array needs a table line with its columns first.`);
        if (v.length !== columns.length) throw invalid(`Line ${n}: ${v.length} values for ${columns.length} columns.`);
        const row: Record<string, Scalar> = {};
        columns.forEach((c, i) => {
          const x: unknown = v[i];
          if (!isScalar(x)) throw invalid(`Line ${n}: the value of ${c} is not a string, number or boolean.`);
          row[c] = x;
        });
        rows.push(row);
        counted++;
      } else if (typeof v === 'object' && v !== null && 'table' in v) {
        if (table && rows.length) yield { table, rows };
        rows = [];
        const t = v as { table: unknown; columns?: unknown };
        if (typeof t.table !== 'string') throw invalid(`Line ${n}: "table" must be a name.`);
        if (t.columns !== undefined && (!Array.isArray(t.columns) || !t.columns.every((c) => typeof c === 'string')))
          throw invalid(`Line ${n}: "columns" must be a list of names.`);
        table = t.table;
        columns = t.columns;
        tables.add(table);
        yield { table, rows: [] };
      } else if (typeof v === 'object' && v !== null && 'end' in v) {
        if (table && rows.length) yield { table, rows };
        rows = [];
        const e = v as { tables?: unknown; rows?: unknown };
        if (e.rows !== undefined && e.rows !== counted)
          throw invalid(`The end line counts ${JSON.stringify(e.rows)} rows; ${counted} arrived.`);
        if (e.tables !== undefined && e.tables !== tables.size)
          throw invalid(`The end line counts ${JSON.stringify(e.tables)} tables; ${tables.size} arrived.`);
        ended = true;
        continue;
      } else {
        if (!table) throw invalid(`Line ${n}: a row before any table line.`);
        rows.push(scalarRow(v, `Line ${n}`));
        counted++;
      }
      if (table && rows.length >= chunkRows) {
        yield { table, rows };
        rows = [];
      }
    }
    if (table && rows.length) yield { table, rows };
  }
  return {
    header: {
      format: SNAPSHOT_FORMAT,
      version: 3,
      schema,
      exportedAt: typeof h.exportedAt === 'string' ? h.exportedAt : '',
      clock: Number(h.clock ?? 0),
    },
    chunks: chunks(),
  };
}

function parseLine(text: string, n: number): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw invalid(`Line ${n} is not JSON.`);
  }
}

function schemaOf(v: unknown): Record<string, number> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw invalid('"schema" must map modules to versions.');
  const out: Record<string, number> = {};
  for (const [k, x] of Object.entries(v)) {
    if (typeof x !== 'number') throw invalid(`"schema.${k}" must be a version number.`);
    out[k] = x;
  }
  return out;
}

/** A version-1 or version-2 document: its schema and its rows as chunks (one per table). */
export function readDocument(doc: unknown, modules: readonly string[]): { schema: Record<string, number>; chunks: ImportChunk[] } {
  const b = objectBody(doc, ['format', 'version', 'schema', 'schemaVersion', 'exportedAt', 'clock', 'tables']);
  if (b.format !== SNAPSHOT_FORMAT) throw invalid(`Not a ${SNAPSHOT_FORMAT} document.`);
  let schema: Record<string, number>;
  if (b.version === 2) schema = schemaOf(b.schema);
  else if (b.version === 1) {
    if (b.schemaVersion !== LEGACY_SCHEMA_VERSION)
      throw invalid(
        `The snapshot is of schema ${String(b.schemaVersion)}; version-1 snapshots of schema ${LEGACY_SCHEMA_VERSION} only are read.`,
      );
    schema = Object.fromEntries(modules.map((m) => [m, 1]));
  } else if (b.version === 3) throw invalid('A version-3 snapshot is NDJSON: send it with content-type application/x-ndjson.');
  else throw invalid(`Not a ${SNAPSHOT_FORMAT} document of version 1, 2 or 3.`);
  const tables = b.tables;
  if (typeof tables !== 'object' || tables === null || Array.isArray(tables))
    throw invalid('"tables" must map table names to arrays of rows.');
  const chunks: ImportChunk[] = [];
  for (const [name, list] of Object.entries(tables)) {
    if (!Array.isArray(list)) throw invalid(`"tables.${name}" must be an array of rows.`);
    chunks.push({ table: name, rows: list.map((row: unknown, i) => scalarRow(row, `tables.${name}[${i}]`)) });
  }
  return { schema, chunks };
}
