#!/usr/bin/env node
// The `localvpc` command as installed (dist/localvpc.mjs): checks the Node.js version before
// anything loads the native module, then loads the CLI (dist/cli.mjs). An unsupported version, or
// a native module built for another one, ends with one line saying what to do, not a stack trace.
import { nativeLoadProblem, nodeSupportProblem } from './node-support.js';

const problem = nodeSupportProblem(process.versions.node);
if (problem) {
  process.stderr.write(`localvpc: ${problem}\n`);
  process.exit(1);
}
// A path only the bundle has (dist/cli.mjs beside dist/localvpc.mjs); kept in a variable so that
// the compiler does not resolve it.
const cli = './cli.mjs';
import(cli).catch((e: unknown) => {
  const native = nativeLoadProblem(e);
  process.stderr.write(`localvpc: ${native ?? (e instanceof Error ? (e.stack ?? e.message) : String(e))}\n`);
  process.exit(1);
});
