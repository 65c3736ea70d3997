// Starts the real LocalVPC server on port 0 with a temporary database, as every test does. With
// LOCALVPC_TEST_STORE=postgres, a server started without a store of its own gets a fresh
// PostgreSQL database instead (on LOCALVPC_TEST_PG_URL's server: `npm run test:pg` starts one).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULTS, type Config } from '../../src/config/config.js';
import { startApp, type App } from '../../src/app/start.js';
import { freshDatabase } from './postgres.js';

/** The PostgreSQL database of each data folder a test server was started on (a restart reopens it). */
const databases = new Map<string, string>();

/** The store a test server gets when the test does not name one. */
async function defaultStore(dir: string, given: boolean): Promise<string | undefined> {
  if (process.env.LOCALVPC_TEST_STORE !== 'postgres') return undefined;
  const known = databases.get(dir);
  if (known || given) return known; // a folder the test made itself holds a SQLite database
  if (!process.env.LOCALVPC_TEST_PG_URL)
    throw new Error('LOCALVPC_TEST_STORE=postgres needs LOCALVPC_TEST_PG_URL (npm run test:pg starts a throwaway PostgreSQL and sets it)');
  const url = await freshDatabase();
  databases.set(dir, url);
  return url;
}

export interface TestServer {
  app: App;
  port: number;
  url: string;
  dataDir: string;
  config: Config;
  close(): Promise<void>;
}

export const DEFAULT_KEY = { id: DEFAULTS.defaultAccount.accessKeyId, secret: DEFAULTS.defaultAccount.accessKeySecret };
export const DEFAULT_UID = DEFAULTS.defaultAccount.aliUid;

export async function startServer(overrides: Partial<Config> = {}, dataDir?: string): Promise<TestServer> {
  const dir = dataDir ?? mkdtempSync(join(tmpdir(), 'localvpc-test-'));
  const named = overrides.store !== undefined || overrides.inMemory === true;
  const store = named ? undefined : await defaultStore(dir, dataDir !== undefined);
  const config: Config = {
    ...structuredClone(DEFAULTS),
    port: 0,
    dataDir: dir,
    logLevel: 'silent',
    transitionDelayMs: 0,
    ...(store ? { store } : {}),
    ...overrides,
  };
  const app = await startApp(config);
  return {
    app,
    port: app.port,
    url: app.url,
    dataDir: dir,
    config,
    async close() {
      await app.close();
      if (!dataDir) rmSync(dir, { recursive: true, force: true });
    },
  };
}
