// Configuration: command-line flags over environment variables (LOCALVPC_*) over a JSON config
// file over defaults. Every key is listed once in KEYS; the README's table mirrors it.
import { readFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { AccountSeed } from '../resources/accounts/service.js';
import type { Site } from '../resources/accounts/model.js';
import { PROFILES, type Profile } from '../engine/transition-policy.js';

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
}

/** The well-known development account, printed at start (like Azurite's devstoreaccount1). */
export const DEFAULT_ACCOUNT = {
  aliUid: '1000000000000001',
  accessKeyId: 'LTAI5tLocalVpcDevAccess1',
  accessKeySecret: 'LocalVpcDevSecretNotForProd001',
  site: 'china' as Site,
};

type Kind = 'string' | 'int' | 'bool' | 'json';

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
    doc: 'Where state is kept: `sqlite:<folder>` (the database `localvpc.db` in that folder) or `memory` (nothing written to disk). Unset: `sqlite:<dataDir>`, or `memory` with `--in-memory`.',
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
    doc: 'pino log level; `info` logs one line per request.',
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
    doc: 'How many journal events are kept (in memory).',
  },
  {
    key: 'idSeed',
    flag: '--id-seed',
    env: 'LOCALVPC_ID_SEED',
    kind: 'int',
    doc: 'Seed for resource ids and RequestIds, for reproducible runs.',
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
];

export const DEFAULTS: Config = {
  host: '127.0.0.1',
  port: 8080,
  store: undefined,
  dataDir: './.localvpc',
  inMemory: false,
  durability: 'full',
  logLevel: 'info',
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
};

export class ConfigError extends Error {}

/** The back end a configuration names. */
export type StoreTarget = { kind: 'memory' } | { kind: 'sqlite'; dir: string };

export function storeTarget(c: Config): StoreTarget {
  if (c.store !== undefined) {
    if (c.store === 'memory') return { kind: 'memory' };
    if (c.store.startsWith('sqlite:') && c.store.length > 'sqlite:'.length) return { kind: 'sqlite', dir: c.store.slice('sqlite:'.length) };
    throw new ConfigError(`store: expected "memory" or "sqlite:<folder>", got "${c.store}"`);
  }
  return c.inMemory ? { kind: 'memory' } : { kind: 'sqlite', dir: c.dataDir };
}

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
  if (def.kind === 'json') {
    try {
      return JSON.parse(raw);
    } catch {
      throw new ConfigError(`${source}: not valid JSON`);
    }
  }
  if (def.choices && !def.choices.includes(raw))
    throw new ConfigError(`${source}: expected one of ${def.choices.join(', ')}, got "${raw}"`);
  return raw;
}

function set(target: Record<string, unknown>, path: string, value: unknown): void {
  const parts = path.split('.');
  let o = target;
  for (const p of parts.slice(0, -1)) o = (o[p] ??= {}) as Record<string, unknown>;
  o[parts[parts.length - 1] as string] = value;
}

export interface LoadInput {
  argv: string[];
  env: NodeJS.ProcessEnv;
  cwd: string;
}

/** Flags this module knows; the rest are returned for the caller (e.g. `--config`). */
export function loadConfig({ argv, env, cwd }: LoadInput): Config {
  const config = structuredClone(DEFAULTS) as unknown as Record<string, unknown>;
  // 1. config file: --config, LOCALVPC_CONFIG, or ./localvpc.config.json when present
  const fi = argv.indexOf('--config');
  const file =
    fi >= 0 ? argv[fi + 1] : (env.LOCALVPC_CONFIG ?? (existsSync(join(cwd, 'localvpc.config.json')) ? 'localvpc.config.json' : undefined));
  if (fi >= 0 && !file) throw new ConfigError('--config: a file path is required');
  if (file) {
    let parsed: Record<string, unknown>;
    try {
      parsed = JSON.parse(readFileSync(resolve(cwd, file), 'utf8')) as Record<string, unknown>;
    } catch (e) {
      throw new ConfigError(`config file ${file}: ${(e as Error).message}`);
    }
    for (const def of KEYS) {
      const v = def.key.split('.').reduce<unknown>((o, p) => (o as Record<string, unknown> | undefined)?.[p], parsed);
      if (v === undefined) continue;
      set(config, def.key, typeof v === 'string' ? parseValue(def, v, `${file}: ${def.key}`) : v);
    }
  }
  // 2. environment
  for (const def of KEYS) {
    const v = env[def.env];
    if (v !== undefined && v !== '') set(config, def.key, parseValue(def, v, def.env));
  }
  // 3. flags
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--config') {
      i++;
      continue;
    }
    const [name, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const def = KEYS.find((k) => k.flag === name);
    if (!def) throw new ConfigError(`unknown option ${name}`);
    let raw: string | boolean;
    if (inline !== undefined) raw = inline;
    else if (def.kind === 'bool') raw = true;
    else {
      const next = argv[++i];
      if (next === undefined) throw new ConfigError(`${name}: a value is required`);
      raw = next;
    }
    set(config, def.key, parseValue(def, raw, name));
  }
  const c = config as unknown as Config;
  if (c.port > 65535) throw new ConfigError(`port ${c.port} is out of range`);
  const target = storeTarget(c);
  if (target.kind === 'sqlite') c.dataDir = target.dir;
  else c.inMemory = true;
  if (!Array.isArray(c.accounts)) throw new ConfigError('accounts: expected a JSON array');
  return c;
}
