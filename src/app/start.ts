// The composition root: configuration -> store (with every module's schema) -> runtime state ->
// engine -> transports (the RPC gateway, the admin API) -> listening. The only place that knows
// every module and every port's implementation; everything below gets what it needs from here.
import type { Server } from 'node:http';
import type { Logger } from 'pino';
import { createLogger, redactedParams } from './log.js';
import { DEFAULT_ACCOUNT, storeTarget, type Config, type StoreTarget } from '../config/config.js';
import { createIdGenerator } from '../core/ids.js';
import { openStore } from '../store/open.js';
import type { Store } from '../store/port.js';
import { Registry } from '../engine/module.js';
import { Engine } from '../engine/invoke.js';
import { TransitionEngine } from '../engine/transitions.js';
import { CachedCallers } from '../runtime/callers.js';
import { runtimeFor } from './runtime.js';
import { Authenticator, FRESHNESS_WINDOW_MS } from '../protocol/auth.js';
import { ensureAccount } from '../resources/accounts/service.js';
import { createGateway } from '../http/gateway.js';
import { createHttpServer } from '../http/server.js';
import { Metrics } from '../http/metrics.js';
import { createAdmin } from '../http/admin/index.js';
import { MODULES } from './modules.js';
import { applySeedFile, type SeedOutcome } from './seed.js';
import { lockDataDir, type DataLock } from './data-lock.js';
import { listen, planAdminToken, writeAdminToken } from './listen.js';
import { drain } from './shutdown.js';
import { isLoopbackAddress } from '../http/guard.js';
import { HostError } from '../core/host-error.js';
import { seedForThisStart } from './meta.js';

export interface App {
  server: Server;
  engine: Engine;
  store: Store;
  logger: Logger;
  url: string;
  port: number;
  adminToken: string;
  /** Where the admin token is kept (`<dataDir>/admin-token`), unless it was configured. */
  adminTokenFile: string | undefined;
  /** What the seed file did, when one was given. */
  seed: SeedOutcome | undefined;
  /** Things the user should know at start (printed by the CLI, logged). */
  warnings: string[];
  /** Stops accepting, lets requests in flight finish (up to SHUTDOWN_BOUND_MS), then flushes and closes the store. */
  close(): Promise<void>;
}

/** How long requests in flight may still take once the server is stopping. */
const SHUTDOWN_BOUND_MS = 10_000;

/** Nonces remembered per process: past this many, the oldest are dropped (the timestamp check still holds). */
const NONCE_CAPACITY = 100_000;

export async function startApp(config: Config): Promise<App> {
  const target = storeTarget(config);
  let lock: DataLock | undefined;
  try {
    // Before anything else: one server per data directory.
    lock = target.kind === 'sqlite' ? lockDataDir(target.dir) : undefined;
    return await compose(config, target, lock);
  } catch (e) {
    lock?.release();
    throw hostSide(e);
  }
}

/** A file-system failure at start (a full disk, no permission) as a message the user can act on. */
function hostSide(e: unknown): unknown {
  const err = e as NodeJS.ErrnoException;
  const what: Record<string, string> = {
    ENOSPC: 'the disk is full (no space left on device)',
    EDQUOT: 'the disk quota is exhausted',
    EACCES: 'permission denied',
    EPERM: 'operation not permitted',
    EROFS: 'the file system is read-only',
  };
  if (e instanceof Error && typeof err.code === 'string' && Object.hasOwn(what, err.code) && err.syscall)
    return new HostError(`cannot ${err.syscall} ${err.path ?? ''}: ${what[err.code]}`);
  return e;
}

async function compose(config: Config, target: StoreTarget, lock: DataLock | undefined): Promise<App> {
  const startedAt = Date.now();
  const log = createLogger(config.logLevel, config.logFormat ?? 'json');
  const logger = log.logger;
  const flushLog = (): void => log.flush();
  const warnings: string[] = [];
  const registry = new Registry(MODULES);
  const opened = await openStore(target, registry.schema, { durability: config.durability, acceptDataLoss: config.acceptDataLoss });
  const { store, description: storage } = opened;
  if (opened.dataLoss) warnings.push(`${storage}: ${opened.dataLoss} (--accept-data-loss)`);
  try {
    return await serve({ config, target, lock, store, storage, logger, flushLog, warnings, registry, startedAt });
  } catch (e) {
    await store.close().catch(() => undefined);
    throw e;
  }
}

/** What is set up before the runtime: the configuration, the lock, the open store. */
interface Base {
  config: Config;
  target: StoreTarget;
  lock: DataLock | undefined;
  store: Store;
  storage: string;
  logger: Logger;
  flushLog: () => void;
  warnings: string[];
  registry: Registry;
  startedAt: number;
}

async function serve(base: Base): Promise<App> {
  const { config, target, lock, store, storage, logger, flushLog, warnings, registry, startedAt } = base;
  const logInfo = logger.isLevelEnabled('info');
  const logDebug = logger.isLevelEnabled('debug');
  let hintedSigning = false;
  // The store's health as it changes (a disk that fills up and frees again), once each way.
  let failing = false;
  store.onCommit(() => {
    const h = store.health();
    if (!h.ready && !failing) logger.error({ reason: h.reason }, 'the store cannot serve');
    else if (h.ready && failing) logger.info('the store serves again');
    failing = !h.ready;
  });
  const runtime = await runtimeFor(store, config);
  const { clock, profile, faults, journal } = runtime;
  const ids = createIdGenerator(config.idSeed === undefined ? undefined : await seedForThisStart(store, config.idSeed));
  const callers = new CachedCallers(store);
  const transitions = new TransitionEngine(store, clock, registry.settlers, undefined, runtime.concurrentUnits);
  runtime.watch(transitions);
  const engine = new Engine({ registry, store, clock, ids, profile, faults, transitions });
  const metrics = new Metrics(
    store,
    registry.tables().filter((t) => t.resourceType && t.columns.includes('status')),
  );

  // The record of every call, fault and transition: journal, metrics, one log line.
  engine.onCall((r) => {
    const action = r.action ?? '(none)';
    metrics.requests.inc({ action, code: r.code ?? 'OK' });
    metrics.observe(action, r.seconds);
    if (r.action) {
      journal.add({
        at: clock.now(),
        type: 'ApiCall',
        name: r.action,
        source: r.source,
        requestId: r.requestId,
        region: r.regionId ?? '',
        account: r.accountId ?? '',
        resource: r.resource ?? '',
        code: r.code ?? '',
        message: r.message ?? '',
      });
    }
    if (r.cause !== undefined) logger.error({ err: r.cause, requestId: r.requestId }, 'unexpected error');
    if (r.signing && !logDebug && logInfo && !hintedSigning) {
      hintedSigning = true; // once: a client with a wrong secret would otherwise double every line
      logger.info(
        { requestId: r.requestId },
        'SignatureDoesNotMatch: start with --log-level debug to log the canonical request and string to sign the server computed',
      );
    }
    if (logDebug) {
      if (r.params) logger.debug({ requestId: r.requestId, action: r.action, params: redactedParams(r.params) }, 'call parameters');
      if (r.signing)
        logger.debug(
          { requestId: r.requestId, canonicalRequest: r.signing.canonicalRequest, stringToSign: r.signing.stringToSign },
          "SignatureDoesNotMatch: what the server signed (compare with your client's canonical request and string to sign)",
        );
    }
    if (logInfo)
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
      at: clock.now(),
      type: 'Fault',
      name: f.action,
      source: f.source,
      requestId: f.requestId,
      region: f.regionId,
      account: f.accountId,
      resource: f.resource,
      code: f.code,
      message: f.rule.id,
    });
  });
  transitions.onComplete((c) => {
    metrics.transitions.inc({ kind: c.kind, to: c.to });
    journal.add({
      at: c.at,
      type: 'Transition',
      name: `${c.kind}:${c.from}->${c.to}`,
      requestId: '',
      region: c.regionId,
      account: c.accountId,
      resource: c.id,
      code: '',
      message: '',
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

  const seed = config.seedFile
    ? await applySeedFile(config.seedFile, { engine, store, ids, clock, transitions }, config.defaultAccount.aliUid).catch((e: unknown) => {
        transitions.stop(); // no timer may write to the store the caller closes now
        throw e;
      })
    : undefined;
  if (seed && !seed.applied) warnings.push(`seed file ${seed.file} not applied: ${seed.reason ?? ''}`);

  const stopping = new AbortController();
  const token = planAdminToken(config.adminToken, target.kind === 'sqlite' ? target.dir : undefined);
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
      stopping: stopping.signal,
      audit: (a) => {
        logger.info({ admin: a.name, resource: a.resource, detail: a.detail }, 'admin action');
        journal.add({
          at: clock.now(),
          type: 'Admin',
          name: a.name,
          source: 'admin',
          requestId: '',
          region: '',
          account: '',
          resource: a.resource,
          code: '',
          message: a.detail,
        });
      },
    },
    token.token,
  );
  const nonces = runtime.nonces(FRESHNESS_WINDOW_MS, NONCE_CAPACITY);
  await nonces.start();
  const auth = new Authenticator((id) => callers.lookup(id), nonces);
  const gateway = createGateway({ engine, auth, ids, maxBodyBytes: config.maxBodyBytes });
  const server = createHttpServer({
    gateway,
    admin,
    ids,
    logger,
    requestTimeoutMs: config.requestTimeoutMs,
    guard: { listenHost: config.host, allowedOrigins: config.allowedOrigins, allowedHosts: config.allowedHosts },
  });
  const devKey =
    config.defaultAccount.accessKeyId === DEFAULT_ACCOUNT.accessKeyId &&
    config.defaultAccount.accessKeySecret === DEFAULT_ACCOUNT.accessKeySecret;
  if (!isLoopbackAddress(config.host) && devKey)
    warnings.push(
      `listening on ${config.host}, beyond this machine, with the published development key enabled: anyone who can reach it can call it; set --default-access-key-id and --default-access-key-secret`,
    );

  let port: number;
  try {
    port = await listen(server, config.host, config.port);
  } catch (e) {
    transitions.stop();
    await nonces.stop().catch(() => undefined);
    await runtime.stop().catch(() => undefined);
    throw e;
  }
  writeAdminToken(token);
  const hostForUrl = config.host.includes(':') ? `[${config.host}]` : config.host;
  const url = `http://${hostForUrl}:${port}`;
  lock?.listening(url);
  for (const w of warnings) logger.warn(w);
  let closing: Promise<void> | undefined;
  return {
    server,
    engine,
    store,
    logger,
    port,
    adminToken: token.token,
    adminTokenFile: token.file,
    seed,
    warnings,
    url,
    close() {
      closing ??= (async () => {
        stopping.abort();
        await drain(server, SHUTDOWN_BOUND_MS);
        transitions.stop();
        await nonces.stop().catch(() => undefined);
        await runtime.stop().catch(() => undefined);
        await store.close();
        lock?.release();
        flushLog();
      })();
      return closing;
    },
  };
}
