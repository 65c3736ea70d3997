// startLocalVpc(): LocalVPC inside a test suite, like moto's in-process mock. A real server in the
// calling process (real HTTP, real signatures, the official SDKs point at it as at Alibaba Cloud),
// on port 0 and in memory by default, with the options of the config file checked as strictly.
// Isolation helpers: a fresh account (own AliUid and keys) per test, a checkpoint (snapshot) to
// restore after a test, reset.
// Known gap: no `Symbol.asyncDispose` (`await using`); call stop() in an after() hook.
import { randomBytes } from 'node:crypto';
import { configFromObject } from '../config/config.js';
import { startApp } from '../app/start.js';
import { clientEnv, hostPort } from '../app/client-settings.js';
import { AdminClient, type AccessKeyPair, type NewAccount, type Profile, type Site } from './admin-client.js';

/** The options of `localvpc.config.json`, as an object (the README's configuration table). */
export interface LocalVpcOptions {
  /** Default `127.0.0.1`. */
  host?: string;
  /** Default 0: a free port. */
  port?: number;
  /** `memory` (the default here) or `sqlite:<folder>`. */
  store?: string;
  /** A SQLite folder (same as `store: 'sqlite:<folder>'`). */
  dataDir?: string;
  inMemory?: boolean;
  durability?: 'full' | 'normal' | 'off';
  /** Default `silent` here. */
  logLevel?: 'trace' | 'debug' | 'info' | 'warn' | 'error' | 'fatal' | 'silent';
  logFormat?: 'json' | 'pretty';
  maxBodyBytes?: number;
  requestTimeoutMs?: number;
  transitionProfile?: Profile;
  transitionDelayMs?: number;
  journalCapacity?: number;
  /** Default: a random token. */
  adminToken?: string;
  seedFile?: string;
  idSeed?: number;
  defaultAccount?: { aliUid?: string; accessKeyId?: string; accessKeySecret?: string; site?: Site };
  accounts?: {
    aliUid: string;
    name?: string;
    site?: Site;
    billsOutstanding?: boolean;
    financialLocked?: boolean;
    accessKeys?: { accessKeyId: string; accessKeySecret: string; active?: boolean }[];
  }[];
  allowedOrigins?: string[];
  allowedHosts?: string[];
  acceptDataLoss?: boolean;
}

export interface Credentials extends AccessKeyPair {
  aliUid: string;
}

export interface LocalVpc {
  /** `http://127.0.0.1:<port>`: pop-core's `endpoint`, the admin API's base. */
  endpoint: string;
  /** `127.0.0.1:<port>`: `@alicloud/vpc20160428`'s `endpoint` (with `protocol: 'http'`) and Terraform's. */
  hostPort: string;
  port: number;
  /** The default account's AliUid and AccessKey pair. */
  credentials: Credentials;
  adminToken: string;
  /** What `localvpc exec` puts in a command's environment (LOCALVPC_ENDPOINT, ALIBABA_CLOUD_ACCESS_KEY_ID, ...). */
  env: Record<string, string>;
  /** The admin API, typed: accounts, clock, transitions, faults, snapshots, journal, resources, reset. */
  admin: AdminClient;
  /** A new account of its own (random AliUid, one AccessKey pair): what a test creates is seen by it alone. */
  freshAccount(options?: Omit<NewAccount, 'accessKeyId' | 'accessKeySecret'>): Promise<Credentials>;
  /** Saves the whole state; the function it answers puts it back (and drops the saved copy). */
  checkpoint(): Promise<() => Promise<void>>;
  /** Runs `fn`, then puts the state back as it was before, whatever `fn` did or threw. */
  isolated<T>(fn: () => Promise<T>): Promise<T>;
  /** Empties the state (accounts kept unless `keepAccounts: false`), clears faults, and resets the clock. */
  reset(options?: { keepAccounts?: boolean }): Promise<void>;
  /** Stops the server and frees its port and store. */
  stop(): Promise<void>;
}

export async function startLocalVpc(options: LocalVpcOptions = {}): Promise<LocalVpc> {
  const given: Record<string, unknown> = { port: 0, logLevel: 'silent', ...options };
  if (options.store === undefined && options.dataDir === undefined && options.inMemory === undefined) given.store = 'memory';
  if (options.adminToken === undefined) given.adminToken = randomBytes(18).toString('base64url');
  const config = configFromObject(given, 'startLocalVpc options');
  const app = await startApp(config);
  const d = config.defaultAccount;
  const credentials: Credentials = { aliUid: d.aliUid, accessKeyId: d.accessKeyId, accessKeySecret: d.accessKeySecret };
  const admin = new AdminClient(app.url, app.adminToken);
  let checkpoints = 0;
  const checkpoint = async (): Promise<() => Promise<void>> => {
    const name = `localvpc-checkpoint-${process.pid}-${++checkpoints}`;
    await admin.snapshots.save(name, { force: true });
    return async () => {
      await admin.snapshots.restore(name);
      await admin.snapshots.delete(name);
    };
  };
  return {
    endpoint: app.url,
    hostPort: hostPort(app.url),
    port: app.port,
    credentials,
    adminToken: app.adminToken,
    env: clientEnv({ endpoint: app.url, ...credentials, region: 'cn-hangzhou', adminToken: app.adminToken }),
    admin,
    async freshAccount(opts = {}) {
      const a = await admin.accounts.create(opts);
      return { aliUid: a.aliUid, ...a.accessKey };
    },
    checkpoint,
    async isolated<T>(fn: () => Promise<T>): Promise<T> {
      const restore = await checkpoint();
      try {
        return await fn();
      } finally {
        await restore();
      }
    },
    async reset(opts = {}) {
      await admin.reset(opts);
      await admin.faults.clear();
      await admin.clock.reset();
    },
    stop: () => app.close(),
  };
}
