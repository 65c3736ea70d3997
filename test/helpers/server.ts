// Starts the real LocalVPC server on port 0 with a temporary database, as every test does.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULTS, type Config } from '../../src/config/config.js';
import { startApp, type App } from '../../src/app/start.js';

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
  const config: Config = { ...structuredClone(DEFAULTS), port: 0, dataDir: dir, logLevel: 'silent', transitionDelayMs: 0, ...overrides };
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
