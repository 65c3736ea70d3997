// The package's main entry as installed (dist/index.mjs): checks the Node.js version before
// anything loads the native module, then loads the API (dist/api.mjs, the bundle of ./index.ts).
// An unsupported version, or a native module built for another one, is one clear error, not a
// crash inside better-sqlite3. Its types are those of ./index.ts (dist/types/lib/index.d.ts).
import { nativeLoadProblem, nodeSupportProblem } from '../cli/node-support.js';
import type * as Api from './index.js';

const problem = nodeSupportProblem(process.versions.node);
if (problem) throw new Error(`localvpc: ${problem}`);
// A path only the bundle has (dist/api.mjs beside dist/index.mjs), kept from the compiler.
const path = './api.mjs';
const api = (await import(path).catch((e: unknown) => {
  const native = nativeLoadProblem(e);
  throw native ? new Error(`localvpc: ${native}`) : e;
})) as typeof Api;

export const { startLocalVpc, AdminClient, AdminApiError, clientEnv, terraformBlock } = api;
