// The RPC gateway: one endpoint (path `/`) for Vpc 2016-04-28 and STS 2015-04-01. The order of the
// pipeline, in one place:
//   body (size limit) -> method -> parameters (query + form) -> envelope (V1 or V3) -> product by
//   Version -> action known -> signature -> parameter validation -> region -> implemented ->
//   injected faults -> settle due transitions -> handler (reads at once, writes group-committed)
//   -> render JSON or XML with RequestId -> journal, metrics, one log line.
// Any ApiError on the way is rendered in Alibaba's envelope; anything else is logged and becomes
// InternalError, so no request can crash the server.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import { ApiError } from '../errors/api-error.js';
import { actionError, gatewayError } from '../errors/catalog.js';
import { decodePairs, splitTarget, type Pairs } from '../protocol/params.js';
import { Authenticator, readEnvelope, type SignedRequest } from '../protocol/auth.js';
import { errorBody, renderError, renderSuccess, wantsXml } from '../protocol/render.js';
import { validate } from '../spec/validate.js';
import { vpcFacts } from '../spec/vpc-facts.generated.js';
import { stsFacts } from '../spec/sts-facts.generated.js';
import type { ActionFacts } from '../spec/types.js';
import { lookupAction } from '../actions/registry.js';
import type { Product } from '../actions/registry-types.js';
import { isRegion } from '../resources/regions/data.js';
import { isoSeconds } from '../core/time.js';
import type { FaultRule } from '../core/faults.js';
import type { Services } from './services.js';
import { actionContext } from './context.js';
import type { Metrics } from './metrics.js';

/** Versions each product answers. The Go SDK's ecs package sends the ECS version 2014-05-26 for the same actions. */
const VERSIONS: Record<string, { product: Product; facts: { actions: Record<string, ActionFacts> }; host: string }> = {
  '2016-04-28': { product: 'Vpc', facts: vpcFacts, host: 'vpc.aliyuncs.com' },
  '2014-05-26': { product: 'Vpc', facts: vpcFacts, host: 'vpc.aliyuncs.com' },
  '2015-04-01': { product: 'Sts', facts: stsFacts, host: 'sts.aliyuncs.com' },
};

/** Parameters and result fields that name the resource a call is about (for the journal). */
const RESOURCE_KEYS = ['RouterInterfaceId', 'InstanceId', 'VpcId', 'VbrId', 'RouteEntryId', 'PhysicalConnectionId', 'RouteTableId'];

export interface GatewayOptions {
  services: Services;
  logger: Logger;
  metrics: Metrics;
  maxBodyBytes: number;
}

interface Outcome {
  status: number;
  action?: string;
  code?: string;
  message?: string;
  account?: string;
  region?: string;
  resource?: string;
}

function readBody(req: IncomingMessage, limit: number): Promise<Buffer | 'too-large'> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > limit) over = true;
      else chunks.push(c);
    });
    req.on('end', () => resolve(over ? 'too-large' : chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function resourceOf(...sources: Record<string, unknown>[]): string | undefined {
  for (const src of sources) for (const k of RESOURCE_KEYS) if (typeof src[k] === 'string' && src[k]) return src[k] as string;
  return undefined;
}

export function createGateway(opts: GatewayOptions) {
  const { services, logger, metrics } = opts;
  const auth = new Authenticator((id) => services.callers.lookup(id));

  function fire(rule: FaultRule, requestId: string, out: Outcome): void {
    const code = rule.effect.error?.code ?? (rule.effect.transition ? `transition:${rule.effect.transition}` : 'latency');
    metrics.faults.inc({ fault: rule.id, code });
    logger.warn({ requestId, fault: rule.id, action: out.action, effect: rule.effect }, 'fault fired');
    services.journal.add({
      eventTime: isoSeconds(services.clock.now()),
      eventType: 'Fault',
      eventName: out.action ?? '',
      requestId,
      acsRegion: out.region ?? '',
      userIdentity: { accountId: out.account ?? '' },
      resourceName: out.resource ?? '',
      errorCode: code,
      errorMessage: rule.id,
    });
  }

  async function run(
    req: IncomingMessage,
    body: Buffer,
    requestId: string,
    out: Outcome,
  ): Promise<{ status: number; contentType: string; body: string }> {
    let xml = false;
    let host = 'vpc.aliyuncs.com';
    let product: Product = 'Vpc';
    try {
      const method = req.method ?? 'GET';
      const { path, query } = splitTarget(req.url ?? '/');
      const queryPairs = decodePairs(query);
      const ctype = String(req.headers['content-type'] ?? '');
      const allPairs: Pairs = queryPairs.slice();
      if (body.length > 0 && ctype.toLowerCase().startsWith('application/x-www-form-urlencoded'))
        decodePairs(body.toString('utf8'), allPairs);
      const signed: SignedRequest = { method, path, headers: req.headers, queryPairs, allPairs, rawBody: body };
      const env = readEnvelope(signed);
      xml = wantsXml(env.format);
      if (method !== 'GET' && method !== 'POST') throw gatewayError('UnsupportedHTTPMethod');
      if (env.format !== undefined && !/^(json|xml)$/i.test(env.format)) throw gatewayError('InvalidParameter.Format');
      if (!env.version) throw gatewayError('MissingVersion');
      const target = VERSIONS[env.version];
      if (!target) throw gatewayError('InvalidVersion');
      product = target.product;
      host = target.host;
      if (!env.action) throw gatewayError('MissingAction');
      const facts = Object.hasOwn(target.facts.actions, env.action) ? target.facts.actions[env.action] : undefined;
      if (!facts) throw gatewayError('InvalidAction.NotFound');
      out.action = env.action;
      const key = auth.verify(signed, env);
      out.account = key.accountId;
      if (!facts.methods.includes(method)) throw gatewayError('UnsupportedHTTPMethod');
      const input = validate(facts, env.params);
      out.resource = resourceOf(input);
      const regionId = input.RegionId;
      if (typeof regionId === 'string') {
        out.region = regionId;
        if (!isRegion(regionId)) {
          const e = facts.errors['InvalidRegionId.NotFound'];
          throw e?.status === 404 ? actionError(facts, 'InvalidRegionId.NotFound') : gatewayError('InvalidRegionId.NotFound');
        }
      }
      const def = lookupAction(target.product, env.action);
      if (!def) throw gatewayError('UnsupportedOperation.LocalVPC', env.action);
      const fault = services.faults.match({
        action: env.action,
        accountId: key.accountId,
        regionId: out.region ?? '',
        values: env.params.map(([, v]) => v),
      });
      if (fault) {
        fire(fault, requestId, out);
        if (fault.effect.latencyMs) await new Promise((r) => setTimeout(r, fault.effect.latencyMs));
        const e = fault.effect.error;
        if (e) {
          const base = actionError(facts, e.code);
          throw new ApiError(e.code, e.status ?? base.status, e.message ?? base.message);
        }
      }
      // Due transitions complete before the action sees state: a write's group settles them inside
      // its own commit; a read, when something is due, waits for a group that does.
      if (def.mode === 'read' && services.transitions.isDue()) await services.store.write(() => services.transitions.settleDue());
      const account = services.callers.lookup(key.accessKeyId)?.account;
      if (!account) throw gatewayError('InvalidAccessKeyId.NotFound');
      const ctx = actionContext(services, account, facts, fault?.effect.transition);
      const result = def.mode === 'write' ? await services.store.write(() => def.handler(input, ctx)) : def.handler(input, ctx);
      out.resource ??= resourceOf(result as Record<string, unknown>);
      const r = renderSuccess(env.action, requestId, result, xml);
      return { status: 200, contentType: r.contentType, body: r.body };
    } catch (e) {
      const err = e instanceof ApiError ? e : (logger.error({ err: e, requestId }, 'unexpected error'), gatewayError('InternalError'));
      out.code = err.code;
      out.message = err.message;
      const r = renderError(errorBody(requestId, host, product, err.code, err.message), xml);
      return { status: err.status, contentType: r.contentType, body: r.body };
    }
  }

  return async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const started = process.hrtime.bigint();
    const requestId = services.ids.requestId();
    const out: Outcome = { status: 0 };
    let reply: { status: number; contentType: string; body: string };
    const body = await readBody(req, opts.maxBodyBytes).catch(() => Buffer.alloc(0));
    if (body === 'too-large') {
      const err = gatewayError('RequestEntityTooLarge', String(opts.maxBodyBytes));
      out.code = err.code;
      reply = { status: err.status, ...renderError(errorBody(requestId, 'vpc.aliyuncs.com', 'Vpc', err.code, err.message), false) };
    } else {
      reply = await run(req, body, requestId, out);
    }
    out.status = reply.status;
    if (!res.destroyed) {
      res.writeHead(reply.status, {
        'content-type': reply.contentType,
        'content-length': Buffer.byteLength(reply.body),
        'x-acs-request-id': requestId,
      });
      res.end(reply.body);
    }
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const action = out.action ?? '(none)';
    metrics.requests.inc({ action, code: out.code ?? 'OK' });
    metrics.observe(action, seconds);
    if (out.action) {
      services.journal.add({
        eventTime: isoSeconds(services.clock.now()),
        eventType: 'ApiCall',
        eventName: out.action,
        requestId,
        acsRegion: out.region ?? '',
        userIdentity: { accountId: out.account ?? '' },
        resourceName: out.resource ?? '',
        errorCode: out.code ?? '',
        errorMessage: out.message ?? '',
      });
    }
    logger.info(
      {
        requestId,
        action: out.action,
        account: out.account,
        region: out.region,
        status: out.status,
        code: out.code,
        ms: Math.round(seconds * 1e5) / 100,
      },
      'request',
    );
  };
}
