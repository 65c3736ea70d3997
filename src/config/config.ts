// Configuration: command-line flags over environment variables (LOCALVPC_*) over a config file
// (JSON or YAML) over defaults. Every key is listed once in KEYS; the README's table mirrors it.
// Everything is checked strictly: an unknown flag or key, or a value of the wrong type, is an
// error naming where it came from (with a did-you-mean); an unknown LOCALVPC_* variable is a
// warning, since other tools may use that prefix.
import { readFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { checkAccountSeeds, describeValue, type AccountSeed } from '../resources/accounts/service.js';
import type { Site } from '../resources/accounts/model.js';
import { PROFILES, type Profile } from '../engine/transition-policy.js';
import { didYouMean } from '../core/suggest.js';

/** How log lines are written: one JSON object a line (pino), or lines for a person at a terminal. */
export const LOG_FORMATS = ['json', 'pretty'] as const;
export type LogFormat = (typeof LOG_FORMATS)[number];

/** How hard the store works to keep an acknowledged write (SQLite's synchronous levels). */
export const DURABILITIES = ['full', 'normal', 'off'] as const;
export type Durability = (typeof DURABILITIES)[number];

export interface Config {
  host: string;
  port: number;
  /** The back end: `memory`, or `sqlite:<folder>`; unset, `--in-memory` and `--data` decide. */
  store: string | undefined;
  dataDir: string;
  inMemory: boolean;
  durability: Durability;
  logLevel: string;
  logFormat: LogFormat;
  maxBodyBytes: number;
  requestTimeoutMs: number;
  transitionDelayMs: number;
  transitionProfile: Profile;
  journalCapacity: number;
  adminToken: string | undefined;
  seedFile: string | undefined;
  idSeed: number | undefined;
  defaultAccount: { aliUid: string; accessKeyId: string; accessKeySecret: string; site: Site };
  accounts: AccountSeed[];
  acceptDataLoss: boolean;
  allowedOrigins: string[];
  allowedHosts: string[];
}

/** The well-known development account, printed at start (like Azurite's devstoreaccount1). */
export const DEFAULT_ACCOUNT = {
  aliUid: '1000000000000001',
  accessKeyId: 'LTAI5tLocalVpcDevAccess1',
  accessKeySecret: 'LocalVpcDevSecretNotForProd001',
  site: 'china' as Site,
};

type Kind = 'string' | 'int' | 'bool' | 'json' | 'list';

interface KeyDef {
  key: string;
  flag: string;
  env: string;
  kind: Kind;
  doc: string;
  choices?: readonly string[];
}

export const KEYS: readonly KeyDef[] = [
  { key: 'host', flag: '--host', env: 'LOCALVPC_HOST', kind: 'string', doc: 'Address to listen on (loopback by default).' },
  { key: 'port', flag: '--port', env: 'LOCALVPC_PORT', kind: 'int', doc: 'TCP port; 0 picks a free one.' },
  {
    key: 'store',
    flag: '--store',
    env: 'LOCALVPC_STORE',
    kind: 'string',
    doc: 'Where state is kept: `sqlite:<folder>` (the database `localvpc.db` in that folder), `memory` (nothing written to disk), or `postgres://user:password@host:port/database` (a PostgreSQL database several nodes may share). Unset: `sqlite:<dataDir>`, or `memory` with `--in-memory`.',
  },
  {
    key: 'dataDir',
    flag: '--data',
    env: 'LOCALVPC_DATA_DIR',
    kind: 'string',
    doc: 'Folder of the SQLite database (`localvpc.db`) and the admin token; `--data X` is `--store sqlite:X`.',
  },
  {
    key: 'inMemory',
    flag: '--in-memory',
    env: 'LOCALVPC_IN_MEMORY',
    kind: 'bool',
    doc: 'Keep all state in memory; nothing is written to disk.',
  },
  {
    key: 'durability',
    flag: '--durability',
    env: 'LOCALVPC_DURABILITY',
    kind: 'string',
    choices: ['full', 'normal', 'off'],
    doc: 'SQLite `synchronous` level. `full`: an acknowledged write survives a crash and a power cut; `normal`: survives a crash of LocalVPC, may lose the last writes on power loss; `off`: fastest, no guarantee.',
  },
  {
    key: 'logLevel',
    flag: '--log-level',
    env: 'LOCALVPC_LOG_LEVEL',
    kind: 'string',
    choices: ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'],
    doc: "pino log level; `info` logs one line per request; `debug` adds each call's parameters (secrets and signatures redacted) and, on `SignatureDoesNotMatch`, the canonical request and string to sign the server computed.",
  },
  {
    key: 'logFormat',
    flag: '--log-format',
    env: 'LOCALVPC_LOG_FORMAT',
    kind: 'string',
    choices: LOG_FORMATS,
    doc: '`json`: one JSON object a line (for machines); `pretty`: a short line per event, for people reading a terminal.',
  },
  {
    key: 'maxBodyBytes',
    flag: '--max-body-bytes',
    env: 'LOCALVPC_MAX_BODY_BYTES',
    kind: 'int',
    doc: 'Largest accepted request body; larger ones get `RequestEntityTooLarge` (413).',
  },
  {
    key: 'requestTimeoutMs',
    flag: '--request-timeout',
    env: 'LOCALVPC_REQUEST_TIMEOUT_MS',
    kind: 'int',
    doc: 'A request (headers and body) must arrive within this many ms, or its socket is closed (slow or truncated requests cannot hold sockets).',
  },
  {
    key: 'transitionProfile',
    flag: '--profile',
    env: 'LOCALVPC_PROFILE',
    kind: 'string',
    choices: PROFILES,
    doc: 'Transition profile: `instant` (0 ms), `fast` (`transitionDelayMs`), `realistic` (per-kind delays close to the real service), `manual` (transitional states wait to be stepped).',
  },
  {
    key: 'transitionDelayMs',
    flag: '--transition-delay',
    env: 'LOCALVPC_TRANSITION_DELAY_MS',
    kind: 'int',
    doc: 'How long a transitional state (Pending, Connecting, Activating, ...) lasts under the `fast` profile, in ms of the emulator clock.',
  },
  {
    key: 'adminToken',
    flag: '--token',
    env: 'LOCALVPC_ADMIN_TOKEN',
    kind: 'string',
    doc: 'Token for the admin API (`Authorization: Bearer <token>`); generated, printed and written to `<dataDir>/admin-token` when not set.',
  },
  {
    key: 'seedFile',
    flag: '--seed-file',
    env: 'LOCALVPC_SEED_FILE',
    kind: 'string',
    doc: 'A JSON or YAML file of accounts, VPCs, VBRs and router interfaces applied at start.',
  },
  {
    key: 'journalCapacity',
    flag: '--journal-capacity',
    env: 'LOCALVPC_JOURNAL_CAPACITY',
    kind: 'int',
    doc: 'How many journal events are kept (in memory beside SQLite; in the shared database on PostgreSQL).',
  },
  {
    key: 'idSeed',
    flag: '--id-seed',
    env: 'LOCALVPC_ID_SEED',
    kind: 'int',
    doc: 'Seed for resource ids and RequestIds, for reproducible runs: a fresh store draws the same ids each time; a restart on a store that has seen the seed draws new ones (the number of seeded starts is kept in the store), so they never collide with the stored ones.',
  },
  {
    key: 'defaultAccount.aliUid',
    flag: '--default-aliuid',
    env: 'LOCALVPC_DEFAULT_ALIUID',
    kind: 'string',
    doc: 'AliUid of the default account.',
  },
  {
    key: 'defaultAccount.accessKeyId',
    flag: '--default-access-key-id',
    env: 'LOCALVPC_DEFAULT_ACCESS_KEY_ID',
    kind: 'string',
    doc: 'AccessKeyId of the default account.',
  },
  {
    key: 'defaultAccount.accessKeySecret',
    flag: '--default-access-key-secret',
    env: 'LOCALVPC_DEFAULT_ACCESS_KEY_SECRET',
    kind: 'string',
    doc: 'AccessKeySecret of the default account.',
  },
  {
    key: 'defaultAccount.site',
    flag: '--default-site',
    env: 'LOCALVPC_DEFAULT_SITE',
    kind: 'string',
    choices: ['china', 'international'],
    doc: 'Site (bid) of the default account.',
  },
  {
    key: 'accounts',
    flag: '--accounts',
    env: 'LOCALVPC_ACCOUNTS',
    kind: 'json',
    doc: 'More accounts, as a JSON array of `{aliUid, name, site, billsOutstanding, financialLocked, accessKeys: [{accessKeyId, accessKeySecret, active}]}`; created at start when missing.',
  },
  {
    key: 'allowedOrigins',
    flag: '--allowed-origins',
    env: 'LOCALVPC_ALLOWED_ORIGINS',
    kind: 'list',
    doc: 'Origins (`http://localhost:3000`, comma-separated; a list in a file) whose browser requests are served; any other request carrying an `Origin` header is refused (403), so a web page cannot call LocalVPC with the public development key. The console LocalVPC serves itself is always allowed.',
  },
  {
    key: 'allowedHosts',
    flag: '--allowed-hosts',
    env: 'LOCALVPC_ALLOWED_HOSTS',
    kind: 'list',
    doc: 'More names accepted in the `Host` header while listening on loopback (which accepts only `localhost`, `*.localhost` and loopback addresses by default, against DNS rebinding).',
  },
  {
    key: 'acceptDataLoss',
    flag: '--accept-data-loss',
    env: 'LOCALVPC_ACCEPT_DATA_LOSS',
    kind: 'bool',
    doc: 'Start even though the database lost acknowledged writes (it is empty, or its write-ahead log is gone, against the state file beside it); it then goes on from what the file holds.',
  },
];

export const DEFAULTS: Config = {
  host: '127.0.0.1',
  port: 8080,
  store: undefined,
  dataDir: './.localvpc',
  inMemory: false,
  durability: 'full',
  logLevel: 'info',
  logFormat: 'json',
  maxBodyBytes: 1024 * 1024,
  requestTimeoutMs: 30_000,
  transitionDelayMs: 1000,
  transitionProfile: 'fast',
  journalCapacity: 10_000,
  adminToken: undefined,
  seedFile: undefined,
  idSeed: undefined,
  defaultAccount: { ...DEFAULT_ACCOUNT },
  accounts: [],
  acceptDataLoss: false,
  allowedOrigins: [],
  allowedHosts: [],
};

/** An error in the configuration; `fromArgv` when it is about the command line (a usage error). */
export class ConfigError extends Error {
  constructor(
    message: string,
    readonly fromArgv = false,
  ) {
    super(message);
  }
}

/** The back end a configuration names. */
export type StoreTarget = { kind: 'memory' } | { kind: 'sqlite'; dir: string } | { kind: 'postgres'; url: string };

export function storeTarget(c: Config): StoreTarget {
  if (c.store !== undefined) {
    if (c.store === 'memory') return { kind: 'memory' };
    if (c.store.startsWith('sqlite:') && c.store.length > 'sqlite:'.length) return { kind: 'sqlite', dir: c.store.slice('sqlite:'.length) };
    if (/^postgres(ql)?:\/\/./.test(c.store)) {
      if (!URL.canParse(c.store)) throw new ConfigError('store: the postgres:// URL cannot be parsed');
      return { kind: 'postgres', url: c.store };
    }
    throw new ConfigError(`store: expected "memory", "sqlite:<folder>" or "postgres://user@host:port/database", got "${c.store}"`);
  }
  return c.inMemory ? { kind: 'memory' } : { kind: 'sqlite', dir: c.dataDir };
}

const q = (s: string): string => `"${s}"`;

function oneOf(choices: readonly string[], raw: string, where: string): string {
  if (choices.includes(raw)) return raw;
  throw new ConfigError(`${where}: expected one of ${choices.join(', ')}, got "${raw}"${didYouMean(raw, choices, q)}`);
}

function mapping(v: unknown, where: string): Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v))
    throw new ConfigError(`${where}: expected a mapping, got ${describeValue(v)}`);
  return Object.fromEntries(Object.entries(v));
}

/** `accounts`, from any source: a list of AccountSeed, every field of the right type. */
function checkAccounts(v: unknown, where: string): AccountSeed[] {
  try {
    return checkAccountSeeds(v, where);
  } catch (e) {
    throw new ConfigError(e instanceof Error ? e.message : String(e));
  }
}

/** A list of names or origins: trimmed, none empty. */
function listValue(items: readonly string[], where: string): string[] {
  const out = items.map((x) => x.trim());
  if (out.some((x) => x === '')) throw new ConfigError(`${where}: an empty entry in the list`);
  return out;
}

/** A value given as text (a flag or an environment variable). */
function parseValue(def: KeyDef, raw: string | boolean, source: string): unknown {
  if (def.kind === 'bool') {
    if (typeof raw === 'boolean') return raw;
    if (/^(1|true|yes|on)$/i.test(raw)) return true;
    if (/^(0|false|no|off)$/i.test(raw)) return false;
    throw new ConfigError(`${source}: expected a boolean, got "${raw}"`);
  }
  if (typeof raw === 'boolean') throw new ConfigError(`${source}: a value is required`);
  if (def.kind === 'int') {
    if (!/^\d+$/.test(raw)) throw new ConfigError(`${source}: expected a whole number, got "${raw}"`);
    return Number(raw);
  }
  if (def.kind === 'list') return listValue(raw.split(','), source);
  if (def.kind === 'json') {
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch (e) {
      throw new ConfigError(`${source}: not valid JSON (${(e as Error).message})`);
    }
    return checkAccounts(parsed, source);
  }
  return def.choices ? oneOf(def.choices, raw, source) : raw;
}

/** A value from a config file: already typed (JSON, YAML), so a string where a number belongs is an error. */
function fileValue(def: KeyDef, v: unknown, where: string): unknown {
  switch (def.kind) {
    case 'int':
      if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 0)
        throw new ConfigError(`${where}: expected a whole number, got ${describeValue(v)}`);
      return v;
    case 'bool':
      if (typeof v !== 'boolean') throw new ConfigError(`${where}: expected true or false, got ${describeValue(v)}`);
      return v;
    case 'json':
      return checkAccounts(v, where);
    case 'list':
      if (typeof v === 'string') return listValue(v.split(','), where);
      if (!Array.isArray(v) || !v.every((x) => typeof x === 'string'))
        throw new ConfigError(`${where}: expected a list of strings, got ${describeValue(v)}`);
      return listValue(v, where);
    case 'string':
      if (typeof v !== 'string')
        throw new ConfigError(`${where}: expected a string, got ${describeValue(v)}${typeof v === 'number' ? ' (quote it)' : ''}`);
      return def.choices ? oneOf(def.choices, v, where) : v;
  }
}

function set(target: Record<string, unknown>, path: string, value: unknown): void {
  const parts = path.split('.');
  let o = target;
  for (const p of parts.slice(0, -1)) o = (o[p] ??= {}) as Record<string, unknown>;
  o[parts[parts.length - 1] as string] = value;
}

/** Line and column (1-based) of an offset in a text, and the line with a caret under the column. */
function where(text: string, offset: number): { line: number; col: number; frame: string } {
  const at = Math.max(0, Math.min(offset, text.length));
  const start = text.lastIndexOf('\n', at - 1) + 1;
  const end = text.indexOf('\n', at);
  const lineText = text.slice(start, end < 0 ? text.length : end).replace(/\r$/, '');
  const line = text.slice(0, start).split('\n').length;
  const col = at - start + 1;
  const frame = lineText.length <= 160 ? `\n  ${lineText}\n  ${lineText.slice(0, col - 1).replace(/[^\t]/g, ' ')}^` : '';
  return { line, col, frame };
}

class JsonErrorAt extends Error {
  constructor(readonly at: number) {
    super(`JSON error at ${at}`);
  }
}

/**
 * Where the first error of a JSON text is (the grammar of RFC 8259), for the messages of
 * JSON.parse that name no position ("Unexpected token '}', ... is not valid JSON").
 */
export function jsonErrorOffset(s: string): number | undefined {
  let i = 0;
  const fail = (): never => {
    throw new JsonErrorAt(i);
  };
  const ws = (): void => {
    while (s[i] === ' ' || s[i] === '\t' || s[i] === '\n' || s[i] === '\r') i++;
  };
  const string = (): void => {
    i++;
    for (;;) {
      const c = s[i];
      if (c === undefined) fail();
      else if (c === '"') return void i++;
      else if (c === '\\') {
        i++;
        if (s[i] !== undefined && '"\\/bfnrt'.includes(s[i] as string)) i++;
        else if (s[i] === 'u') {
          i++;
          for (let k = 0; k < 4; k++, i++) if (!/[0-9a-f]/i.test(s[i] ?? '')) fail();
        } else fail();
      } else if (c.charCodeAt(0) < 0x20) fail();
      else i++;
    }
  };
  const value = (): void => {
    ws();
    const c = s[i];
    if (c === '{' || c === '[') {
      const close = c === '{' ? '}' : ']';
      i++;
      ws();
      if (s[i] === close) return void i++;
      for (;;) {
        if (c === '{') {
          ws();
          if (s[i] !== '"') fail();
          string();
          ws();
          if (s[i] !== ':') fail();
          i++;
        }
        value();
        ws();
        if (s[i] === ',') i++;
        else if (s[i] === close) return void i++;
        else fail();
      }
    }
    if (c === '"') return string();
    if (c !== undefined && /[-\d]/.test(c)) {
      const digits = (): void => {
        if (!/\d/.test(s[i] ?? '')) fail();
        while (/\d/.test(s[i] ?? '')) i++;
      };
      if (s[i] === '-') i++;
      if (s[i] === '0') i++;
      else digits();
      if (s[i] === '.') {
        i++;
        digits();
      }
      if (s[i] === 'e' || s[i] === 'E') {
        i++;
        if (s[i] === '+' || s[i] === '-') i++;
        digits();
      }
      return;
    }
    for (const word of ['true', 'false', 'null'])
      if (c === word[0]) {
        for (const ch of word) {
          if (s[i] !== ch) fail();
          i++;
        }
        return;
      }
    fail();
  };
  try {
    value();
    ws();
    if (i < s.length) fail();
    return undefined;
  } catch (e) {
    if (e instanceof JsonErrorAt) return e.at;
    return undefined; // too deep to scan: no position
  }
}

function parseJson(text: string, label: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    const message = (e as Error).message;
    const position = /at position (\d+)/.exec(message);
    const offset = position ? Number(position[1]) : jsonErrorOffset(text);
    const why = message
      .replace(/, (\.\.\.)?".*"(\.\.\.)? is not valid JSON$/s, '')
      .replace(/ in JSON at position \d+.*$/s, '')
      .replace('Unexpected end of JSON input', 'Unexpected end of input');
    if (offset === undefined) throw new ConfigError(`${label}: ${why}`);
    const w = where(text, offset);
    throw new ConfigError(`${label}: line ${w.line}, column ${w.col}: ${why}${w.frame}`);
  }
}

interface YamlModule {
  parseDocument(
    text: string,
    options?: object,
  ): {
    errors: { message: string; linePos?: [{ line: number; col: number }, ...unknown[]] }[];
    toJS(): unknown;
  };
}

function parseYaml(text: string, label: string): unknown {
  // Loaded only for a YAML file, and synchronously (loadConfig is synchronous).
  const yaml = createRequire(import.meta.url)('yaml') as YamlModule;
  const doc = yaml.parseDocument(text);
  const error = doc.errors[0];
  if (error) {
    const why = (error.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '');
    const pos = error.linePos?.[0];
    if (!pos) throw new ConfigError(`${label}: ${why}`);
    const lines = text.split('\n');
    const offset = lines.slice(0, pos.line - 1).reduce((n, l) => n + l.length + 1, 0) + pos.col - 1;
    const w = where(text, offset);
    throw new ConfigError(`${label}: line ${pos.line}, column ${pos.col}: ${why}${w.frame}`);
  }
  try {
    return doc.toJS() ?? {}; // an empty file, or only comments
  } catch (e) {
    throw new ConfigError(`${label}: ${(e as Error).message}`);
  }
}

/** A config file's mapping: YAML for .yaml/.yml, JSON otherwise. */
function readConfigFile(file: string, cwd: string): Record<string, unknown> {
  const label = `config file ${file}`;
  let text: string;
  try {
    text = readFileSync(resolve(cwd, file), 'utf8').replace(/^\uFEFF/, '');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new ConfigError(`${label}: ${code === 'ENOENT' ? 'no such file' : (e as Error).message}`);
  }
  const doc = /\.ya?ml$/i.test(file) ? parseYaml(text, label) : parseJson(text, label);
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc))
    throw new ConfigError(`${label}: expected a mapping of configuration keys, got ${describeValue(doc)}`);
  return Object.fromEntries(Object.entries(doc));
}

/** Applies a config file's mapping: nested (`defaultAccount: {aliUid}`) or dotted (`"defaultAccount.aliUid"`) keys. */
function applyFile(config: Record<string, unknown>, doc: Record<string, unknown>, label: string): void {
  const seen = new Set<string>();
  const walk = (m: Record<string, unknown>, prefix: string): void => {
    for (const [k, v] of Object.entries(m)) {
      const key = prefix + k;
      const def = KEYS.find((d) => d.key === key);
      if (def) {
        if (seen.has(key)) throw new ConfigError(`${label}: "${key}" is given twice`);
        seen.add(key);
        set(config, key, fileValue(def, v, `${label}: ${key}`));
      } else if (KEYS.some((d) => d.key.startsWith(`${key}.`))) {
        walk(mapping(v, `${label}: ${key}`), `${key}.`);
      } else {
        // The names known at this level, and every full key (for a leaf put at the wrong level).
        const here = [
          ...new Set(KEYS.filter((d) => d.key.startsWith(prefix)).map((d) => d.key.slice(prefix.length).split('.')[0] as string)),
        ];
        const hint =
          didYouMean(k, here, (s) => q(prefix + s)) ||
          didYouMean(
            key,
            KEYS.map((d) => d.key),
            q,
          );
        const leaf = hint ? '' : KEYS.find((d) => d.key.split('.').pop()?.toLowerCase() === k.toLowerCase())?.key;
        throw new ConfigError(`${label}: unknown key "${key}"${hint || (leaf ? ` (did you mean ${q(leaf)}?)` : '')}`);
      }
    }
  };
  walk(doc, '');
}

/**
 * LOCALVPC_* variables read outside KEYS: the config file, the CLI's server URL, the spec vendoring
 * script, and those `localvpc exec` and `localvpc env` give a command (endpoint, account, region).
 */
const OTHER_ENV = [
  'LOCALVPC_CONFIG',
  'LOCALVPC_URL',
  'LOCALVPC_SPEC_DIR',
  'LOCALVPC_ENDPOINT',
  'LOCALVPC_ACCOUNT_ID',
  'LOCALVPC_REGION',
  // the test suite's (which PostgreSQL server, which store for test servers), inherited by the CLI it runs
  'LOCALVPC_TEST_PG_URL',
  'LOCALVPC_TEST_STORE',
];
const PREFIX = 'LOCALVPC_';

/** A warning for each LOCALVPC_* variable that nothing reads (a typo, most likely). */
export function envWarnings(env: NodeJS.ProcessEnv): string[] {
  const known = [...KEYS.map((k) => k.env), ...OTHER_ENV];
  return Object.keys(env)
    .filter((n) => n.startsWith(PREFIX) && !known.includes(n))
    .sort()
    .map(
      (n) =>
        `unknown environment variable ${n}, ignored${didYouMean(
          n.slice(PREFIX.length),
          known.map((k) => k.slice(PREFIX.length)),
          (s) => PREFIX + s,
        )}`,
    );
}

/** Config files looked for in the working directory when none is named. */
export const DEFAULT_CONFIG_FILES = ['localvpc.config.json', 'localvpc.config.yaml', 'localvpc.config.yml'];

export interface LoadInput {
  argv: string[];
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** Where warnings go (unknown LOCALVPC_* variables); standard error by default. */
  warn?: (message: string) => void;
  /** Defaults of this command over the general ones (`exec`: port 0, log level warn); any source overrides them. */
  defaults?: Partial<Config>;
}

const stderrWarn = (message: string): void => void process.stderr.write(`localvpc: warning: ${message}\n`);

/** The options of `serve`: every KEYS flag, and `--config FILE`. Anything else is an error. */
export function loadConfig({ argv, env, cwd, warn = stderrWarn, defaults = {} }: LoadInput): Config {
  const config = structuredClone({ ...DEFAULTS, ...defaults }) as unknown as Record<string, unknown>;
  // 0. read the command line (applied last, but a wrong flag is reported first)
  const flags: [KeyDef, string | boolean, string][] = [];
  let configFlag: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (!arg.startsWith('-')) throw new ConfigError(`unexpected argument "${arg}"`, true);
    const eq = arg.indexOf('=');
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    const inline = eq > 0 ? arg.slice(eq + 1) : undefined;
    const def = KEYS.find((k) => k.flag === name);
    if (!def && name !== '--config') {
      const known = ['config', 'help', ...KEYS.map((k) => k.flag.slice(2))];
      throw new ConfigError(`unknown option ${name}${didYouMean(name.replace(/^--?/, ''), known, (s) => `--${s}`)}`, true);
    }
    let raw: string | boolean;
    if (inline !== undefined) raw = inline;
    else if (def?.kind === 'bool') raw = true;
    else {
      const next = argv[i + 1];
      if (next === undefined || next.startsWith('--')) throw new ConfigError(`${name}: a value is required`, true);
      raw = argv[++i] as string;
    }
    if (def) flags.push([def, raw, name]);
    else if (raw === '') throw new ConfigError('--config: a file path is required', true);
    else configFlag = raw as string;
  }
  // 1. config file: --config, LOCALVPC_CONFIG, or ./localvpc.config.{json,yaml,yml} when present
  let file = configFlag ?? (env.LOCALVPC_CONFIG || undefined);
  if (file === undefined) {
    const present = DEFAULT_CONFIG_FILES.filter((f) => existsSync(join(cwd, f)));
    if (present.length > 1) throw new ConfigError(`several config files: ${present.join(', ')}; keep one, or name it with --config`);
    file = present[0];
  }
  if (file !== undefined) applyFile(config, readConfigFile(file, cwd), `config file ${file}`);
  // 2. environment
  for (const message of envWarnings(env)) warn(message);
  for (const def of KEYS) {
    const v = env[def.env];
    if (v !== undefined && v !== '') set(config, def.key, parseValue(def, v, def.env));
  }
  // 3. flags
  for (const [def, raw, name] of flags) {
    try {
      set(config, def.key, parseValue(def, raw, name));
    } catch (e) {
      throw e instanceof ConfigError ? new ConfigError(e.message, true) : e;
    }
  }
  return finish(config as unknown as Config);
}

/** The checks that hold whatever the configuration came from. */
function finish(c: Config): Config {
  if (c.port > 65535) throw new ConfigError(`port ${c.port} is out of range`);
  const target = storeTarget(c);
  if (target.kind === 'sqlite') c.dataDir = target.dir;
  else if (target.kind === 'memory') c.inMemory = true;
  if (!Array.isArray(c.accounts)) throw new ConfigError('accounts: expected a JSON array');
  return c;
}

/**
 * A configuration from an object of config-file keys (nested or dotted), over the defaults, checked
 * as strictly as a config file (an unknown key with a did-you-mean, a value of the wrong type): the
 * options of the programmatic API. No environment variable is read.
 */
export function configFromObject(options: Record<string, unknown>, label: string): Config {
  const config = structuredClone(DEFAULTS) as unknown as Record<string, unknown>;
  applyFile(config, options, label);
  return finish(config as unknown as Config);
}
