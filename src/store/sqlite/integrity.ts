// Damaged database files, caught at start instead of served: SQLite's own check of the file (when
// the last stop was not clean, or the file changed since), and a
// small state file beside it (`localvpc.db.state`) recording the last commit the store
// acknowledged, so a database that shrank to nothing, was replaced by an older copy, or lost its
// write-ahead log (and with it the last acknowledged writes) is refused rather than served as if
// nothing happened. `--accept-data-loss` starts anyway, from what the file holds.
//
// The commit count lives in the database (a table of the adapter's own, bumped in every commit);
// the state file is rewritten (atomically, by rename) shortly after commits and at shutdown, so it
// never claims more than is durable, and a check finds the database behind it only when writes
// were really lost. Known gap: with durability `normal` or `off` a power cut may lose the last
// commits by design; the state file may then be ahead, and the start asks for --accept-data-loss.
import { existsSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import type Database from 'better-sqlite3';
import { HostError } from '../../core/host-error.js';
import { StoreUnavailable } from '../port.js';

export interface StoreState {
  /** Commits acknowledged so far. */
  commits: number;
  pageCount: number;
  /** Whether the server that wrote it stopped cleanly. */
  clean: boolean;
  /** The database file's size after that clean stop (0 otherwise). */
  bytes: number;
  at: string;
}

export function statePath(dbPath: string): string {
  return `${dbPath}.state`;
}

export function readState(dbPath: string): StoreState | undefined {
  const file = statePath(dbPath);
  if (!existsSync(file)) return undefined;
  try {
    const v = JSON.parse(readFileSync(file, 'utf8')) as Partial<StoreState>;
    if (typeof v.commits !== 'number' || typeof v.pageCount !== 'number') return undefined;
    return {
      commits: v.commits,
      pageCount: v.pageCount,
      clean: v.clean === true,
      bytes: typeof v.bytes === 'number' ? v.bytes : 0,
      at: String(v.at ?? ''),
    };
  } catch {
    return undefined;
  }
}

export function writeState(dbPath: string, s: Omit<StoreState, 'at'>): void {
  const file = statePath(dbPath);
  writeFileSync(`${file}.tmp`, JSON.stringify({ ...s, at: new Date().toISOString() }) + '\n');
  renameSync(`${file}.tmp`, file);
}

/** What a SQLite error means for serving: a full disk, a damaged file, a failing disk, or none of these (a bug). */
export function storeFailure(e: unknown): StoreUnavailable | undefined {
  if (e instanceof StoreUnavailable) return e;
  const code = (e as { code?: unknown } | null)?.code;
  if (typeof code !== 'string' || !code.startsWith('SQLITE_')) return undefined;
  if (code === 'SQLITE_FULL')
    return new StoreUnavailable(
      'The request has failed because the disk holding the LocalVPC database is full; free some space and retry.',
      'full',
    );
  if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB')
    return new StoreUnavailable(
      `The request has failed because the LocalVPC database is damaged (${code}); see the server's log.`,
      'damaged',
    );
  if (code.startsWith('SQLITE_IOERR') || code.startsWith('SQLITE_CANTOPEN') || code.startsWith('SQLITE_READONLY'))
    return new StoreUnavailable(
      `The request has failed because the disk holding the LocalVPC database failed (${code}); retry later.`,
      'io',
    );
  return undefined;
}

const WHAT_TO_DO = (path: string) =>
  `Restore it from a backup or a snapshot export, or move it away (mv ${path} ${path}.damaged) to start with an empty store.`;

/**
 * Before opening: a database file that is gone or empty although the state file says it held
 * commits. Also says whether the file is exactly as a clean stop left it (same size, no log).
 */
export function checkBeforeOpen(path: string, acceptDataLoss: boolean): { state: StoreState | undefined; untouched: boolean } {
  const state = readState(path);
  const size = existsSync(path) ? statSync(path).size : -1;
  const untouched = state !== undefined && state.clean && state.bytes > 0 && size === state.bytes && !existsSync(`${path}-wal`);
  if (state && state.commits > 0 && size <= 0 && !acceptDataLoss) {
    throw new HostError(
      `${path} is ${size < 0 ? 'missing' : 'empty'}, but it held ${state.commits} commits (${state.pageCount} pages) when LocalVPC last ran (${statePath(path)}, ${state.at}). ` +
        `Restore it, or start with --accept-data-loss to begin with an empty store.`,
    );
  }
  return { state, untouched };
}

/**
 * After opening: SQLite's quick check of the whole file, unless the last server stopped cleanly
 * and the file is exactly as it left it (same size): the check reads every page, 200 ms and 18 MB
 * of page cache at 100k interfaces, for a file nothing has touched.
 */
export function checkFile(db: Database.Database, path: string, untouched: boolean): void {
  if (untouched) return;
  let rows: { quick_check: string }[];
  try {
    rows = db.pragma('quick_check') as { quick_check: string }[];
  } catch (e) {
    throw new HostError(`${path} is damaged: ${e instanceof Error ? e.message : String(e)}. ${WHAT_TO_DO(path)}`);
  }
  const problems = rows.map((r) => r.quick_check).filter((r) => r !== 'ok');
  if (problems.length > 0) throw new HostError(`${path} is damaged: ${problems.slice(0, 3).join('; ')}. ${WHAT_TO_DO(path)}`);
}

/** After opening: the database holds every commit the state file says was acknowledged. */
export function checkCommits(path: string, state: StoreState | undefined, commits: number, acceptDataLoss: boolean): void {
  if (!state || commits >= state.commits || acceptDataLoss) return;
  throw new HostError(
    `${path} holds ${commits} commits, but ${state.commits} were acknowledged when LocalVPC last ran (${statePath(path)}, ${state.at}): ` +
      `its write-ahead log (${path}-wal) is missing or was replaced, and the last ${state.commits - commits} commits are lost. ` +
      `Put the -wal file back, or start with --accept-data-loss to go on from what the file holds.`,
  );
}

/** A failure while opening the database, as the message a user can act on. */
export function openFailure(path: string, e: unknown): HostError | undefined {
  const f = storeFailure(e);
  if (!f) return undefined;
  const detail = e instanceof Error ? e.message : String(e);
  if (f.kind === 'damaged') return new HostError(`${path} is damaged: ${detail}. ${WHAT_TO_DO(path)}`);
  if (f.kind === 'full') return new HostError(`${path}: the disk is full (${detail}); free some space and start again`);
  return new HostError(`${path}: the disk failed (${detail})`);
}
