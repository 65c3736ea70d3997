// The `localvpc` binary as a user runs it: a child process per command against a test server.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
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

/** Runs `localvpc <args>` against `srv` (its URL and admin token in the environment, then `env`). */
export function runCli(srv: TestServer, args: string[], env: Record<string, string> = {}): Promise<CliResult> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [CLI, ...args],
      // A timeout, so that a command that should fail but starts a server instead does not hang the suite.
      { env: { ...process.env, LOCALVPC_URL: srv.url, LOCALVPC_ADMIN_TOKEN: srv.app.adminToken, ...env }, timeout: 30_000 },
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
