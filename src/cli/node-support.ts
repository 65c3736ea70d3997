// Which Node.js versions LocalVPC runs on: those better-sqlite3 12 (its one native dependency)
// supports, as its package.json's engines say (20.x || 22.x || 23.x || 24.x || 25.x || 26.x).
// A version past the newest is let through: better-sqlite3 reports it when it cannot load.

export const SUPPORTED_NODE_MAJORS: readonly number[] = [20, 22, 23, 24, 25, 26];

/** Undefined when this Node.js version is supported; otherwise the one line to tell the user. */
export function nodeSupportProblem(version: string): string | undefined {
  const major = Number(/^v?(\d+)\./.exec(version)?.[1] ?? NaN);
  if (!Number.isFinite(major)) return undefined;
  const newest = Math.max(...SUPPORTED_NODE_MAJORS);
  if (SUPPORTED_NODE_MAJORS.includes(major) || major > newest) return undefined;
  return `LocalVPC needs Node.js ${SUPPORTED_NODE_MAJORS.join(', ')} (those better-sqlite3 12 supports); this is Node.js ${version.replace(/^v/, '')}. Install Node.js 22 (e.g. nvm install 22) and run it again.`;
}

/** A failure to load better-sqlite3's native module, as one line the user can act on; undefined for any other error. */
export function nativeLoadProblem(e: unknown): string | undefined {
  const err = e as { code?: unknown; message?: unknown };
  const message = typeof err.message === 'string' ? err.message : '';
  if (err.code !== 'ERR_DLOPEN_FAILED' && !/NODE_MODULE_VERSION|better_sqlite3\.node|Could not locate the bindings file/.test(message))
    return undefined;
  return `better-sqlite3's native module does not load on Node.js ${process.versions.node} (${message.split('\n')[0] ?? ''}); run "npm rebuild better-sqlite3" where localvpc is installed (building it needs python3, make and g++).`;
}
