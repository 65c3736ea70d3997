// The `localvpc` binary as a user runs it: a child process per command against a test server.
import assert from 'node:assert/strict';
import { execFile, spawn, type ChildProcessByStdio } from 'node:child_process';
import type { Readable } from 'node:stream';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestServer } from './server.js';

/** The built `localvpc` binary (dist/localvpc.mjs, next to dist/test/). */
export const CLI = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'localvpc.mjs');

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** This process's environment with `srv`'s URL and admin token, then `env`: what the CLI needs to reach `srv`. */
export function cliEnv(srv: TestServer, env: Record<string, string> = {}): NodeJS.ProcessEnv {
  return { ...process.env, LOCALVPC_URL: srv.url, LOCALVPC_ADMIN_TOKEN: srv.app.adminToken, ...env };
}

/** Runs `localvpc <args>` against `srv` (its URL and admin token in the environment, then `env`). */
export function runCli(srv: TestServer, args: string[], env: Record<string, string> = {}): Promise<CliResult> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [CLI, ...args],
      // A timeout, so that a command that should fail but starts a server instead does not hang the suite.
      { env: cliEnv(srv, env), timeout: 30_000 },
      (err, stdout, stderr) => resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

/** Runs `localvpc <args> --json` against `srv`, asserts it succeeded and answers what it printed, parsed. */
export async function runCliJson(srv: TestServer, args: string[]): Promise<any> {
  const r = await runCli(srv, [...args, '--json']);
  assert.equal(r.code, 0, r.stderr);
  return JSON.parse(r.stdout);
}

export interface RunningCli {
  proc: ChildProcessByStdio<null, Readable, Readable>;
  /** What it has written to stdout so far. */
  out: () => string;
  /** What it has written to stderr so far. */
  err: () => string;
  /** Resolves with the exit code when the process has exited. */
  exited: Promise<number | null>;
}

/** Starts `localvpc <args>` in the background (`env`: its whole environment, this process's if left out), collecting what it writes. */
export function spawnCli(args: string[], env?: NodeJS.ProcessEnv): RunningCli {
  const proc = spawn(process.execPath, [CLI, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  proc.stdout.on('data', (c: Buffer) => (out += c.toString()));
  proc.stderr.on('data', (c: Buffer) => (err += c.toString()));
  const exited = new Promise<number | null>((resolve) => proc.once('exit', resolve));
  return { proc, out: () => out, err: () => err, exited };
}
