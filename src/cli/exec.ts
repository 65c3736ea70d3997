// `localvpc exec [serve options] -- <command...>`: starts a server, waits until it listens, runs
// the command with the settings a client needs in its environment (LOCALVPC_ENDPOINT, the SDKs'
// ALIBABA_CLOUD_ACCESS_KEY_ID / _SECRET, Terraform's ALICLOUD_*, the admin token), then stops the
// server and exits with the command's exit code (128 + the signal's number when a signal ended it,
// 127 when it could not be started). Like `firebase emulators:exec`, for CI jobs.
// Defaults differ from `serve` where a CI job wants them to: port 0 and log level warn (any flag,
// variable or config file overrides them), and state in memory unless a store or data folder is
// configured somewhere.
import { spawn } from 'node:child_process';
import { constants } from 'node:os';
import { ConfigError, DEFAULTS, loadConfig, type Config } from '../config/config.js';
import { startApp } from '../app/start.js';
import { clientEnv } from '../app/client-settings.js';

export const EXEC_HELP = `Usage: localvpc exec [serve options] -- <command> [arguments...]

Start LocalVPC, run the command against it, stop LocalVPC, and exit with the command's exit code.
The command gets in its environment:
  LOCALVPC_ENDPOINT, LOCALVPC_URL           the server (http://127.0.0.1:<port>)
  LOCALVPC_ADMIN_TOKEN                      the admin token (the localvpc CLI reads it)
  LOCALVPC_ACCOUNT_ID, LOCALVPC_REGION      the default account's AliUid, cn-hangzhou
  ALIBABA_CLOUD_ACCESS_KEY_ID, ALIBABA_CLOUD_ACCESS_KEY_SECRET, ALIBABA_CLOUD_REGION_ID
                                            the default account's key (Alibaba's credential providers)
  ALICLOUD_ACCESS_KEY, ALICLOUD_SECRET_KEY, ALICLOUD_REGION
                                            the same for Terraform's alicloud provider

Serve options as for localvpc serve (localvpc serve --help), with other defaults: --port 0,
--log-level warn, and state in memory unless --data, --store or --in-memory (or their variables
or config keys) say otherwise. A single argument after -- runs through the shell
(localvpc exec -- "npm test && npm run e2e").

Examples:
  npx localvpc exec -- npm test
  npx localvpc exec --profile instant -- node check.js
`;

/** What a child's end answers as an exit code. */
function exitCode(code: number | null, signal: NodeJS.Signals | null): number {
  if (code !== null) return code;
  return 128 + (signal ? (constants.signals[signal] ?? 0) : 0);
}

export async function exec(argv: string[]): Promise<number> {
  const dash = argv.indexOf('--');
  const command = dash < 0 ? [] : argv.slice(dash + 1);
  if (command.length === 0)
    throw new ConfigError('exec needs a command after --\nUsage: localvpc exec [serve options] -- <command> [arguments...]', true);
  const options = argv.slice(0, dash);
  let config: Config;
  try {
    config = loadConfig({ argv: options, env: process.env, cwd: process.cwd(), defaults: { port: 0, logLevel: 'warn' } });
  } catch (e) {
    if (e instanceof ConfigError && e.fromArgv)
      throw new ConfigError(`${e.message}\nUsage: localvpc exec [serve options] -- <command...> (localvpc exec --help)`);
    throw e;
  }
  // Nothing said where state goes: memory (a CI job starts from nothing and leaves nothing behind).
  if (config.store === undefined && !config.inMemory && config.dataDir === DEFAULTS.dataDir) {
    config.store = 'memory';
    config.inMemory = true;
  }
  const app = await startApp(config);
  const d = config.defaultAccount;
  const env = clientEnv({
    endpoint: app.url,
    aliUid: d.aliUid,
    accessKeyId: d.accessKeyId,
    accessKeySecret: d.accessKeySecret,
    region: 'cn-hangzhou',
    adminToken: app.adminToken,
  });
  process.stderr.write(
    `localvpc: LocalVPC at ${app.url} (${config.inMemory ? 'in memory' : config.dataDir}); running ${command.join(' ')}\n`,
  );
  const [file, ...args] = command as [string, ...string[]];
  const code = await new Promise<number>((resolve) => {
    const child = spawn(file, args, { stdio: 'inherit', env: { ...process.env, ...env }, shell: command.length === 1 });
    const forward = (signal: NodeJS.Signals) => () => void child.kill(signal);
    const onInt = forward('SIGINT');
    const onTerm = forward('SIGTERM');
    process.on('SIGINT', onInt);
    process.on('SIGTERM', onTerm);
    child.once('error', (e: NodeJS.ErrnoException) => {
      process.stderr.write(
        `localvpc: cannot run ${file}: ${e.code === 'ENOENT' ? 'no such command (is it installed and on the PATH?)' : e.message}\n`,
      );
      resolve(127);
    });
    child.once('exit', (c, signal) => {
      process.off('SIGINT', onInt);
      process.off('SIGTERM', onTerm);
      resolve(exitCode(c, signal));
    });
  });
  await app.close();
  return code;
}
