// The RPC gateway: one endpoint (path `/`) for Vpc 2016-04-28 and STS 2015-04-01. A transport only:
//   body (size limit) -> method -> parameters (query + form) -> envelope (V1 or V3) -> product by
//   Version -> action known -> signature -> method allowed -> engine.invoke -> render JSON or XML
//   with RequestId.
// Everything about running the action (validation, faults, transitions, the unit of work, the
// journal, metrics and log) is the engine's. A call refused here is recorded through the engine
// too. Any ApiError is rendered in Alibaba's envelope; anything else becomes InternalError.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ApiError } from '../errors/api-error.js';
import { StoreUnavailable } from '../store/port.js';
import { asApiError, gatewayError } from '../errors/catalog.js';
import { decodePairs, splitTarget, type Pairs } from '../protocol/params.js';
import { readEnvelope, SignatureMismatch, type Authenticator, type SignedRequest } from '../protocol/auth.js';
import { errorBody, renderError, renderSuccess, wantsXml, type Rendered } from '../protocol/render.js';
import type { IdGenerator } from '../core/ids.js';
import type { Engine, CallRecord } from '../engine/invoke.js';
import { productOfVersion } from '../engine/module.js';
import type { Product } from '../engine/action.js';
import type { CallerRecord } from '../runtime/callers.js';

export interface GatewayOptions {
  engine: Engine;
  auth: Authenticator<CallerRecord>;
  ids: IdGenerator;
  maxBodyBytes: number;
}

interface Reply extends Rendered {
  status: number;
}

const EMPTY = Buffer.alloc(0);

function readBody(req: IncomingMessage, limit: number): Promise<Buffer | 'too-large'> {
  // A request without a body (most GETs): nothing to wait for; the server drains it after the answer.
  if (req.headers['content-length'] === undefined && req.headers['transfer-encoding'] === undefined) return Promise.resolve(EMPTY);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > limit) over = true;
      else chunks.push(c);
    });
    req.on('end', () => resolve(over ? 'too-large' : chunks.length === 1 && chunks[0] ? chunks[0] : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

export function createGateway(opts: GatewayOptions) {
  const { engine, auth, ids } = opts;

  /** A call refused before invoke: recorded like any other (journal, metrics, log). */
  function refused(rec: Omit<CallRecord, 'seconds' | 'source'>, started: bigint): void {
    engine.record({ ...rec, source: 'api', seconds: Number(process.hrtime.bigint() - started) / 1e9 });
  }

  async function run(req: IncomingMessage, body: Buffer, requestId: string, started: bigint): Promise<Reply> {
    let xml = false;
    let host = 'vpc.aliyuncs.com';
    let product: Product = 'Vpc';
    let action: string | undefined;
    let accountId: string | undefined;
    let params: Pairs | undefined;
    let invoked = false; // from then on, the engine records the call
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
      params = env.params;
      xml = wantsXml(env.format);
      if (method !== 'GET' && method !== 'POST') throw gatewayError('UnsupportedHTTPMethod');
      if (env.format !== undefined && !/^(json|xml)$/i.test(env.format)) throw gatewayError('InvalidParameter.Format');
      if (!env.version) throw gatewayError('MissingVersion');
      const target = productOfVersion(env.version);
      if (!target) throw gatewayError('InvalidVersion');
      product = target.product;
      host = target.host;
      if (!env.action) throw gatewayError('MissingAction');
      const facts = engine.facts(product, env.action);
      if (!facts) throw gatewayError('InvalidAction.NotFound');
      action = env.action;
      const key = await auth.verify(signed, env);
      accountId = key.accountId;
      if (!facts.methods.includes(method)) throw gatewayError('UnsupportedHTTPMethod');
      const caller = key.account;
      invoked = true;
      const result = await engine.invoke({
        product,
        action: env.action,
        params: env.params,
        caller,
        requestId,
        source: 'api',
        startedAt: started,
      });
      return { status: 200, ...renderSuccess(env.action, requestId, result, xml) };
    } catch (e) {
      const err = asApiError(e);
      if (!invoked) {
        const cause = e instanceof ApiError || e instanceof StoreUnavailable ? undefined : e;
        refused(
          {
            requestId,
            product,
            action,
            accountId,
            regionId: undefined,
            resource: undefined,
            code: err.code,
            message: err.message,
            status: err.status,
            cause,
            params,
            ...(e instanceof SignatureMismatch ? { signing: e.signing } : {}),
          },
          started,
        );
      }
      return { status: err.status, ...renderError(errorBody(requestId, host, product, err.code, err.message), xml) };
    }
  }

  return async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const started = process.hrtime.bigint();
    const requestId = ids.requestId();
    let reply: Reply;
    const body = await readBody(req, opts.maxBodyBytes).catch(() => Buffer.alloc(0));
    if (body === 'too-large') {
      const err = gatewayError('RequestEntityTooLarge', String(opts.maxBodyBytes));
      refused(
        {
          requestId,
          product: 'Vpc',
          action: undefined,
          accountId: undefined,
          regionId: undefined,
          resource: undefined,
          code: err.code,
          message: err.message,
          status: err.status,
        },
        started,
      );
      reply = { status: err.status, ...renderError(errorBody(requestId, 'vpc.aliyuncs.com', 'Vpc', err.code, err.message), false) };
    } else {
      reply = await run(req, body, requestId, started);
    }
    if (!res.destroyed) {
      res.writeHead(reply.status, {
        'content-type': reply.contentType,
        'content-length': Buffer.byteLength(reply.body),
        'x-acs-request-id': requestId,
      });
      res.end(reply.body);
    }
  };
}
