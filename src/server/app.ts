// Assembles a running LocalVPC: configuration -> store (migrations) -> accounts -> seed file ->
// transitions -> HTTP server (admin API under /_localvpc/ and /metrics, the RPC gateway elsewhere).
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pino, type Logger } from 'pino';
import type { Config } from '../config/config.js';
import { ControlledClock } from '../core/clock.js';
import { createIdGenerator } from '../core/ids.js';
import { isoSeconds } from '../core/time.js';
import { SqliteStore } from '../store/sqlite/sqlite-store.js';
import { ensureAccount } from '../resources/accounts/service.js';
import { createServices, type Services } from './services.js';
import { createGateway } from './gateway.js';
import { createMetrics } from './metrics.js';
import { createAdmin } from '../admin/index.js';
import { applySeedFile } from './seed.js';
import { errorBody } from '../protocol/render.js';

export interface App {
  server: Server;
  services: Services;
  logger: Logger;
  url: string;
  port: number;
  adminToken: string;
  /** Where the admin token was written, if it was generated. */
  adminTokenFile: string | undefined;
  close(): Promise<void>;
}

export async function startApp(config: Config): Promise<App> {
  const startedAt = Date.now();
  const logger = pino({ level: config.logLevel, base: undefined });
  const storage = config.inMemory ? ':memory:' : join(config.dataDir, 'localvpc.db');
  const store = new SqliteStore({ path: storage, durability: config.durability });
  const clock = new ControlledClock();
  const ids = createIdGenerator(config.idSeed);
  const services = createServices(store, clock, ids, {
    transitionProfile: config.transitionProfile,
    transitionDelayMs: config.transitionDelayMs,
    journalCapacity: config.journalCapacity,
  });
  const metrics = createMetrics(services, (t) => store.countByStatus(t));

  const ensureAccounts = (): void =>
    store.transaction(() => {
      const d = config.defaultAccount;
      ensureAccount(
        services.accounts,
        ids,
        {
          aliUid: d.aliUid,
          name: 'default',
          site: d.site,
          accessKeys: [{ accessKeyId: d.accessKeyId, accessKeySecret: d.accessKeySecret }],
        },
        clock.now(),
      );
      for (const seed of config.accounts) ensureAccount(services.accounts, ids, seed, clock.now());
    });
  ensureAccounts();

  services.transitions.onComplete((c) => {
    metrics.transitions.inc({ kind: c.kind, to: c.to });
    services.journal.add({
      eventTime: isoSeconds(c.at),
      eventType: 'Transition',
      eventName: `${c.kind}:${c.from}->${c.to}`,
      requestId: '',
      acsRegion: c.regionId,
      userIdentity: { accountId: c.accountId },
      resourceName: c.id,
      errorCode: '',
      errorMessage: '',
      from: c.from,
      to: c.to,
    });
  });
  services.transitions.refresh(); // finish what was in flight when the server last stopped
  services.transitions.settleDue();

  const gateway = createGateway({ services, logger, metrics, maxBodyBytes: config.maxBodyBytes });
  if (config.seedFile) await applySeedFile(config.seedFile, services, config.defaultAccount.aliUid);

  let adminTokenFile: string | undefined;
  const adminToken = config.adminToken ?? randomBytes(18).toString('base64url');
  if (!config.adminToken && !config.inMemory) {
    mkdirSync(config.dataDir, { recursive: true });
    adminTokenFile = join(config.dataDir, 'admin-token');
    writeFileSync(adminTokenFile, adminToken + '\n', { mode: 0o600 });
  }
  const admin = createAdmin({ services, metrics, ensureAccounts, startedAt, storage: config.inMemory ? 'memory' : storage }, adminToken);

  const server = createServer(
    {
      maxHeaderSize: 64 * 1024,
      connectionsCheckingInterval: Math.min(1000, config.requestTimeoutMs),
      requestTimeout: config.requestTimeoutMs,
      headersTimeout: Math.min(10_000, config.requestTimeoutMs),
    },
    (req, res) => {
      const url = req.url ?? '/';
      const handled = url.startsWith('/_localvpc/') || url.startsWith('/metrics') ? admin.handle(req, res) : Promise.resolve(false);
      handled
        .then((done) => {
          if (done) return undefined;
          if (url.startsWith('/_localvpc/')) {
            res.writeHead(404, { 'content-type': 'application/json;charset=utf-8' });
            res.end(
              JSON.stringify({ error: { code: 'NotFound', message: `No admin route ${url.split('?')[0]}; see /_localvpc/openapi.json.` } }),
            );
            return undefined;
          }
          return gateway(req, res);
        })
        .catch((err: unknown) => {
          logger.error({ err }, 'request failed outside the gateway');
          if (!res.headersSent) res.writeHead(500);
          res.end();
        });
    },
  );
  server.keepAliveTimeout = 65_000;
  // Requests node:http cannot even parse (oversized headers, broken HTTP) still get Alibaba's envelope.
  server.on('clientError', (err: NodeJS.ErrnoException, socket) => {
    if (!socket.writable) return socket.destroy();
    const tooLarge = err.code === 'HPE_HEADER_OVERFLOW';
    const timeout = err.code === 'ERR_HTTP_REQUEST_TIMEOUT';
    const status = tooLarge ? 431 : timeout ? 408 : 400;
    const code = tooLarge ? 'RequestHeaderFieldsTooLarge' : timeout ? 'RequestTimeout' : 'InvalidParameter.Format';
    const message = tooLarge
      ? 'The request line and headers exceed 65536 bytes.'
      : timeout
        ? 'The request did not arrive in time.'
        : 'The request is not well-formed HTTP.';
    const requestId = ids.requestId();
    const body = JSON.stringify(errorBody(requestId, 'vpc.aliyuncs.com', 'Vpc', code, message));
    socket.end(
      `HTTP/1.1 ${status} ${tooLarge ? 'Request Header Fields Too Large' : timeout ? 'Request Timeout' : 'Bad Request'}\r\ncontent-type: application/json;charset=utf-8\r\ncontent-length: ${Buffer.byteLength(body)}\r\nx-acs-request-id: ${requestId}\r\nconnection: close\r\n\r\n${body}`,
    );
  });

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
    adminToken,
    adminTokenFile,
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
