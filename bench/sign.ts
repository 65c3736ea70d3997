// Signed request factories for the benchmark: V1 (HMAC-SHA1, GET, every parameter in the query) and
// V3 (ACS3-HMAC-SHA256, POST, business parameters in the query, empty body, as
// @alicloud/openapi-core sends it). `v1Signer(o)` / `v3Signer(o, host)` return a factory; each call
// of it makes a fresh SignatureNonce and timestamp and signs anew.
// The load generator shares the machine with the server, so a factory precomputes everything that
// does not change (the encoded, sorted constant parameters and headers) and per request only
// encodes the nonce and timestamp and computes the hashes. Its first request is checked against the
// server's own pure functions (src/protocol/signature.ts), so the shortcut cannot drift from them.
import { randomUUID } from 'node:crypto';
import { pct } from '../src/protocol/percent.js';
import { sha256Hex, v1Sign, v1StringToSign, v3Sign, v3StringToSign } from '../src/protocol/signature.js';

export interface Key {
  id: string;
  secret: string;
}

/** The well-known default AccessKey LocalVPC creates on first start (README). */
export const DEFAULT_KEY: Key = { id: 'LTAI5tLocalVpcDevAccess1', secret: 'LocalVpcDevSecretNotForProd001' };

/** One HTTP request, ready for node:http (and, made raw, for wrk). */
export interface RequestSpec {
  method: 'GET' | 'POST' | 'PUT' | 'HEAD';
  path: string;
  headers: Record<string, string>;
  body?: string;
}

export interface SignOptions {
  action: string;
  version?: string;
  /** Business parameters (RegionId, PageSize, ...). */
  params?: Record<string, string>;
  key?: Key;
}

let tsSecond = -1;
let tsValue = '';
/** Alibaba's timestamp form, ISO 8601 UTC without milliseconds (recomputed once a second). */
function isoNow(): string {
  const s = Math.floor(Date.now() / 1000);
  if (s !== tsSecond) {
    tsSecond = s;
    tsValue = new Date(s * 1000).toISOString().slice(0, 19) + 'Z';
  }
  return tsValue;
}

const EMPTY_SHA256 = sha256Hex('');
const byKey = (a: [string, string], b: [string, string]): number =>
  a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0;

function once(check: () => void): () => void {
  let done = false;
  return () => {
    if (!done) check();
    done = true;
  };
}

/** V1: HMAC-SHA1 over the sorted, doubly encoded parameters; GET with everything in the query. */
export function v1Signer(o: SignOptions): () => RequestSpec {
  const key = o.key ?? DEFAULT_KEY;
  const fixed: [string, string][] = [
    ['Action', o.action],
    ['Format', 'JSON'],
    ['Version', o.version ?? '2016-04-28'],
    ['AccessKeyId', key.id],
    ['SignatureMethod', 'HMAC-SHA1'],
    ['SignatureVersion', '1.0'],
    ...Object.entries(o.params ?? {}),
  ];
  const query = fixed.map(([k, v]) => `${pct(k)}=${pct(v)}`).join('&');
  // Canonical query = sorted `k=v` of the fixed pairs plus the two varying ones, each encoded again.
  const slots = [
    ...fixed.map(([k, v]) => [pct(k), pct(v)] as [string, string]),
    ['SignatureNonce', '\u0000n'] as [string, string],
    ['Timestamp', '\u0000t'] as [string, string],
  ].sort(byKey);
  const seg = slots.map(([k, v]) => (v.startsWith('\u0000') ? v : pct(`${k}=${v}`)));
  const iN = seg.indexOf('\u0000n');
  const iT = seg.indexOf('\u0000t');
  let nonceSeen = '',
    tsSeen = '',
    toSignSeen = '';
  const check = once(() => {
    const pairs: [string, string][] = [...fixed, ['SignatureNonce', nonceSeen], ['Timestamp', tsSeen]];
    if (v1StringToSign('GET', pairs) !== toSignSeen) throw new Error("bench/sign.ts: V1 string to sign differs from the server's");
  });
  return () => {
    const nonce = randomUUID();
    const ts = isoNow();
    const n = pct(nonce);
    const t = pct(ts);
    seg[iN] = pct(`SignatureNonce=${n}`);
    seg[iT] = pct(`Timestamp=${t}`);
    const toSign = `GET&%2F&${seg.join('%26')}`;
    [nonceSeen, tsSeen, toSignSeen] = [nonce, ts, toSign];
    check();
    const sig = v1Sign(toSign, key.secret);
    return { method: 'GET', path: `/?${query}&SignatureNonce=${n}&Timestamp=${t}&Signature=${pct(sig)}`, headers: {} };
  };
}

/** V3: ACS3-HMAC-SHA256, POST, business parameters in the query, empty body. `host` is the Host header sent and signed. */
export function v3Signer(o: SignOptions, host: string): () => RequestSpec {
  const key = o.key ?? DEFAULT_KEY;
  const query = Object.entries(o.params ?? {});
  const path = query.length ? `/?${query.map(([k, v]) => `${pct(k)}=${pct(v)}`).join('&')}` : '/';
  const action = o.action;
  const version = o.version ?? '2016-04-28';
  const signed = ['host', 'x-acs-action', 'x-acs-content-sha256', 'x-acs-date', 'x-acs-signature-nonce', 'x-acs-version'];
  const canonQuery = query
    .map(([k, v]) => [pct(k), pct(v)] as [string, string])
    .sort(byKey)
    .map(([k, v]) => `${k}=${v}`)
    .join('&');
  const head = `POST\n/\n${canonQuery}\nhost:${host}\nx-acs-action:${action}\nx-acs-content-sha256:${EMPTY_SHA256}\nx-acs-date:`;
  const tail = `\nx-acs-version:${version}\n\n${signed.join(';')}\n${EMPTY_SHA256}`;
  const credential = `ACS3-HMAC-SHA256 Credential=${key.id},SignedHeaders=${signed.join(';')},Signature=`;
  let headersSeen: Record<string, string> = {},
    toSignSeen = '';
  const check = once(() => {
    if (v3StringToSign('POST', '/', query, headersSeen, signed, EMPTY_SHA256) !== toSignSeen)
      throw new Error("bench/sign.ts: V3 string to sign differs from the server's");
  });
  return () => {
    const date = isoNow();
    const nonce = randomUUID();
    const toSign = `ACS3-HMAC-SHA256\n${sha256Hex(`${head}${date}\nx-acs-signature-nonce:${nonce}${tail}`)}`;
    const headers: Record<string, string> = {
      host,
      'x-acs-action': action,
      'x-acs-content-sha256': EMPTY_SHA256,
      'x-acs-date': date,
      'x-acs-signature-nonce': nonce,
      'x-acs-version': version,
      authorization: credential + v3Sign(toSign, key.secret),
      'content-length': '0', // not signed; sent as the SDK sends it
    };
    [headersSeen, toSignSeen] = [headers, toSign];
    check();
    return { method: 'POST', path, headers };
  };
}
