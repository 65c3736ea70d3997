// A small router for the admin API: routes declared as data (method, path with :params, summary,
// example body), JSON in and out, one error shape `{ "error": { "code", "message" } }`, and the
// admin token checked on every route that is not marked open. The OpenAPI document is generated
// from the same declarations (openapi.ts).
import type { IncomingMessage, ServerResponse } from 'node:http';
import { timingSafeEqual } from 'node:crypto';
import { formDecode } from '../../protocol/percent.js';
import { StoreUnavailable } from '../../store/port.js';

export class AdminError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export interface AdminRequest {
  params: Record<string, string>;
  query: URLSearchParams;
  body: unknown;
  /** The unread body, for a route that `streams` and a request sent as NDJSON (application/x-ndjson). */
  stream?: AsyncIterable<Buffer>;
  /** A path parameter the route declares (`:uid`). */
  param(name: string): string;
  /** Aborted when the client goes away (a long-lived stream stops producing then). */
  signal: AbortSignal;
  /** Request headers, lower-case names. */
  headers: IncomingMessage['headers'];
}

export interface AdminReply {
  status?: number;
  body?: unknown;
  /** A raw body with its content type (metrics). */
  raw?: { contentType: string; text: string };
  /** A body written as it is produced (a streamed export), with backpressure. */
  stream?: { contentType: string; chunks: AsyncIterable<string>; headers?: Record<string, string> };
}

export interface Route {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  summary: string;
  tag: string;
  open?: boolean;
  example?: unknown;
  /** The route takes NDJSON bodies unread (AdminRequest.stream); others are read as JSON. */
  streams?: boolean;
  /**
   * The token may also come as `?token=` (a browser's EventSource cannot set headers). Only for
   * routes that change nothing, since a URL is easier to leak than a header.
   */
  tokenInQuery?: boolean;
  /** A change worth recording: the name of its `Admin` journal event (`ClockAdvance`), logged too. */
  audit?: string;
  handler: (req: AdminRequest) => AdminReply | Promise<AdminReply>;
}

interface Compiled extends Route {
  re: RegExp;
  names: string[];
}

/** Admin bodies can be whole snapshots (100k interfaces export to about 100 MB). */
const MAX_BODY = 512 * 1024 * 1024;

function compile(r: Route): Compiled {
  const names: string[] = [];
  const re = new RegExp('^' + r.path.replace(/:([A-Za-z]+)/g, (_m, n: string) => (names.push(n), '([^/]+)')) + '/?$');
  return { ...r, re, names };
}

function readJson(req: IncomingMessage): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size <= MAX_BODY) chunks.push(c);
    });
    req.on('end', () => {
      if (size > MAX_BODY) return reject(new AdminError(413, 'BodyTooLarge', `The body exceeds ${MAX_BODY} bytes.`));
      const text = Buffer.concat(chunks).toString('utf8').trim();
      if (text === '') return resolve(undefined);
      try {
        resolve(JSON.parse(text));
      } catch {
        reject(new AdminError(400, 'InvalidJson', 'The request body is not valid JSON.'));
      }
    });
    req.on('error', reject);
  });
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body, null, 2);
  res.writeHead(status, { 'content-type': 'application/json;charset=utf-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

function tokenOf(req: IncomingMessage): string | undefined {
  const auth = req.headers.authorization;
  if (auth?.startsWith('Bearer ')) return auth.slice(7).trim();
  const h = req.headers['x-localvpc-token'];
  return Array.isArray(h) ? h[0] : h;
}

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a),
    y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export function createRouter(routes: Route[], token: string) {
  const compiled = routes.map(compile);
  return {
    routes,
    /** Handles the request if a route matches its path; false otherwise. */
    async handle(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
      const url = new URL(req.url ?? '/', 'http://localhost');
      const candidates = compiled.filter((r) => r.re.test(url.pathname));
      if (candidates.length === 0) return false;
      try {
        const route = candidates.find((r) => r.method === req.method);
        if (!route)
          throw new AdminError(405, 'MethodNotAllowed', `Use ${candidates.map((r) => r.method).join(' or ')} on ${url.pathname}.`);
        if (!route.open) {
          const given = tokenOf(req) ?? (route.tokenInQuery ? (url.searchParams.get('token') ?? undefined) : undefined);
          if (!given || !sameToken(given, token))
            throw new AdminError(401, 'Unauthorized', 'A valid admin token is required: Authorization: Bearer <token>.');
        }
        const m = route.re.exec(url.pathname) ?? [];
        const params: Record<string, string> = {};
        for (const [i, n] of route.names.entries()) {
          const v = formDecode(m[i + 1] ?? '');
          if (v === undefined)
            throw new AdminError(400, 'InvalidPath', `The path segment "${m[i + 1] ?? ''}" is not valid percent-encoding.`);
          params[n] = v;
        }
        const ndjson = route.streams === true && /^application\/x-ndjson\b/i.test(req.headers['content-type'] ?? '');
        const body = req.method === 'GET' || req.method === 'DELETE' ? (req.resume(), undefined) : ndjson ? undefined : await readJson(req);
        const param = (name: string): string => {
          const v = params[name];
          if (v === undefined) throw new AdminError(500, 'InternalError', `route ${route.path} has no parameter ${name}`);
          return v;
        };
        const gone = new AbortController();
        res.once('close', () => gone.abort());
        if (route.tokenInQuery) url.searchParams.delete('token');
        const reply = await route.handler({
          params,
          query: url.searchParams,
          body,
          param,
          signal: gone.signal,
          headers: req.headers,
          ...(ndjson ? { stream: req } : {}),
        });
        if (reply.stream) {
          res.writeHead(reply.status ?? 200, { ...reply.stream.headers, 'content-type': reply.stream.contentType });
          res.flushHeaders();
          for await (const chunk of reply.stream.chunks) {
            if (res.destroyed) break; // the client went away: stop producing (the source cleans up)
            if (!res.write(chunk)) await new Promise((r) => (res.once('drain', r), res.once('close', r)));
          }
          res.end();
        } else if (reply.raw) {
          res.writeHead(reply.status ?? 200, { 'content-type': reply.raw.contentType });
          res.end(reply.raw.text);
        } else {
          send(res, reply.status ?? 200, reply.body ?? {});
        }
      } catch (e) {
        const err =
          e instanceof AdminError
            ? e
            : e instanceof StoreUnavailable
              ? new AdminError(503, 'ServiceUnavailable', e.message)
              : new AdminError(500, 'InternalError', e instanceof Error ? e.message : String(e));
        if (!res.headersSent) send(res, err.status, { error: { code: err.code, message: err.message } });
        else res.end();
      }
      return true;
    },
  };
}

/** Reads a JSON object body; `fields` lists the keys it may have. */
export function objectBody(body: unknown, fields: readonly string[]): Record<string, unknown> {
  if (body === undefined) return {};
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    throw new AdminError(400, 'InvalidBody', 'The body must be a JSON object.');
  for (const k of Object.keys(body))
    if (!fields.includes(k)) throw new AdminError(400, 'InvalidBody', `Unknown field "${k}"; allowed: ${fields.join(', ')}.`);
  return Object.fromEntries(Object.entries(body));
}

/** A JSON object body field with any keys (an action's parameters). */
export function anyObject(v: unknown, name: string): Record<string, unknown> {
  if (v === undefined) return {};
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new AdminError(400, 'InvalidBody', `"${name}" must be a JSON object.`);
  return Object.fromEntries(Object.entries(v));
}

function typed(v: unknown, type: 'string' | 'number' | 'boolean', name: string): void {
  if (v !== undefined && (typeof v !== type || (type === 'number' && !Number.isFinite(v)))) {
    throw new AdminError(400, 'InvalidBody', `"${name}" must be a ${type}.`);
  }
}

/** A body field that must be a string when present. */
export function optString(v: unknown, name: string): string | undefined {
  typed(v, 'string', name);
  return typeof v === 'string' ? v : undefined;
}

/** A body field that must be a finite number when present. */
export function optNumber(v: unknown, name: string): number | undefined {
  typed(v, 'number', name);
  return typeof v === 'number' ? v : undefined;
}

/** A body field that must be a boolean when present. */
export function optBoolean(v: unknown, name: string): boolean | undefined {
  typed(v, 'boolean', name);
  return typeof v === 'boolean' ? v : undefined;
}

/** A body field that must be one of a closed set of strings when present. */
export function optOneOf<T extends string>(v: unknown, allowed: readonly T[], name: string): T | undefined {
  const s = optString(v, name);
  if (s === undefined) return undefined;
  const hit = allowed.find((a) => a === s);
  if (!hit) throw new AdminError(400, 'InvalidBody', `"${name}" must be one of ${allowed.join(', ')}.`);
  return hit;
}
