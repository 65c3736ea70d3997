// One server per data directory: an exclusive lock file (`<dataDir>/localvpc.lock`, holding the
// PID, and the URL once listening) taken before anything else, removed at exit. A lock left by a
// process that is gone (killed) is taken over; one held by a live LocalVPC refuses the start with a
// message naming it. Two servers on one directory would each cache nonces and transitions of
// their own, and one's start overwrote the other's admin token.
// Known gap: a lock held by a live process on another machine (a shared network folder) looks
// stale here when the PID is free locally.
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, renameSync, unlinkSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { HostError } from '../core/host-error.js';

export interface DataLock {
  readonly file: string;
  /** Records where the server listens (shown to a second start). */
  listening(url: string): void;
  release(): void;
}

interface Holder {
  pid: number;
  url?: string;
  startedAt?: string;
}

function readHolder(file: string): Holder | undefined {
  try {
    const v = JSON.parse(readFileSync(file, 'utf8')) as Partial<Holder>;
    return typeof v.pid === 'number' ? { pid: v.pid, url: v.url, startedAt: v.startedAt } : undefined;
  } catch {
    return undefined;
  }
}

/** Whether `pid` is a live process that can be a LocalVPC (a Node process). */
function alive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  const cmdline = `/proc/${pid}/cmdline`;
  if (!existsSync(cmdline)) return true; // no /proc: trust the PID
  try {
    const cmd = readFileSync(cmdline, 'utf8');
    return /node|localvpc/i.test(cmd);
  } catch {
    return true;
  }
}

export function lockDataDir(dir: string): DataLock {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'localvpc.lock');
  const write = (h: Holder): void => writeFileSync(file, JSON.stringify(h) + '\n');
  const me: Holder = { pid: process.pid, startedAt: new Date().toISOString() };
  for (let attempt = 0; ; attempt++) {
    try {
      const fd = openSync(file, 'wx');
      writeSync(fd, JSON.stringify(me) + '\n');
      closeSync(fd);
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST' || attempt >= 3) throw e;
    }
    const holder = readHolder(file);
    if (holder && alive(holder.pid)) {
      throw new HostError(
        `the data directory ${dir} is in use by another LocalVPC (pid ${holder.pid}${holder.url ? `, ${holder.url}` : ''}${holder.startedAt ? `, started ${holder.startedAt}` : ''}); ` +
          `stop it, or start this one with another --data (or --in-memory)`,
      );
    }
    // Left by a process that is gone: move it aside (only one taker can), then try again.
    const aside = `${file}.stale-${process.pid}`;
    try {
      renameSync(file, aside);
      unlinkSync(aside);
    } catch {
      // another start took it over first; the next attempt sees its lock
    }
  }
  const onExit = (): void => release();
  let released = false;
  function release(): void {
    if (released) return;
    released = true;
    process.removeListener('exit', onExit);
    if (readHolder(file)?.pid === process.pid) {
      try {
        unlinkSync(file);
      } catch {
        // gone already
      }
    }
  }
  process.on('exit', onExit);
  return {
    file,
    listening(url) {
      write({ ...me, url });
    },
    release,
  };
}
