// A LocalVPC server in a child process (`localvpc serve`), for tests that kill it.
import { spawn, type ChildProcess } from 'node:child_process';
import { CLI } from './cli.js';

export const TEST_TOKEN = 'test-admin-token';

export interface ChildServer {
  proc: ChildProcess;
  port: number;
  url: string;
  pid: number;
  /** Resolves when the process has exited. */
  exited: Promise<number | null>;
  kill(signal?: NodeJS.Signals): Promise<void>;
}

export async function spawnServer(dataDir: string, args: string[] = []): Promise<ChildServer> {
  const proc = spawn(
    process.execPath,
    [CLI, 'serve', '--port', '0', '--data', dataDir, '--log-level', 'warn', '--token', TEST_TOKEN, ...args],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const exited = new Promise<number | null>((resolve) => proc.once('exit', (code) => resolve(code)));
  let out = '';
  let err = '';
  proc.stderr?.on('data', (c: Buffer) => (err += c.toString()));
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start: ${out} ${err}`)), 15_000);
    proc.stdout?.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    });
    void exited.then((code) => reject(new Error(`server exited (${code}) before listening: ${out} ${err}`)));
  });
  proc.stdout?.resume();
  return {
    proc,
    port,
    url: `http://127.0.0.1:${port}`,
    pid: proc.pid as number,
    exited,
    async kill(signal = 'SIGKILL') {
      if (proc.exitCode === null && proc.signalCode === null) proc.kill(signal);
      await exited;
    },
  };
}

/** Runs `localvpc serve` expecting it to fail at start: its exit code and what it wrote to stderr. */
export async function failedStart(dataDir: string, args: string[] = []): Promise<{ code: number | null; stderr: string }> {
  const proc = spawn(process.execPath, [CLI, 'serve', '--port', '0', '--data', dataDir, '--log-level', 'warn', ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  let stdout = '';
  proc.stderr?.on('data', (c: Buffer) => (stderr += c.toString()));
  proc.stdout?.on('data', (c: Buffer) => (stdout += c.toString()));
  const timer = setTimeout(() => proc.kill('SIGKILL'), 15_000);
  const code = await new Promise<number | null>((resolve) => proc.once('exit', (c) => resolve(c)));
  clearTimeout(timer);
  if (/listening on/.test(stdout)) throw new Error(`the server started: ${stdout}`);
  return { code, stderr };
}
