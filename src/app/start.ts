// The composition root: configuration -> store (with every module's schema) -> runtime state ->
// engine -> transports (the RPC gateway, the admin API) -> listening. The only place that knows
// every module and every port's implementation; everything below gets what it needs from here.
import type { Server } from 'node:http';
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pino, type Logger } from 'pino';
import { storeTarget, type Config } from '../config/config.js';
import { createIdGenerator } from '../core/ids.js';
import { isoSeconds } from '../core/time.js';
import { openStore } from '../store/open.js';
import type { Store } from '../store/port.js';
import { Registry } from '../engine/module.js';
import { Engine } from '../engine/invoke.js';
import { TransitionEngine } from '../engine/transitions.js';
import { MemoryProfile } from '../engine/transition-policy.js';
import { ControlledClock } from '../runtime/clock.js';
import { MemoryFaults } from '../runtime/faults.js';
import { MemoryJournal } from '../runtime/journal.js';
import { StoredNonces } from '../runtime/stored-nonces.js';
import { CachedCallers } from '../runtime/callers.js';
import { Authenticator, FRESHNESS_WINDOW_MS } from '../protocol/auth.js';
import { ensureAccount } from '../resources/accounts/service.js';
import { createGateway } from '../http/gateway.js';
import { createHttpServer } from '../http/server.js';
import { Metrics } from '../http/metrics.js';
import { createAdmin } from '../http/admin/index.js';
import { MODULES } from './modules.js';
import { applySeedFile } from './seed.js';
import { seedForThisStart } from './meta.js';

export interface App {
  server: Server;
  engine: Engine;
  store: Store;
  logger: Logger;
  url: string;
  port: number;
  adminToken: string;
  /** Where the admin token was written, if it was generated. */
  adminTokenFile: string | undefined;
  close(): Promise<void>;
}

/** Nonces remembered per process: past this many, the oldest are dropped (the timestamp check still holds). */
const NONCE_CAPACITY = 100_000;

export async function startApp(config: Config): Promise<App> {
  const startedAt = Date.now();
  const logger = pino({ level: config.logLevel, base: undefined });
  const registry = new Registry(MODULES);
  const target = storeTarget(config);
  const { store, description: storage } = openStore(target, registry.schema, { durability: config.durability });
  const clock = new ControlledClock();
  const ids = createIdGenerator(config.idSeed === undefined ? undefined : await seedForThisStart(store, config.idSeed));
  const profile = new MemoryProfile({ profile: config.transitionProfile, fastDelayMs: config.transitionDelayMs });
  const faults = new MemoryFaults();
  const journal = new MemoryJournal(config.journalCapacity);
  const callers = new CachedCallers(store);
  const transitions = new TransitionEngine(store, clock, registry.settlers);
  const engine = new Engine({ registry, store, clock, ids, profile, faults, transitions });
  const metrics = new Metrics(
    store,
    registry.tables().filter((t) => t.resourceType && t.columns.includes('status')),
  );

  // The record of every call, fault and transition: journal, metrics, one log line.
  engine.onCall((r) => {
    metrics.requests.inc({ action: r.action ?? '(none)', code: r.code ?? 'OK' });
    metrics.observe(r.action ?? '(none)', r.seconds);
    if (r.action) {
      journal.add({
        eventTime: isoSeconds(clock.now()),
        eventType: 'ApiCall',
        eventName: r.action,
        eventSource: r.source,
        requestId: r.requestId,
        acsRegion: r.regionId ?? '',
        userIdentity: { accountId: r.accountId ?? '' },
        resourceName: r.resource ?? '',
        errorCode: r.code ?? '',
        errorMessage: r.message ?? '',
      });
    }
    if (r.cause !== undefined) logger.error({ err: r.cause, requestId: r.requestId }, 'unexpected error');
    logger.info(
      {
        requestId: r.requestId,
        source: r.source,
        action: r.action,
        account: r.accountId,
        region: r.regionId,
        status: r.status,
        code: r.code,
        ms: Math.round(r.seconds * 1e5) / 100,
      },
      'request',
    );
  });
  engine.onFault((f) => {
    metrics.faults.inc({ fault: f.rule.id, code: f.code });
    logger.warn({ requestId: f.requestId, fault: f.rule.id, action: f.action, effect: f.rule.effect }, 'fault fired');
    journal.add({
      eventTime: isoSeconds(clock.now()),
      eventType: 'Fault',
      eventName: f.action,
      eventSource: f.source,
      requestId: f.requestId,
      acsRegion: f.regionId,
      userIdentity: { accountId: f.accountId },
      resourceName: f.resource,
      errorCode: f.code,
      errorMessage: f.rule.id,
    });
  });
  transitions.onComplete((c) => {
    metrics.transitions.inc({ kind: c.kind, to: c.to });
    journal.add({
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

  const ensureAccounts = (): Promise<void> =>
    store.run('write', async (tx) => {
      const d = config.defaultAccount;
      await ensureAccount(
        tx,
        ids,
        {
          aliUid: d.aliUid,
          name: 'default',
          site: d.site,
          accessKeys: [{ accessKeyId: d.accessKeyId, accessKeySecret: d.accessKeySecret }],
        },
        clock.now(),
      );
      for (const seed of config.accounts) await ensureAccount(tx, ids, seed, clock.now());
    });
  await ensureAccounts();
  // Finish what was in flight when the server last stopped: an empty write unit settles what is due.
  await transitions.refresh();
  await store.run('write', () => Promise.resolve());

  if (config.seedFile) await applySeedFile(config.seedFile, { engine, store, ids, clock, transitions }, config.defaultAccount.aliUid);

  let adminTokenFile: string | undefined;
  const adminToken = config.adminToken ?? randomBytes(18).toString('base64url');
  if (!config.adminToken && target.kind === 'sqlite') {
    mkdirSync(target.dir, { recursive: true });
    adminTokenFile = join(target.dir, 'admin-token');
    writeFileSync(adminTokenFile, adminToken + '\n', { mode: 0o600 });
  }
  const admin = createAdmin(
    {
      store,
      engine,
      registry,
      clock,
      ids,
      profile,
      transitions,
      faults,
      journal,
      metrics,
      ensureAccounts,
      startedAt,
      storage,
      defaultAccount: config.defaultAccount.aliUid,
    },
    adminToken,
  );
  const nonces = new StoredNonces(store, FRESHNESS_WINDOW_MS, NONCE_CAPACITY);
  await nonces.start();
  const auth = new Authenticator((id) => callers.lookup(id), nonces);
  const gateway = createGateway({ engine, auth, ids, maxBodyBytes: config.maxBodyBytes });
  const server = createHttpServer({ gateway, admin, ids, logger, requestTimeoutMs: config.requestTimeoutMs });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : config.port;
  const hostForUrl = config.host.includes(':') ? `[${config.host}]` : config.host;
  return {
    server,
    engine,
    store,
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
      transitions.stop();
      await nonces.stop();
      await store.close();
      logger.flush?.();
    },
  };
}
