// Assembles a running LocalVPC: configuration -> store (migrations) -> accounts -> HTTP server.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { pino, type Logger } from 'pino';
import type { Config } from '../config/config.js';
import { ControlledClock } from '../core/clock.js';
import { createIdGenerator } from '../core/ids.js';
import { SqliteStore } from '../store/sqlite/sqlite-store.js';
import { ensureAccount } from '../resources/accounts/service.js';
import { createServices, type Services } from './services.js';
import { createGateway } from './gateway.js';

export interface App {
  server: Server;
  services: Services;
  logger: Logger;
  url: string;
  port: number;
  close(): Promise<void>;
}

export async function startApp(config: Config): Promise<App> {
  const logger = pino({ level: config.logLevel, base: undefined });
  const store = new SqliteStore({ path: config.inMemory ? ':memory:' : join(config.dataDir, 'localvpc.db'), durability: config.durability });
  const clock = new ControlledClock();
  const ids = createIdGenerator(config.idSeed);
  const services = createServices(store, clock, ids, { transitionDelayMs: config.transitionDelayMs });

  store.transaction(() => {
    const d = config.defaultAccount;
    ensureAccount(services.accounts, ids, { aliUid: d.aliUid, name: 'default', site: d.site, accessKeys: [{ accessKeyId: d.accessKeyId, accessKeySecret: d.accessKeySecret }] }, clock.now());
    for (const seed of config.accounts) ensureAccount(services.accounts, ids, seed, clock.now());
  });

  services.transitions.refresh(); // finish what was in flight when the server last stopped
  const gateway = createGateway({ services, logger, maxBodyBytes: config.maxBodyBytes, beforeAction: () => services.transitions.settleIfDue() });
  const server = createServer((req, res) => {
    const url = req.url ?? '/';
    if (url === '/_localvpc/health' || url.startsWith('/_localvpc/health?')) {
      const body = JSON.stringify({ status: 'ok', ready: true, store: store.kind, schemaVersion: store.schemaVersion() });
      res.writeHead(200, { 'content-type': 'application/json;charset=utf-8' });
      res.end(body);
      return;
    }
    gateway(req, res).catch((err: unknown) => {
      logger.error({ err }, 'request failed outside the gateway');
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  server.keepAliveTimeout = 65_000;
  server.requestTimeout = 30_000;
  server.headersTimeout = 10_000;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const hostForUrl = config.host.includes(':') ? `[${config.host}]` : config.host;
  return {
    server,
    services,
    logger,
    port,
    url: `http://${hostForUrl}:${port}`,
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      services.transitions.stop();
      store.close();
      logger.flush?.();
    },
  };
}
