// The servers under test, each a child process: LocalVPC (LOCALVPC_MAIN `serve --port 0`,
// in memory or on a data folder, port read from its stdout) and the ceilings
// (bench/ceiling-server.ts, forked, port over IPC). Every child is tracked and killed when the
// benchmark exits, however it exits; folders made by tempDir() are removed then too.
import { fork, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import type { CeilingConfig } from './ceiling-server.js';
import { processCpuSeconds, processRssMb } from './cpu.js';

export interface Child {
  port: number;
  pid: number;
  /** CPU seconds (user + system) the child has used so far; undefined where /proc is unavailable. */
  cpuSeconds(): number | undefined;
  /** The same, of its main thread only (Node's event loop). */
  mainThreadCpuSeconds(): number | undefined;
  /** Resident set size (VmRSS) now, MiB; undefined where /proc is unavailable. */
  rssMb(): number | undefined;
  /** Peak resident set size so far (VmHWM), MiB. */
  peakRssMb(): number | undefined;
  /** performance.now() when the process was spawned, and when it said it was listening. */
  spawnedAt: number;
  listeningAt: number;
  stop(): Promise<void>;
}

const live = new Set<ChildProcess>();
const tempDirs = new Set<string>();

/** Kills every child still running (SIGKILL) and removes their working folders; safe to call more than once. */
export function killAll(): void {
  for (const c of live) c.kill('SIGKILL');
  live.clear();
  for (const d of tempDirs) rmSync(d, { recursive: true, force: true });
  tempDirs.clear();
}
process.on('exit', killAll);

/** A new empty folder under the OS temp folder, removed when the benchmark exits. */
export function tempDir(prefix: string): string {
  const d = mkdtempSync(join(tmpdir(), prefix));
  tempDirs.add(d);
  return d;
}

const START_TIMEOUT_MS = 20_000;
const STOP_TIMEOUT_MS = 5_000;

/** Tracks a child so it is killed when the benchmark exits (before it is a Child: while starting). */
export function adopt(child: ChildProcess): void {
  live.add(child);
}

/** A child process as a Child (killed when the benchmark exits, however it exits). */
export function track(child: ChildProcess, port: number, times: { spawnedAt: number; listeningAt: number }, cleanup?: () => void): Child {
  live.add(child);
  const pid = child.pid as number;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  void exited.then(() => {
    live.delete(child);
    cleanup?.();
  });
  return {
    port,
    pid,
    cpuSeconds: () => processCpuSeconds(pid),
    mainThreadCpuSeconds: () => processCpuSeconds(pid, pid),
    rssMb: () => processRssMb(pid),
    peakRssMb: () => processRssMb(pid, 'VmHWM'),
    ...times,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
      await exited;
      clearTimeout(timer);
    },
  };
}

function startTimeout<T>(what: string, child: ChildProcess, p: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const t = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${what} did not start within ${START_TIMEOUT_MS} ms`));
    }, START_TIMEOUT_MS);
  });
  return Promise.race([p, t]).finally(() => clearTimeout(timer));
}

export interface LocalVpcOptions {
  /** More `serve` arguments (e.g. --durability off). */
  args?: string[];
  /** Node options for the child (e.g. ['--cpu-prof', '--cpu-prof-dir', dir]). */
  nodeArgs?: string[];
  /** Serve from this data folder (SQLite file, `--durability` default full) instead of `--in-memory`. */
  dataDir?: string;
  /** Serve from this store (`--store`, e.g. a postgres:// URL) instead. */
  store?: string;
  /** Admin token (`--token`). */
  token?: string;
  /** `--log-level`; unset, LocalVPC's default (info: one line per request, read and dropped by the benchmark as a terminal would show it). */
  logLevel?: string;
}

/**
 * The file `localvpc` runs: package.json's "bin" (the bundled dist/localvpc.mjs), or the tsc output
 * dist/src/cli/main.js when there is no bundle.
 */
export const LOCALVPC_MAIN = ((): string => {
  const root = new URL('../../', import.meta.url);
  try {
    const bin = (JSON.parse(readFileSync(new URL('package.json', root), 'utf8')) as { bin?: Record<string, string> }).bin?.localvpc;
    if (bin && existsSync(new URL(bin, root))) return fileURLToPath(new URL(bin, root));
  } catch {
    // no package.json: fall through
  }
  return fileURLToPath(new URL('../src/cli/main.js', import.meta.url));
})();

/** Starts LocalVPC (in memory unless dataDir) on a free port, from an empty working directory with no LOCALVPC_* variables. */
export async function startLocalVpc(o: LocalVpcOptions = {}): Promise<Child> {
  const main = LOCALVPC_MAIN;
  const cwd = mkdtempSync(join(tmpdir(), 'localvpc-bench-'));
  tempDirs.add(cwd);
  const cleanup = (): void => {
    rmSync(cwd, { recursive: true, force: true });
    tempDirs.delete(cwd);
  };
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('LOCALVPC_')));
  const storage = o.store ? ['--store', o.store] : o.dataDir ? ['--data', o.dataDir] : ['--in-memory'];
  const args = [
    ...(o.nodeArgs ?? []),
    main,
    'serve',
    ...storage,
    '--port',
    '0',
    ...(o.logLevel ? ['--log-level', o.logLevel] : []),
    ...(o.token ? ['--token', o.token] : []),
    ...(o.args ?? []),
  ];
  const spawnedAt = performance.now();
  const child = spawn(process.execPath, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
  live.add(child);
  let out = '';
  let err = '';
  let listeningAt = 0;
  child.stderr?.on('data', (c: Buffer) => (err = (err + c.toString()).slice(-4000)));
  const port = await startTimeout(
    'LocalVPC',
    child,
    new Promise<number>((resolve, reject) => {
      const untilListening = (c: Buffer): void => {
        out += c.toString();
        const m = /LocalVPC listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(out);
        if (m && !listeningAt) {
          listeningAt = performance.now();
          // From now on the log lines are read and dropped, as cheaply as a pipe can be drained.
          child.stdout?.off('data', untilListening);
          child.stdout?.on('data', () => undefined);
          resolve(Number(m[1]));
        }
        if (out.length > 100_000) out = out.slice(-4000);
      };
      child.stdout?.on('data', untilListening);
      child.once('exit', (code, signal) => {
        cleanup();
        reject(new Error(`LocalVPC exited (${code ?? signal}) before listening:\n${err}`));
      });
      child.once('error', reject);
    }),
  );
  return track(child, port, { spawnedAt, listeningAt }, cleanup);
}

/** Forks the HMAC ceiling server with its fixed secret and precomputed answer; `nodeArgs` as for LocalVPC (not inherited). */
export async function startCeiling(cfg: CeilingConfig, nodeArgs: string[] = []): Promise<Child> {
  const script = fileURLToPath(new URL('./ceiling-server.js', import.meta.url));
  const spawnedAt = performance.now();
  const child = fork(script, [], { execArgv: nodeArgs, stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  live.add(child);
  const port = await startTimeout(
    'ceiling',
    child,
    new Promise<number>((resolve, reject) => {
      child.once('message', (m) => resolve((m as { port: number }).port));
      child.once('exit', (code, signal) => reject(new Error(`ceiling exited (${code ?? signal}) before listening`)));
      child.once('error', reject);
      child.send(cfg);
    }),
  );
  return track(child, port, { spawnedAt, listeningAt: performance.now() });
}
