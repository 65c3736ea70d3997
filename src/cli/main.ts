#!/usr/bin/env node
// `localvpc`: the command line, noun then verb. `serve` starts the emulator; every other command
// is a thin client of the admin API of a running server.
// Exit codes: 0 done, 1 the server refused (4xx/5xx), 2 usage error, 3 server unreachable.
// Every command is parsed strictly: an unknown command or flag, a missing or ill-typed value, or
// an extra argument is a usage error (exit 2), with a did-you-mean when a known name is close.
import { ConfigError, DEFAULT_CONFIG_FILES, envWarnings, loadConfig, KEYS } from '../config/config.js';
import { startApp } from '../app/start.js';
import { SeedError, type SeedOutcome } from '../app/seed.js';
import { HostError } from '../core/host-error.js';
import { parseArgs, UsageError, type FlagSpec } from './args.js';
import { ApiRefused, call, download, target, Unreachable, upload } from './client.js';
import type { Command } from './commands.js';
import { ALL_COMMANDS as COMMANDS } from './all-commands.js';
import { packageVersion as version } from './version.js';
import { exec, EXEC_HELP } from './exec.js';
import { didYouMean } from '../core/suggest.js';

const COMMON = `Options of every admin command:
  --url URL      server (default $LOCALVPC_URL or http://127.0.0.1:8080)
  --token TOKEN  admin token (default $LOCALVPC_ADMIN_TOKEN or <data>/admin-token)
  --data DIR     the server's data folder, where its admin-token is (default ./.localvpc)
  --json         print the API's JSON answer
  --help         help`;

/** The options every admin command takes, wherever they stand on the line. */
const GLOBAL_FLAGS: Readonly<Record<string, FlagSpec>> = {
  url: { kind: 'text' },
  token: { kind: 'text' },
  data: { kind: 'text' },
  json: { kind: 'bool' },
  help: { kind: 'bool' },
};

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
    ...(noun
      ? []
      : [
          '  serve'.padEnd(width + 2) + 'Start the emulator (localvpc serve --help)',
          '  exec'.padEnd(width + 2) + 'Start the emulator, run a command against it, stop (localvpc exec --help)',
        ]),
    ...list.map((c) => `  ${[c.noun, c.verb].filter(Boolean).join(' ').padEnd(width)}${c.summary}`),
    '',
    COMMON,
    '',
  ].join('\n');
}

const SERVE_HELP = `Usage: localvpc serve [options]

Start the emulator (default: 127.0.0.1:8080, SQLite under ./.localvpc/).

Options:
  --config <file>   JSON or YAML config file (default ${DEFAULT_CONFIG_FILES.map((f) => `./${f}`).join(', ')} when present)
${KEYS.map((k) => `  ${(k.flag + (k.kind === 'bool' ? '' : ' <value>')).padEnd(34)}${k.doc.split('. ')[0]} [${k.env}]`).join('\n')}
`;

async function serve(argv: string[]): Promise<void> {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(SERVE_HELP);
    return;
  }
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig({ argv, env: process.env, cwd: process.cwd() });
  } catch (e) {
    if (e instanceof ConfigError && e.fromArgv)
      throw new ConfigError(`${e.message}\nUsage: localvpc serve [options] (localvpc serve --help lists them)`);
    throw e;
  }
  const app = await startApp(config);
  // Stop cleanly on a signal from now on (before the banner: whoever reads it may signal at once).
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
  const d = config.defaultAccount;
  process.stdout.write(
    [
      `LocalVPC listening on ${app.url}`,
      app.store.kind === 'postgres'
        ? `  storage:         PostgreSQL (every node on this database is one emulator)`
        : `  storage:         ${config.inMemory ? 'in memory' : `${config.dataDir}/localvpc.db`} (durability ${config.durability})`,
      `  AliUid:          ${d.aliUid}`,
      `  AccessKeyId:     ${d.accessKeyId}`,
      `  AccessKeySecret: ${d.accessKeySecret}`,
      `  admin token:     ${app.adminToken}${app.adminTokenFile ? ` (also in ${app.adminTokenFile})` : ''}`,
      `  console:         ${app.url}/_localvpc/console/#token=${encodeURIComponent(app.adminToken)}`,
      `  transitions:     ${config.transitionProfile}${config.transitionProfile === 'fast' ? ` (${config.transitionDelayMs} ms)` : ''}`,
      ...seedLines(app.seed),
      '',
    ].join('\n'),
  );
  for (const w of app.warnings) process.stderr.write(`localvpc: warning: ${w}\n`);
}

/** What the seed file did: counts and each ref's id, or why it was not applied. */
function seedLines(seed: SeedOutcome | undefined): string[] {
  if (!seed) return [];
  if (!seed.applied) return [`  seed file:       ${seed.file}: not applied (${seed.reason ?? ''})`];
  const counts = Object.entries(seed.created)
    .filter(([, n]) => n > 0)
    .map(([section, n]) => `${n} ${section}`)
    .join(', ');
  return [
    `  seed file:       ${seed.file}: applied (${counts || 'nothing to create'})`,
    ...Object.entries(seed.refs).map(([ref, id]) => `    @${ref.padEnd(20)} ${id}`),
  ];
}

/**
 * Pulls the global options (--url, --token, --data with a value; --json, --help, -h) out of argv,
 * wherever they stand before a `--`.
 */
function extractGlobals(argv: string[]): { rest: string[]; globals: Map<string, string | true> } {
  const rest: string[] = [];
  const globals = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a === '--') {
      rest.push(...argv.slice(i));
      break;
    }
    const m = /^--(url|token|data|json|help)(?:=(.*))?$/s.exec(a);
    if (a === '-h') globals.set('help', true);
    else if (!m) rest.push(a);
    else {
      const name = m[1] as string;
      const value = m[2];
      const before = globals.get(name);
      let v: string | true;
      if ((GLOBAL_FLAGS[name] as FlagSpec).kind === 'bool') {
        if (value !== undefined && value !== 'true') {
          if (value !== 'false') throw new UsageError(`--${name} takes true or false, got "${value}"`);
          continue;
        }
        v = true;
      } else {
        const next = argv[i + 1];
        const given = value ?? (next !== undefined && !next.startsWith('--') ? argv[++i] : undefined);
        if (given === undefined || given === '') throw new UsageError(`--${name} needs a value`);
        v = given;
      }
      if (before !== undefined && before !== v) throw new UsageError(`--${name} is given twice`);
      globals.set(name, v);
    }
  }
  return { rest, globals };
}

const isOption = (a: string): boolean => a.startsWith('--') || /^-[^\d.]/.test(a);

/** Writes a usage error and answers its exit code. */
function usage(message: string, more = ''): number {
  process.stderr.write(`localvpc: ${message}\n${more}`);
  return 2;
}

async function admin(all: string[]): Promise<number> {
  for (const w of envWarnings(process.env)) process.stderr.write(`localvpc: warning: ${w}\n`);
  let extracted: ReturnType<typeof extractGlobals>;
  try {
    extracted = extractGlobals(all);
  } catch (e) {
    return usage((e as Error).message);
  }
  const { globals } = extracted;
  const wantsHelp = globals.has('help');
  const [noun, ...afterNoun] = extracted.rest;
  if (noun === undefined) {
    if (wantsHelp) return (process.stdout.write(help()), 0);
    return usage('missing command', `\n${help()}`);
  }
  if (isOption(noun)) {
    const name = noun.replace(/^--?/, '').split('=')[0] as string;
    return usage(
      `unknown option ${noun.split('=')[0]}${didYouMean(name, [...Object.keys(GLOBAL_FLAGS), 'version'], (s) => `--${s}`)}`,
      `\n${help()}`,
    );
  }
  const nounCommands = COMMANDS.filter((c) => c.noun === noun);
  if (nounCommands.length === 0) {
    const nouns = ['serve', 'exec', 'help', ...new Set(COMMANDS.map((c) => c.noun))];
    return usage(`unknown command "${noun}"${didYouMean(noun, nouns, (s) => `"${s}"`)}`, `\n${help()}`);
  }
  let command = nounCommands.find((c) => c.verb === '');
  let args = afterNoun;
  if (!command) {
    const [verb, ...rest] = afterNoun;
    if (verb === undefined) {
      process.stdout.write(help(noun));
      return 0;
    }
    const verbs = nounCommands.map((c) => c.verb);
    if (isOption(verb)) return usage(`"${noun}" takes a command before its options (${verbs.join(', ')}), got ${verb}`, `\n${help(noun)}`);
    command = nounCommands.find((c) => c.verb === verb);
    if (!command) return usage(`unknown command "${noun} ${verb}"${didYouMean(verb, verbs, (v) => `"${noun} ${v}"`)}`, `\n${help(noun)}`);
    args = rest;
  }
  if (wantsHelp) {
    process.stdout.write(`Usage: ${usageOf(command)}\n\n${command.summary}\n\n${COMMON}\n`);
    return 0;
  }
  const json = globals.has('json');
  try {
    const p = parseArgs(args, command, Object.keys(GLOBAL_FLAGS));
    for (const [k, v] of globals) p.flags.set(k, v);
    const to = target(p.flags, process.env);
    const ran = command.run ? await command.run(p, { target: to, json }) : undefined;
    if (ran !== undefined) return ran;
    const req = command.request(p);
    const result =
      req.download !== undefined
        ? await download(to, req.path, req.download)
        : req.upload !== undefined
          ? await upload(to, req.path, req.upload)
          : await call(to, req.method, req.path, req.body);
    if (req.download === '-') return 0; // the data itself went to standard output
    const shaped = command.answer ? command.answer(result, p) : result;
    process.stdout.write((json || !command.print ? JSON.stringify(shaped, null, 2) : command.print(shaped, p)) + '\n');
    return 0;
  } catch (e) {
    if (e instanceof UsageError) return usage(e.message, `Usage: ${usageOf(command)}\n`);
    if (e instanceof ApiRefused) {
      const err = (e.body as { error?: { code: string; message: string } }).error;
      if (json) process.stdout.write(JSON.stringify(e.body, null, 2) + '\n');
      const hint = err ? command.hints?.[err.code] : undefined;
      // The API's own hint names its query parameters or body fields; the CLI names its flags.
      const message = err && hint ? `${(err.message.split('; ')[0] ?? '').replace(/\.$/, '')}; ${hint}.` : err?.message;
      process.stderr.write(`localvpc: ${err ? `${err.code}: ${message ?? ''}` : `HTTP ${e.status}`}\n`);
      return 1;
    }
    if (e instanceof Unreachable) {
      process.stderr.write(`localvpc: ${e.message}\n`);
      return 3;
    }
    throw e;
  }
}

/** `localvpc help [NOUN]`. */
function helpCommand(args: string[]): number {
  const [noun, extra] = args;
  if (noun === undefined) return (process.stdout.write(help()), 0);
  if (noun === 'serve' && extra === undefined) return (process.stdout.write(SERVE_HELP), 0);
  if (noun === 'exec' && extra === undefined) return (process.stdout.write(EXEC_HELP), 0);
  if (extra !== undefined) return usage(`unexpected argument "${extra}"`, 'Usage: localvpc help [COMMAND]\n');
  if (!COMMANDS.some((c) => c.noun === noun)) {
    const nouns = ['serve', ...new Set(COMMANDS.map((c) => c.noun))];
    return usage(`unknown command "${noun}"${didYouMean(noun, nouns, (s) => `"${s}"`)}`, `\n${help()}`);
  }
  process.stdout.write(help(noun));
  return 0;
}

async function main(): Promise<void> {
  const [command, ...rest] = process.argv.slice(2);
  if (command === 'serve') return serve(rest);
  if (command === 'exec') {
    const dash = rest.indexOf('--');
    const options = dash < 0 ? rest : rest.slice(0, dash);
    if (options.includes('--help') || options.includes('-h')) return void process.stdout.write(EXEC_HELP);
    process.exit(await exec(rest));
  }
  if (command === 'help') {
    process.exitCode = helpCommand(rest);
    return;
  }
  if (command === undefined || ((command === '--help' || command === '-h') && rest.length === 0)) {
    process.stdout.write(help());
    return;
  }
  if (command === '--version') {
    if (rest.length > 0) {
      process.exitCode = usage(`unexpected argument "${rest[0]}"`, 'Usage: localvpc --version\n');
      return;
    }
    process.stdout.write(`localvpc ${version()}\n`);
    return;
  }
  process.exitCode = await admin(process.argv.slice(2));
}

main().catch((e: unknown) => {
  if (e instanceof ConfigError || e instanceof SeedError) {
    process.stderr.write(`localvpc: ${e.message}\n`);
    process.exitCode = 2;
  } else if (e instanceof HostError) {
    process.stderr.write(`localvpc: ${e.message}\n`);
    process.exitCode = 1;
  } else {
    process.stderr.write(`localvpc: ${(e as Error).stack ?? String(e)}\n`);
    process.exitCode = 1;
  }
});
