// The two wire forms terraform-provider-alicloud (1.289.0) uses against a VPC endpoint, built here
// with node:crypto and node:http only, so that nothing of the server's own code (signature,
// parameter decoding) can hide a mismatch. See /work/notes/terraform-replay.md §1.
//
// (a) tea-rpc (`client.RpcPost`, alibabacloud-go/tea-rpc v1.2.0 `DoRequest`): POST, the common
//     parameters (Action, Format=json, Timestamp, Version, SignatureNonce, SignatureMethod,
//     SignatureVersion, AccessKeyId, Signature) in the URL query, the business parameters as an
//     application/x-www-form-urlencoded body, a V1 HMAC-SHA1 signature over query and body merged.
// (b) the old Go SDK (`client.WithVpcClient`, aliyun/alibaba-cloud-sdk-go v1.63.107): POST, every
//     parameter in the URL query (Format=JSON, SignatureType= empty, RegionId added), an empty body.
//
// Both read the answer as the provider does: a 4xx/5xx becomes an error object (tea's SDKError or
// the old SDK's ServerError), a 200 goes through the provider's `formatError`
// (connectivity/client.go), and the helpers NotFoundError, IsExpectedErrors and NeedRetry
// (alicloud/errors.go) classify errors.
import { createHmac, randomUUID } from 'node:crypto';
import { request } from 'node:http';

export type Json = Record<string, unknown>;

export interface WireKey {
  id: string;
  secret: string;
}

/** Where a provider's `endpoints { vpc = "host:port" }` points, with its credentials. */
export interface WireTarget {
  /** `host:port`, no scheme (the provider passes it verbatim as the `host` header). */
  endpoint: string;
  key: WireKey;
}

/** One HTTP exchange, as a replay log line. */
export interface CallRecord {
  form: 'tea' | 'sdk';
  version: string;
  action: string;
  /** Business parameters as sent (flattened). */
  params: Record<string, string>;
  status: number;
  /** The error code of a failed call (`Code` of the body, or of formatError on a 200). */
  code?: string;
  message?: string;
}

export type CallLog = (rec: CallRecord) => void;

// ---------------------------------------------------------------------------------------------
// Errors, as the provider sees them

/** tea's SDKError: Code, StatusCode, Message (`code: <status>, <Message> request id: <id>`), Data (JSON of the body). */
export class TeaSdkError extends Error {
  readonly kind = 'tea';
  constructor(
    readonly action: string,
    readonly statusCode: number,
    readonly code: string,
    message: string,
    /** The error body as JSON text (what IsExpectedErrors searches). */
    readonly data: string,
  ) {
    super(message);
    this.name = 'TeaSdkError';
  }
}

/** The old Go SDK's errors.ServerError: HttpStatus, ErrorCode, Message. */
export class SdkServerError extends Error {
  readonly kind = 'sdk';
  constructor(
    readonly action: string,
    readonly httpStatus: number,
    readonly errorCode: string,
    readonly errorMessage: string,
    readonly body: string,
  ) {
    super(`SDK.ServerError ErrorCode: ${errorCode} Message: ${errorMessage} (HTTP ${httpStatus}, ${action})`);
    this.name = 'SdkServerError';
  }
}

/** The provider's own `WrapErrorf(NotFoundErr(...), NotFoundMsg, ...)`: a ComplexError starting with "ResourceNotfound". */
export class ProviderNotFound extends Error {
  readonly kind = 'notfound';
  constructor(what: string) {
    super(`ResourceNotfound: ${what} is not found.`);
    this.name = 'ProviderNotFound';
  }
}

/** Something that would make the real provider panic (a failed Go type assertion) or fail outright. */
export class ProviderCrash extends Error {
  readonly kind = 'crash';
  constructor(message: string) {
    super(message);
    this.name = 'ProviderCrash';
  }
}

/** `NotFoundError(err)` (alicloud/errors.go:83). */
export function notFoundError(e: unknown): boolean {
  if (e instanceof ProviderNotFound) return true;
  if (e instanceof TeaSdkError) return e.statusCode === 404 || /NotFound/.test(e.message);
  if (e instanceof SdkServerError) {
    return (
      ['Instance.Notfound', 'Forbidden.InstanceNotFound', 'NotFound'].includes(e.errorCode) ||
      e.httpStatus === 404 ||
      e.errorMessage.toLowerCase().includes('instance is not found')
    );
  }
  return false;
}

/**
 * `IsExpectedErrors(err, codes)` (alicloud/errors.go:117). For tea: the code equals, or the expected
 * code starts with the error's code (so an empty Code matches everything), or the code appears
 * anywhere in the error body. For the old SDK: the code equals, or the message contains it.
 */
export function isExpectedErrors(e: unknown, codes: readonly string[]): boolean {
  if (e instanceof TeaSdkError) return codes.some((c) => e.code === c || c.startsWith(e.code) || e.data.includes(c));
  if (e instanceof SdkServerError) return codes.some((c) => e.errorCode === c || e.errorMessage.includes(c));
  if (e instanceof ProviderNotFound) return codes.some((c) => e.message.includes(c));
  return false;
}

/** `NeedRetry(err)` (alicloud/errors.go:207): transport errors, throttling, any HTTP 5xx from tea. */
export function needRetry(e: unknown): boolean {
  if (e instanceof TeaSdkError) {
    return (
      e.message.includes('Client.Timeout') ||
      e.code === 'ServiceUnavailable' ||
      e.code === 'Rejected.Throttling' ||
      /Throttling/.test(e.code) ||
      /^code: 5\d\d/.test(e.message)
    );
  }
  if (e instanceof SdkServerError) {
    return e.errorCode === 'ServiceUnavailable' || e.errorCode === 'Rejected.Throttling' || /Throttling/.test(e.errorCode);
  }
  return e instanceof TransportError;
}

export class TransportError extends Error {
  constructor(message: string) {
    super(`Post "http://${message}`);
    this.name = 'TransportError';
  }
}

/** A one-line description of any error, for failure reports. */
export function describeError(e: unknown): string {
  if (e instanceof TeaSdkError) return `${e.action}: ${e.code} (HTTP ${e.statusCode}) ${e.message}`;
  if (e instanceof SdkServerError) return `${e.action}: ${e.errorCode} (HTTP ${e.httpStatus}) ${e.errorMessage}`;
  return e instanceof Error ? `${e.name}: ${e.message}` : String(e);
}

/** The error code of a wire error, if it is one. */
export function errorCode(e: unknown): string | undefined {
  if (e instanceof TeaSdkError) return e.code;
  if (e instanceof SdkServerError) return e.errorCode;
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Encoding and signing (Go's url.QueryEscape and the RPC V1 string to sign)

/** RFC 3986 percent-encoding: what Go's QueryEscape gives once `+` is turned into `%20`. */
function pct(s: string): string {
  return encodeURIComponent(s).replace(/[!'()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());
}

/** Go's `url.Values.Encode()`: keys sorted, QueryEscape (space as `+`). */
function formEncode(m: Record<string, string>): string {
  return Object.keys(m)
    .sort()
    .map((k) => `${pct(k).replace(/%20/g, '+')}=${pct(m[k] ?? '').replace(/%20/g, '+')}`)
    .join('&');
}

/** `buildRpcStringToSignV1` / the old SDK's `buildRpcStringToSign`. */
export function signV1(method: string, params: Record<string, string>, secret: string): string {
  const canon = Object.keys(params)
    .sort()
    .map((k) => `${pct(k)}=${pct(params[k] ?? '')}`)
    .join('&');
  return createHmac('sha1', secret + '&')
    .update(`${method}&%2F&${pct(canon)}`)
    .digest('base64');
}

function timestamp(): string {
  return new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/**
 * `rpcutil.Query(map)`: a JSON round trip, then flattening. nil values are dropped, `""` is kept,
 * booleans and numbers become their text, lists are 1-based (`Name.1`, `Name.1.Key`,
 * `Filter.1.Value.1`), keys already written flat pass through.
 */
export function flattenTea(map: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (v: unknown, prefix: string): void => {
    if (v === null || v === undefined) return;
    if (Array.isArray(v)) {
      v.forEach((x, i) => walk(x, `${prefix}.${i + 1}`));
    } else if (typeof v === 'object') {
      for (const [k, x] of Object.entries(v as Record<string, unknown>)) walk(x, prefix ? `${prefix}.${k}` : k);
    } else {
      out[prefix] = goString(v);
    }
  };
  walk(map, '');
  return out;
}

/** The old SDK's `addParam`: a field left empty is not sent. */
export function sdkParams(map: Record<string, string | number | boolean | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(map)) if (v !== undefined && v !== '') out[k] = String(v);
  return out;
}

// ---------------------------------------------------------------------------------------------
// HTTP

interface HttpAnswer {
  status: number;
  text: string;
}

function post(endpoint: string, path: string, headers: Record<string, string>, body: string): Promise<HttpAnswer> {
  const [host, port] = endpoint.split(':');
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host,
        port: Number(port ?? 80),
        method: 'POST',
        path,
        headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('error', (e) => reject(new TransportError(`${endpoint}${path.slice(0, 40)}": ${e.message}`)));
    req.end(body);
  });
}

/** `util.ReadAsJSON` + `util.AssertAsMap`: the body must be a JSON object. */
function readJson(action: string, a: HttpAnswer): Json {
  let v: unknown;
  try {
    v = JSON.parse(a.text);
  } catch {
    throw new ProviderCrash(`${action}: the answer (HTTP ${a.status}) is not JSON: ${a.text.slice(0, 200)}`);
  }
  if (typeof v !== 'object' || v === null || Array.isArray(v)) {
    throw new ProviderCrash(`${action}: the answer (HTTP ${a.status}) is not a JSON object: ${a.text.slice(0, 200)}`);
  }
  return v as Json;
}

function goString(v: unknown): string {
  if (v === undefined || v === null) return '<nil>';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') return v.toString();
  return JSON.stringify(v) ?? '';
}

/**
 * The provider's `formatError(response, err)` on a 2xx body: a `Code`/`code` other than
 * success/ok/200/0, or a `Success`/`success` that is not true, is an error, unless a
 * `Message`/`message` key is present and empty.
 */
export function formatError(action: string, body: Json): TeaSdkError | undefined {
  const hasCode = 'Code' in body || 'code' in body;
  const code = 'Code' in body ? body.Code : body.code;
  // A code that is neither a string nor a number (a map, as FC answers) is not looked at.
  if (hasCode && !(typeof code === 'string' || typeof code === 'number')) return undefined;
  if (hasCode) {
    const c = String(code);
    if (c.toLowerCase() === 'success' || c.toLowerCase() === 'ok' || c === '200' || c === '0') return undefined;
  }
  const hasSuccess = 'Success' in body || 'success' in body;
  const success = 'Success' in body ? body.Success : body.success;
  if (hasSuccess && goString(success) === 'true') return undefined;
  const hasMessage = 'Message' in body || 'message' in body;
  const message = 'Message' in body ? body.Message : body.message;
  if (hasMessage && (message === null || goString(message) === '')) return undefined;
  if (hasCode || hasSuccess) return new TeaSdkError(action, 200, goString(code), goString(message), JSON.stringify(body));
  return undefined;
}

const TEA_UA =
  'AlibabaCloud (linux; amd64) Go/go1.24.4 Core/0.01 TeaDSL/1 HashiCorp Terraform/1.9.8 (+https://www.terraform.io) ' +
  'Terraform-Plugin-SDK/1.17.2 terraform-provider-alicloud/1.289.0';
const SDK_UA = 'AlibabaCloud (linux; amd64) Go/go1.24.4 Core/1.63.107 HashiCorp-terraform-provider-alicloud/1.289.0';

export interface TeaCall {
  version: string;
  action: string;
  /** The explicit `query` map (flattened into the URL query). */
  query?: Record<string, unknown>;
  /** The business parameters (flattened into the form body). */
  body: Record<string, unknown>;
  /** runtime.Autoretry: up to 3 attempts on a network error or an HTTP 5xx. */
  autoRetry?: boolean;
}

/** `client.RpcPost(product, version, action, query, body, autoRetry)` over tea-rpc, then formatError. */
export async function teaRpcPost(target: WireTarget, call: TeaCall, log?: CallLog): Promise<Json> {
  const attempts = call.autoRetry === false ? 1 : 3;
  let last: unknown;
  for (let i = 0; i < attempts; i++) {
    try {
      return await teaOnce(target, call, log);
    } catch (e) {
      last = e;
      const retryable = e instanceof TransportError || (e instanceof TeaSdkError && e.statusCode >= 500 && e.statusCode !== 200);
      if (!retryable) throw e;
    }
  }
  throw last;
}

async function teaOnce(target: WireTarget, call: TeaCall, log?: CallLog): Promise<Json> {
  const query: Record<string, string> = {
    ...flattenTea({
      Action: call.action,
      Format: 'json',
      Timestamp: timestamp(),
      Version: call.version,
      SignatureNonce: randomUUID().replace(/-/g, ''),
      ...(call.query ?? {}),
    }),
    SignatureMethod: 'HMAC-SHA1',
    SignatureVersion: '1.0',
    AccessKeyId: target.key.id,
  };
  const body = flattenTea(call.body);
  query.Signature = signV1('POST', { ...query, ...body }, target.key.secret);
  const headers = {
    host: target.endpoint,
    'x-acs-version': call.version,
    'x-acs-action': call.action,
    'user-agent': TEA_UA,
    'content-type': 'application/x-www-form-urlencoded',
  };
  const params = { ...flattenTea(call.query ?? {}), ...body };
  const a = await post(target.endpoint, `/?${formEncode(query)}`, headers, formEncode(body));
  const res = readJson(call.action, a);
  if (a.status >= 400) {
    const code = goString(res.Code ?? res.code);
    const msg = `code: ${a.status}, ${goString(res.Message ?? res.message)} request id: ${goString(res.RequestId ?? res.requestId)}`;
    log?.({ form: 'tea', version: call.version, action: call.action, params, status: a.status, code, message: goString(res.Message) });
    throw new TeaSdkError(call.action, a.status, code, msg, JSON.stringify(res));
  }
  const err = formatError(call.action, res);
  log?.({ form: 'tea', version: call.version, action: call.action, params, status: a.status, code: err?.code, message: err?.message });
  if (err) throw err;
  return res;
}

export interface SdkCall {
  version: string;
  action: string;
  /** Every request field (already flat, empty ones left out); `RegionId` is the request's. */
  params: Record<string, string>;
  /** The client's region, added as `RegionId` when the request has none. */
  clientRegion: string;
}

/** An old-SDK request (`vpc.CreateXxxRequest()` through `client.WithVpcClient`). 5xx is retried up to MaxRetryTime=5. */
export async function sdkRpcPost(target: WireTarget, call: SdkCall, log?: CallLog): Promise<Json> {
  let last: unknown;
  for (let i = 0; i <= 5; i++) {
    try {
      return await sdkOnce(target, call, log);
    } catch (e) {
      last = e;
      if (!(e instanceof SdkServerError && e.httpStatus >= 500)) throw e;
    }
  }
  throw last;
}

async function sdkOnce(target: WireTarget, call: SdkCall, log?: CallLog): Promise<Json> {
  const query: Record<string, string> = {
    ...call.params,
    Version: call.version,
    Action: call.action,
    Format: 'JSON',
    Timestamp: timestamp(),
    SignatureMethod: 'HMAC-SHA1',
    SignatureType: '',
    SignatureVersion: '1.0',
    SignatureNonce: randomUUID().replace(/-/g, ''),
    AccessKeyId: target.key.id,
  };
  if (!('RegionId' in query)) query.RegionId = call.clientRegion;
  query.Signature = signV1('POST', query, target.key.secret);
  const headers = {
    host: target.endpoint,
    'Accept-Encoding': 'identity',
    'Content-Type': 'application/x-www-form-urlencoded',
    'User-Agent': SDK_UA,
    'x-acs-action': call.action,
    'x-acs-version': call.version,
    'x-sdk-client': 'golang/1.0.0',
    'x-sdk-core-version': '1.63.107',
    'x-sdk-invoke-type': 'normal',
  };
  const a = await post(target.endpoint, `/?${formEncode(query)}`, headers, '');
  const res = readJson(call.action, a);
  const params = { ...call.params, RegionId: query.RegionId };
  if (a.status < 200 || a.status >= 300) {
    // errors.NewServerError asserts Code, Message, RequestId, HostId and Recommend to strings.
    for (const k of ['Code', 'Message', 'RequestId', 'HostId', 'Recommend']) {
      if (k in res && typeof res[k] !== 'string') {
        throw new ProviderCrash(`${call.action}: error body field ${k} is ${JSON.stringify(res[k])}, not a string (the old SDK panics)`);
      }
    }
    const code = typeof res.Code === 'string' ? res.Code : '';
    const message = typeof res.Message === 'string' ? res.Message : '';
    log?.({ form: 'sdk', version: call.version, action: call.action, params, status: a.status, code, message });
    throw new SdkServerError(call.action, a.status, code, message, a.text);
  }
  log?.({ form: 'sdk', version: call.version, action: call.action, params, status: a.status });
  return res;
}
