// The two signatures real clients send, computed exactly as Alibaba documents them
// (api-reference.md §2.4-2.5, clients.md §3). Pure functions of the request; no I/O.
import { createHash, createHmac } from 'node:crypto';
import { pct } from './percent.js';
import type { Pairs } from './params.js';

function canonicalQuery(pairs: Pairs): string {
  return pairs
    .map(([k, v]) => [pct(k), pct(v)] as const)
    .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0))
    .map(([k, v]) => `${k}=${v}`)
    .join('&');
}

/** V1 (HMAC-SHA1): every parameter but `Signature`, sorted, encoded twice. */
export function v1StringToSign(method: string, pairs: Pairs): string {
  return `${method}&${pct('/')}&${pct(canonicalQuery(pairs.filter(([k]) => k !== 'Signature')))}`;
}

export function v1Sign(stringToSign: string, secret: string): string {
  return createHmac('sha1', secret + '&')
    .update(stringToSign)
    .digest('base64');
}

export interface V3Authorization {
  algorithm: string;
  accessKeyId: string;
  signedHeaders: string[];
  signature: string;
}

/** Parses `ACS3-HMAC-SHA256 Credential=..,SignedHeaders=..,Signature=..`; undefined when incomplete. */
export function parseV3Authorization(header: string): V3Authorization | undefined {
  const sp = header.indexOf(' ');
  if (sp < 0) return undefined;
  const algorithm = header.slice(0, sp);
  const fields = new Map<string, string>();
  for (const part of header.slice(sp + 1).split(',')) {
    const eq = part.indexOf('=');
    if (eq > 0) fields.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
  }
  const accessKeyId = fields.get('Credential');
  const signed = fields.get('SignedHeaders');
  const signature = fields.get('Signature');
  if (!accessKeyId || signed === undefined || !signature) return undefined;
  return { algorithm, accessKeyId, signedHeaders: signed.split(';').filter(Boolean), signature };
}

export function sha256Hex(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

/** V3 (ACS3-HMAC-SHA256): the string to sign, the hash of the canonical request. */
export function v3StringToSign(
  method: string,
  path: string,
  queryPairs: Pairs,
  headers: Record<string, string | string[] | undefined>,
  signedHeaders: string[],
  payloadHash: string,
): string {
  return v3StringToSignOf(v3CanonicalRequest(method, path, queryPairs, headers, signedHeaders, payloadHash));
}

export function v3StringToSignOf(canonicalRequest: string): string {
  return `ACS3-HMAC-SHA256\n${sha256Hex(canonicalRequest)}`;
}

/** V3: the canonical request over the headers the client says it signed (shown in full in debug logs). */
export function v3CanonicalRequest(
  method: string,
  path: string,
  queryPairs: Pairs,
  headers: Record<string, string | string[] | undefined>,
  signedHeaders: string[],
  payloadHash: string,
): string {
  const canonHeaders = signedHeaders
    .map((h) => {
      const raw = headers[h];
      const value = Array.isArray(raw)
        ? raw
            .map((x) => x.trim())
            .sort()
            .join(',')
        : (raw ?? '').trim();
      return `${h}:${value}\n`;
    })
    .join('');
  return [method, path, canonicalQuery(queryPairs), canonHeaders, signedHeaders.join(';'), payloadHash].join('\n');
}

/** V1: the sorted, encoded parameters the string to sign is made of (shown in debug logs). */
export function v1CanonicalQuery(pairs: Pairs): string {
  return canonicalQuery(pairs.filter(([k]) => k !== 'Signature'));
}

export function v3Sign(stringToSign: string, secret: string): string {
  return createHmac('sha256', secret).update(stringToSign).digest('hex');
}
