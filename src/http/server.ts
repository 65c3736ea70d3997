// The HTTP server: admin routes under /_localvpc/ (and /metrics), the RPC gateway everywhere else,
// and Alibaba's error envelope even for requests node:http cannot parse. Requests from web pages
// and rebinding names are refused first (guard.ts).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import { errorBody, JSON_TYPE } from '../protocol/render.js';
import type { IdGenerator } from '../core/ids.js';
import { gatewayError } from '../errors/catalog.js';
import { createGuard, type GuardOptions } from './guard.js';

export interface HttpOptions {
  gateway: (req: IncomingMessage, res: ServerResponse) => Promise<void>;
  admin: { handle(req: IncomingMessage, res: ServerResponse): Promise<boolean> };
  ids: IdGenerator;
  logger: Logger;
  requestTimeoutMs: number;
  guard: GuardOptions;
}

export function createHttpServer(o: HttpOptions): Server {
  const guard = createGuard(o.guard);
  const server = createServer(
    {
      maxHeaderSize: 64 * 1024,
      connectionsCheckingInterval: Math.min(1000, o.requestTimeoutMs),
      requestTimeout: o.requestTimeoutMs,
      headersTimeout: Math.min(10_000, o.requestTimeoutMs),
    },
    (req, res) => {
      const url = req.url ?? '/';
      const verdict = guard(req.headers);
      if (!verdict.ok) {
        req.resume();
        const err =
          verdict.code === 'Forbidden.Origin'
            ? gatewayError(verdict.code, verdict.what, verdict.what)
            : gatewayError(verdict.code, verdict.what);
        const requestId = o.ids.requestId();
        const admin = url.startsWith('/_localvpc/') || url.startsWith('/metrics');
        res.writeHead(err.status, { 'content-type': JSON_TYPE, 'x-acs-request-id': requestId, connection: 'close' });
        res.end(
          JSON.stringify(
            admin
              ? { error: { code: err.code, message: err.message } }
              : errorBody(requestId, 'vpc.aliyuncs.com', 'Vpc', err.code, err.message),
          ),
        );
        return;
      }
      if (verdict.cors) {
        for (const [k, v] of Object.entries(verdict.cors)) res.setHeader(k, v);
        if (req.method === 'OPTIONS') {
          req.resume();
          res.writeHead(204, { 'access-control-max-age': '600' });
          res.end();
          return;
        }
      }
      const handled = url.startsWith('/_localvpc/') || url.startsWith('/metrics') ? o.admin.handle(req, res) : Promise.resolve(false);
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
          return o.gateway(req, res);
        })
        .catch((err: unknown) => {
          o.logger.error({ err }, 'request failed outside the gateway');
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
    const requestId = o.ids.requestId();
    const body = JSON.stringify(errorBody(requestId, 'vpc.aliyuncs.com', 'Vpc', code, message));
    socket.end(
      `HTTP/1.1 ${status} ${tooLarge ? 'Request Header Fields Too Large' : timeout ? 'Request Timeout' : 'Bad Request'}\r\ncontent-type: application/json;charset=utf-8\r\ncontent-length: ${Buffer.byteLength(body)}\r\nx-acs-request-id: ${requestId}\r\nconnection: close\r\n\r\n${body}`,
    );
  });
  return server;
}
