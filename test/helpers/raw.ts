// Raw signed HTTP, for what an SDK cannot send: bad signatures, replayed nonces, stale timestamps,
// malformed input. Signs with the same algorithms the SDKs use (protocol/signature.ts is the
// server's; the test computes its own with node:crypto so a bug there cannot hide itself).
import { createHash, createHmac, randomUUID } from 'node:crypto';
import { request, type Agent } from 'node:http';
import { DEFAULT_KEY } from './server.js';
import type { Key } from './clients.js';

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  json(): Record<string, unknown>;
}

function pct(s: string): string {
  return encodeURIComponent(s).replace(/[!'()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());
}

export function send(
  port: number,
  method: string,
  path: string,
  headers: Record<string, string> = {},
  body?: string | Buffer,
  agent?: Agent,
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        method,
        path,
        agent,
        headers: { ...headers, ...(body !== undefined ? { 'content-length': String(Buffer.byteLength(body)) } : {}) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json: () => JSON.parse(text) as Record<string, unknown> });
        });
      },
    );
    req.on('error', reject);
    if (body !== undefined) req.write(body);
    req.end();
  });
}

export function isoNow(offsetMs = 0): string {
  return new Date(Date.now() + offsetMs).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export interface V1Options {
  method?: string;
  key?: Key;
  version?: string;
  /** Override or remove (undefined) common parameters. */
  common?: Record<string, string | undefined>;
  /** Tamper after signing. */
  mutate?: (params: [string, string][]) => void;
  /** Send the parameters in a form body (POST) instead of the query. */
  form?: boolean;
  agent?: Agent;
  /** More request headers (Origin, Host, a content type), sent as given. */
  headers?: Record<string, string>;
}

/** A V1 (HMAC-SHA1) signed request; `params` are business parameters, `Action` included. */
export function v1(port: number, params: Record<string, string> | [string, string][], opts: V1Options = {}): Promise<RawResponse> {
  const key = opts.key ?? DEFAULT_KEY;
  const method = opts.method ?? 'GET';
  const common: Record<string, string | undefined> = {
    Format: 'JSON',
    Version: opts.version ?? '2016-04-28',
    AccessKeyId: key.id,
    SignatureMethod: 'HMAC-SHA1',
    SignatureVersion: '1.0',
    SignatureNonce: randomUUID(),
    Timestamp: isoNow(),
    ...opts.common,
  };
  const pairs: [string, string][] = Array.isArray(params) ? params.slice() : Object.entries(params);
  for (const [k, v] of Object.entries(common)) if (v !== undefined) pairs.push([k, v]);
  const canon = pairs
    .map(([k, v]) => [pct(k), pct(v)] as const)
    .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : 1))
    .map(([k, v]) => `${k}=${v}`)
    .join('&');
  const toSign = `${method}&%2F&${pct(canon)}`;
  if (!('Signature' in (opts.common ?? {})))
    pairs.push([
      'Signature',
      createHmac('sha1', key.secret + '&')
        .update(toSign)
        .digest('base64'),
    ]);
  else if (opts.common?.Signature !== undefined) pairs.push(['Signature', opts.common.Signature]);
  opts.mutate?.(pairs);
  const encoded = pairs.map(([k, v]) => `${pct(k)}=${pct(v)}`).join('&');
  if (opts.form)
    return send(port, method, '/', { 'content-type': 'application/x-www-form-urlencoded', ...opts.headers }, encoded, opts.agent);
  return send(port, method, `/?${encoded}`, { ...opts.headers }, undefined, opts.agent);
}

export interface V3Options {
  method?: string;
  key?: Key;
  action: string;
  version?: string;
  date?: string;
  nonce?: string;
  algorithm?: string;
  body?: string;
  contentType?: string;
  /** Change the request after signing. */
  tamper?: { query?: string; headers?: Record<string, string> };
  /** Sign only these headers (all of them by default), to probe what the server requires. */
  signedHeaders?: string[];
  authorization?: string;
}

/** An ACS3-HMAC-SHA256 signed request, built as `@alicloud/openapi-core` builds it. */
export function v3(port: number, query: Record<string, string>, opts: V3Options): Promise<RawResponse> {
  const key = opts.key ?? DEFAULT_KEY;
  const method = opts.method ?? 'POST';
  const body = opts.body ?? '';
  const headers: Record<string, string> = {
    host: `127.0.0.1:${port}`,
    'x-acs-action': opts.action,
    'x-acs-version': opts.version ?? '2016-04-28',
    'x-acs-date': opts.date ?? isoNow(),
    'x-acs-signature-nonce': opts.nonce ?? createHash('sha256').update(randomUUID()).digest('hex'),
    'x-acs-content-sha256': createHash('sha256').update(body).digest('hex'),
  };
  if (opts.contentType) headers['content-type'] = opts.contentType;
  const signed = (opts.signedHeaders ?? Object.keys(headers)).slice().sort();
  const canonQuery = Object.entries(query)
    .map(([k, v]) => [pct(k), pct(v)] as const)
    .sort((a, b) => (a[0] < b[0] ? -1 : 1))
    .map(([k, v]) => `${k}=${v}`)
    .join('&');
  const canonHeaders = signed.map((h) => `${h}:${headers[h]?.trim()}\n`).join('');
  const canonical = [method, '/', canonQuery, canonHeaders, signed.join(';'), headers['x-acs-content-sha256']].join('\n');
  const toSign = `ACS3-HMAC-SHA256\n${createHash('sha256').update(canonical).digest('hex')}`;
  const sig = createHmac('sha256', key.secret).update(toSign).digest('hex');
  headers.authorization =
    opts.authorization ?? `${opts.algorithm ?? 'ACS3-HMAC-SHA256'} Credential=${key.id},SignedHeaders=${signed.join(';')},Signature=${sig}`;
  Object.assign(headers, opts.tamper?.headers ?? {});
  const qs =
    opts.tamper?.query ??
    Object.entries(query)
      .map(([k, v]) => `${pct(k)}=${pct(v)}`)
      .join('&');
  return send(port, method, qs ? `/?${qs}` : '/', headers, body === '' ? undefined : body);
}
