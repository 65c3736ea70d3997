#!/usr/bin/env node
// `localvpc`: the command line, noun then verb. `serve` starts the emulator; every other command
// is a thin client of the admin API of a running server.
// Exit codes: 0 done, 1 the server refused (4xx/5xx), 2 usage error, 3 server unreachable.
import { ConfigError, loadConfig, KEYS } from '../config/config.js';
import { startApp } from '../app/start.js';
import { SeedError } from '../app/seed.js';
import { parseArgs, UsageError } from './args.js';
import { ApiRefused, call, target, Unreachable } from './client.js';
import { COMMANDS, type Command } from './commands.js';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The package version, from the nearest package.json above this file (compiled or bundled). */
function version(): string {
  for (let dir = dirname(fileURLToPath(import.meta.url)); dir !== dirname(dir); dir = dirname(dir)) {
    const f = join(dir, 'package.json');
    if (existsSync(f)) return (JSON.parse(readFileSync(f, 'utf8')) as { version: string }).version;
  }
  return 'unknown';
}

const COMMON = `Options of every admin command:
  --url URL      server (default $LOCALVPC_URL or http://127.0.0.1:8080)
  --token TOKEN  admin token (default $LOCALVPC_ADMIN_TOKEN or ./.localvpc/admin-token)
  --json         print the API's JSON answer
  --help         help`;

function usageOf(c: Command): string {
  return `localvpc ${[c.noun, c.verb, c.args].filter(Boolean).join(' ')}`;
}

function help(noun?: string): string {
  const list = COMMANDS.filter((c) => !noun || c.noun === noun);
  const width = Math.max(...list.map((c) => [c.noun, c.verb].filter(Boolean).join(' ').length)) + 2;
  return [
    'Usage: localvpc <command> [options]',
    '',
    'Commands:',
    ...(noun ? [] : ['  serve'.padEnd(width + 2) + 'Start the emulator (localvpc serve --help)']),
    ...list.map((c) => `  ${[c.noun, c.verb].filter(Boolean).join(' ').padEnd(width)}${c.summary}`),
    '',
    COMMON,
    '',
  ].join('\n');
}

const SERVE_HELP = `Usage: localvpc serve [options]

Start the emulator (default: 127.0.0.1:8080, SQLite under ./.localvpc/).

Options:
  --config <file>   JSON config file (default ./localvpc.config.json when present)
${KEYS.map((k) => `  ${(k.flag + (k.kind === 'bool' ? '' : ' <value>')).padEnd(34)}${k.doc.split('. ')[0]} [${k.env}]`).join('\n')}
`;

async function serve(argv: string[]): Promise<void> {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(SERVE_HELP);
    return;
  }
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
      `  admin token:     ${app.adminToken}${app.adminTokenFile ? ` (also in ${app.adminTokenFile})` : ''}`,
      `  transitions:     ${config.transitionProfile}${config.transitionProfile === 'fast' ? ` (${config.transitionDelayMs} ms)` : ''}`,
      '',
    ].join('\n'),
  );
  let closing = false;
  const stop = (signal: string): void => {
    if (closing) return;
    closing = true;
    app.logger.info({ signal }, 'shutting down');
    app.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

/** Pulls --url, --token, --data (with a value) and --json out of argv, wherever they stand. */
function extractGlobals(argv: string[]): { rest: string[]; globals: [string, string | true][] } {
  const rest: string[] = [];
  const globals: [string, string | true][] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    const m = /^--(url|token|data)(?:=(.*))?$/.exec(a);
    if (m) {
      const v = m[2] ?? argv[++i];
      if (v === undefined) throw new UsageError(`--${m[1]} needs a value`);
      globals.push([m[1] as string, v]);
    } else if (a === '--json') {
      globals.push(['json', true]);
    } else {
      rest.push(a);
    }
  }
  return { rest, globals };
}

async function admin(all: string[]): Promise<number> {
  let extracted: ReturnType<typeof extractGlobals>;
  try {
    extracted = extractGlobals(all);
  } catch (e) {
    process.stderr.write(`localvpc: ${(e as Error).message}\n`);
    return 2;
  }
  const [noun, maybeVerb, ...rest] = extracted.rest;
  const nounCommands = COMMANDS.filter((c) => c.noun === noun);
  if (nounCommands.length === 0) {
    process.stderr.write(`localvpc: unknown command "${noun}"\n\n${help()}`);
    return 2;
  }
  const direct = nounCommands.find((c) => c.verb === '');
  const command = direct ?? nounCommands.find((c) => c.verb === maybeVerb);
  const args = direct ? [maybeVerb, ...rest].filter((x): x is string => x !== undefined) : rest;
  if (!command) {
    if (maybeVerb !== undefined && maybeVerb !== '--help' && maybeVerb !== '-h')
      process.stderr.write(`localvpc: unknown command "${noun} ${maybeVerb}"\n\n`);
    process.stdout.write(help(noun));
    return maybeVerb === undefined || maybeVerb === '--help' || maybeVerb === '-h' ? 0 : 2;
  }
  const p = parseArgs(args, ['json', 'help', ...(command.booleans ?? [])]);
  for (const [k, v] of extracted.globals) p.flags.set(k, v);
  if (p.flags.has('help')) {
    process.stdout.write(`Usage: ${usageOf(command)}\n\n${command.summary}\n\n${COMMON}\n`);
    return 0;
  }
  const json = p.flags.has('json');
  try {
    const req = command.request(p);
    const result = await call(target(p.flags, process.env), req.method, req.path, req.body);
    process.stdout.write((json || !command.print ? JSON.stringify(result, null, 2) : command.print(result, p)) + '\n');
    return 0;
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`localvpc: ${e.message}\nUsage: ${usageOf(command)}\n`);
      return 2;
    }
    if (e instanceof ApiRefused) {
      const err = (e.body as { error?: { code: string; message: string } }).error;
      if (json) process.stdout.write(JSON.stringify(e.body, null, 2) + '\n');
      process.stderr.write(`localvpc: ${err ? `${err.code}: ${err.message}` : `HTTP ${e.status}`}\n`);
      return 1;
    }
    if (e instanceof Unreachable) {
      process.stderr.write(`localvpc: ${e.message}\n`);
      return 3;
    }
    throw e;
  }
}

async function main(): Promise<void> {
  const [command, ...rest] = process.argv.slice(2);
  if (command === 'serve') return serve(rest);
  if (command === undefined || command === 'help' || command === '--help' || command === '-h' || command === '--version') {
    if (command === '--version') {
      process.stdout.write(`localvpc ${version()}\n`);
      return;
    }
    process.stdout.write(help());
    return;
  }
  process.exitCode = await admin(process.argv.slice(2));
}

main().catch((e: unknown) => {
  if (e instanceof ConfigError || e instanceof SeedError) {
    process.stderr.write(`localvpc: ${e.message}\n`);
    process.exitCode = 2;
  } else {
    process.stderr.write(`localvpc: ${(e as Error).stack ?? String(e)}\n`);
    process.exitCode = 1;
  }
});
