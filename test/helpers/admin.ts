// Calls the admin API of a test server, with its token unless told otherwise.
import type { TestServer } from './server.js';

export async function admin(
  srv: TestServer,
  method: string,
  path: string,
  body?: unknown,
  token: string | null = srv.app.adminToken,
): Promise<{ status: number; body: any }> {
  const res = await fetch(srv.url + path, {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    /* text */
  }
  return { status: res.status, body: parsed };
}

export type ExportedTables = Record<string, Record<string, string | number>[]>;

/**
 * The state as GET /_localvpc/snapshots/export streams it (NDJSON, format version 3), read back
 * into rows by table: the header first, then per table its line and its rows (arrays in the
 * table line's column order), then the end line whose counts must match.
 */
export async function exportedTables(url: string, token: string): Promise<ExportedTables> {
  const res = await fetch(`${url}/_localvpc/snapshots/export`, { headers: { authorization: `Bearer ${token}` } });
  if (res.status !== 200) throw new Error(`export answered ${res.status}: ${await res.text()}`);
  if (!/application\/x-ndjson/.test(res.headers.get('content-type') ?? '')) throw new Error('export is not NDJSON');
  const lines = (await res.text()).split('\n').filter((l) => l.trim() !== '');
  const header = JSON.parse(lines[0] ?? '{}') as { format?: string; version?: number };
  if (header.format !== 'localvpc-snapshot' || header.version !== 3) throw new Error(`not a version-3 header: ${lines[0]}`);
  const tables: ExportedTables = {};
  let current: { name: string; columns: string[] } | undefined;
  let rows = 0;
  for (const line of lines.slice(1)) {
    const v = JSON.parse(line) as unknown;
    if (Array.isArray(v)) {
      if (!current) throw new Error('a row before its table line');
      const cols = current.columns;
      (tables[current.name] as Record<string, string | number>[]).push(
        Object.fromEntries(cols.map((c, i) => [c, v[i] as string | number])),
      );
      rows++;
    } else if (typeof v === 'object' && v !== null && 'table' in v) {
      const t = v as { table: string; columns: string[] };
      current = { name: t.table, columns: t.columns };
      tables[t.table] = [];
    } else if (typeof v === 'object' && v !== null && 'end' in v) {
      const e = v as unknown as { tables: number; rows: number };
      if (e.rows !== rows || e.tables !== Object.keys(tables).length) throw new Error(`end line ${line} does not match ${rows} rows`);
    }
  }
  return tables;
}
