#!/usr/bin/env node
// `localvpc`: the command line. `serve` starts the emulator; the admin commands come with the admin API.
import { ConfigError, loadConfig, KEYS } from '../config/config.js';
import { startApp } from '../server/app.js';

const HELP = `Usage: localvpc <command> [options]

Commands:
  serve     Start the emulator (default: 127.0.0.1:8080, SQLite under ./.localvpc/)
  help      Show this help

Options of serve:
  --config <file>   JSON config file (default ./localvpc.config.json when present)
${KEYS.map((k) => `  ${(k.flag + (k.kind === 'bool' ? '' : ' <value>')).padEnd(34)}${k.doc.split('. ')[0]} [${k.env}]`).join('\n')}
`;

async function serve(argv: string[]): Promise<void> {
  const config = loadConfig({ argv, env: process.env, cwd: process.cwd() });
  const app = await startApp(config);
  const d = config.defaultAccount;
  process.stdout.write(
    [
      `LocalVPC listening on ${app.url}`,
      `  storage:         ${config.inMemory ? 'in memory' : `${config.dataDir}/localvpc.db`} (durability ${config.durability})`,
      `  AliUid:          ${d.aliUid}`,
      `  AccessKeyId:     ${d.accessKeyId}`,
      `  AccessKeySecret: ${d.accessKeySecret}`,
      '',
    ].join('\n'),
  );
  let closing = false;
  const stop = (signal: string): void => {
    if (closing) return;
    closing = true;
    app.logger.info({ signal }, 'shutting down');
    app.close().then(() => process.exit(0), () => process.exit(1));
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

async function main(): Promise<void> {
  const [command, ...rest] = process.argv.slice(2);
  switch (command) {
    case 'serve':
      return serve(rest);
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      process.stdout.write(HELP);
      return;
    default:
      process.stderr.write(`localvpc: unknown command "${command}"\n\n${HELP}`);
      process.exitCode = 2;
  }
}

main().catch((e: unknown) => {
  if (e instanceof ConfigError) {
    process.stderr.write(`localvpc: ${e.message}\n`);
    process.exitCode = 2;
  } else {
    process.stderr.write(`localvpc: ${(e as Error).stack ?? String(e)}\n`);
    process.exitCode = 1;
  }
});
