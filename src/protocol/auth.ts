// Who is calling: verifies the V1 (HMAC-SHA1) or V3 (ACS3-HMAC-SHA256) signature against the
// AccessKey's secret, with Alibaba's gateway errors in the gateway's order: completeness, method,
// timestamp, key, signature, then nonce replay. Freshness is judged on the real wall clock, not the
// emulator's virtual clock: clients sign with real time.
import { gatewayError } from '../errors/catalog.js';
import type { Pairs } from './params.js';
import { ApiError } from '../errors/api-error.js';
import {
  parseV3Authorization,
  sha256Hex,
  v1CanonicalQuery,
  v1Sign,
  v1StringToSign,
  v3CanonicalRequest,
  v3Sign,
  v3StringToSignOf,
} from './signature.js';

/** A SignatureDoesNotMatch with what the server signed, for the debug log (the client sees only Alibaba's message). */
export class SignatureMismatch extends ApiError {
  constructor(
    base: ApiError,
    readonly signing: { canonicalRequest: string; stringToSign: string },
  ) {
    super(base.code, base.status, base.message);
  }
}

function mismatch(canonicalRequest: string, stringToSign: string): SignatureMismatch {
  return new SignatureMismatch(gatewayError('SignatureDoesNotMatch', stringToSign), { canonicalRequest, stringToSign });
}

/** Records signature nonces; `add` is false when the nonce was seen within the window (a replay). */
export interface NonceStore {
  add(nonce: string, now: number): Promise<boolean>;
}

export interface KeyRecord {
  accessKeyId: string;
  secret: string;
  active: boolean;
  accountId: string;
}

export interface Envelope {
  scheme: 'v1' | 'v3';
  action: string | undefined;
  version: string | undefined;
  format: string | undefined;
  /** The business parameters: every pair but the protocol's own. */
  params: Pairs;
}

/** The protocol's own V1 parameters, never passed to an action. */
const V1_COMMON = new Set([
  'AccessKeyId',
  'Action',
  'Format',
  'SignatureMethod',
  'SignatureNonce',
  'SignatureVersion',
  'Signature',
  'Timestamp',
  'Version',
  'SecurityToken',
  'SignatureType',
  'BearerToken',
]);

export interface SignedRequest {
  method: string;
  path: string;
  headers: Record<string, string | string[] | undefined>;
  queryPairs: Pairs;
  allPairs: Pairs;
  rawBody: Buffer;
}

function first(pairs: Pairs, name: string): string | undefined {
  for (const [k, v] of pairs) if (k === name) return v;
  return undefined;
}

function header(req: SignedRequest, name: string): string | undefined {
  const h = req.headers[name];
  return Array.isArray(h) ? h[0] : h;
}

export function readEnvelope(req: SignedRequest): Envelope {
  const authz = header(req, 'authorization');
  const format = first(req.allPairs, 'Format');
  const params = req.allPairs.filter(([k]) => !V1_COMMON.has(k));
  if (authz !== undefined && authz.startsWith('ACS3-')) {
    return { scheme: 'v3', action: header(req, 'x-acs-action'), version: header(req, 'x-acs-version'), format, params };
  }
  return { scheme: 'v1', action: first(req.allPairs, 'Action'), version: first(req.allPairs, 'Version'), format, params };
}

/**
 * V3 signatures must cover what they claim: `host`, every `x-acs-*` header the request carries
 * (action, version, date, nonce, content-sha256...) and `content-type` when there is one.
 * Alibaba's rule: every common request header but Authorization must be signed when present;
 * the official SDKs sign exactly these. Without it, an unsigned x-acs-action could be swapped.
 */
function signsWhatItMust(req: SignedRequest, signed: readonly string[]): boolean {
  const set = new Set(signed.map((h) => h.toLowerCase()));
  if (!set.has('host')) return false;
  for (const name of Object.keys(req.headers)) {
    const h = name.toLowerCase();
    if ((h.startsWith('x-acs-') || h === 'content-type') && !set.has(h)) return false;
  }
  return true;
}

const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d{1,3})?Z$/;
const WINDOW_MS = 15 * 60 * 1000;

/** The last timestamp parsed (requests of one second carry the same text). */
let lastStamp = { text: '', ms: NaN };

function checkTimestamp(value: string | undefined, wallNow: number): void {
  if (value === undefined || value === '') throw gatewayError('MissingTimestamp');
  let t = value === lastStamp.text ? lastStamp.ms : NaN;
  if (Number.isNaN(t)) {
    t = TIMESTAMP.test(value) ? Date.parse(value) : NaN;
    if (Number.isNaN(t)) throw gatewayError('InvalidTimeStamp.Format');
    lastStamp = { text: value, ms: t };
  }
  if (Math.abs(wallNow - t) > WINDOW_MS) throw gatewayError('InvalidTimeStamp.Expired');
}

/** How long a signed request stays fresh, and how long its nonce is remembered. */
export const FRESHNESS_WINDOW_MS = WINDOW_MS;

/** Verifies signatures against the keys `lookupKey` finds; answers the key record it found (with whatever else the caller attached to it). */
export class Authenticator<K extends KeyRecord = KeyRecord> {
  constructor(
    private readonly lookupKey: (accessKeyId: string) => Promise<K | undefined>,
    private readonly nonces: NonceStore,
    private readonly wallNow: () => number = Date.now,
  ) {}

  /** Returns the verified key, or throws the gateway's error. */
  verify(req: SignedRequest, env: Envelope): Promise<K> {
    return env.scheme === 'v3' ? this.verifyV3(req) : this.verifyV1(req);
  }

  private async key(accessKeyId: string): Promise<K> {
    const key = await this.lookupKey(accessKeyId);
    if (!key) throw gatewayError('InvalidAccessKeyId.NotFound');
    if (!key.active) throw gatewayError('InvalidAccessKeyId.Inactive');
    return key;
  }

  private async consumeNonce(key: KeyRecord, nonce: string): Promise<void> {
    if (!(await this.nonces.add(`${key.accessKeyId}\n${nonce}`, this.wallNow()))) throw gatewayError('SignatureNonceUsed');
  }

  private async verifyV1(req: SignedRequest): Promise<K> {
    const p = req.allPairs;
    const signature = first(p, 'Signature');
    const accessKeyId = first(p, 'AccessKeyId');
    if (!signature || !accessKeyId) throw gatewayError('IncompleteSignature');
    const method = first(p, 'SignatureMethod');
    if (method === undefined || method.toUpperCase() !== 'HMAC-SHA1') throw gatewayError('InvalidSignatureMethod');
    const version = first(p, 'SignatureVersion');
    if (version !== undefined && version !== '1.0') throw gatewayError('InvalidSignatureVersion');
    checkTimestamp(first(p, 'Timestamp'), this.wallNow());
    const nonce = first(p, 'SignatureNonce');
    if (!nonce) throw gatewayError('MissingSignatureNonce');
    const key = await this.key(accessKeyId);
    const toSign = v1StringToSign(req.method, p);
    if (v1Sign(toSign, key.secret) !== signature) throw mismatch(v1CanonicalQuery(p), toSign);
    await this.consumeNonce(key, nonce);
    return key;
  }

  private async verifyV3(req: SignedRequest): Promise<K> {
    const auth = parseV3Authorization(header(req, 'authorization') ?? '');
    if (!auth) throw gatewayError('IncompleteSignature');
    if (auth.algorithm !== 'ACS3-HMAC-SHA256') throw gatewayError('InvalidSignatureMethod');
    if (!signsWhatItMust(req, auth.signedHeaders)) throw gatewayError('IncompleteSignature');
    checkTimestamp(header(req, 'x-acs-date'), this.wallNow());
    const nonce = header(req, 'x-acs-signature-nonce');
    if (!nonce) throw gatewayError('MissingSignatureNonce');
    const key = await this.key(auth.accessKeyId);
    const payloadHash = sha256Hex(req.rawBody);
    const declared = header(req, 'x-acs-content-sha256');
    const canonical = v3CanonicalRequest(req.method, req.path, req.queryPairs, req.headers, auth.signedHeaders, declared ?? payloadHash);
    const toSign = v3StringToSignOf(canonical);
    if (declared !== undefined && declared !== payloadHash)
      throw mismatch(`${canonical}\n(x-acs-content-sha256 ${declared} is not the body's SHA-256, ${payloadHash})`, toSign);
    if (v3Sign(toSign, key.secret) !== auth.signature) throw mismatch(canonical, toSign);
    await this.consumeNonce(key, nonce);
    return key;
  }
}
