// CPU and memory accounting from Linux /proc (undefined elsewhere): CPU seconds and resident
// memory (VmRSS) of one process, and CPU seconds of the whole machine, so a run can tell how busy
// the server, the load generator and everything else were (another process busy on a 2-core
// machine makes the figures noisy).
import { readFileSync } from 'node:fs';

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

/** User + system CPU seconds of process `pid` so far (of its thread `tid` only, when given: the main thread's tid is the pid). */
export function processCpuSeconds(pid: number, tid?: number): number | undefined {
  try {
    const stat = readFileSync(tid === undefined ? `/proc/${pid}/stat` : `/proc/${pid}/task/${tid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // Fields 14 (utime) and 15 (stime) of proc(5); the slice starts at field 3.
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
  } catch {
    return undefined;
  }
}

/** Busy (not idle, not iowait) CPU seconds of the whole machine since boot, summed over cores. */
export function machineBusySeconds(): number | undefined {
  try {
    const line = readFileSync('/proc/stat', 'utf8').split('\n', 1)[0] ?? '';
    const t = line.trim().split(/\s+/).slice(1, 9).map(Number); // user nice system idle iowait irq softirq steal
    if (t.length < 8 || t.some(Number.isNaN)) return undefined;
    const total = t.reduce((a, b) => a + b, 0);
    return (total - (t[3] ?? 0) - (t[4] ?? 0)) / TICKS_PER_SECOND;
  } catch {
    return undefined;
  }
}

/** Resident set size (VmRSS of /proc/<pid>/status; its peak with `field` VmHWM) of process `pid`, in MiB. */
export function processRssMb(pid: number, field: 'VmRSS' | 'VmHWM' = 'VmRSS'): number | undefined {
  try {
    const m = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : undefined;
  } catch {
    return undefined;
  }
}
