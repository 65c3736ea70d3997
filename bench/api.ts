// Small clients for the set-up work of scenarios (not for measured load): one signed RPC call with
// its JSON answer, and the admin API (JSON, bearer token). Failures throw with the server's answer.
import { request, type Agent } from 'node:http';
import { fetchOnce } from './load.js';
import { v3Signer, type RequestSpec } from './sign.js';

export type Json = Record<string, unknown>;

/** The region every scenario works in; the default account's resources are there. */
export const REGION = 'cn-hangzhou';
/** The default account's AliUid (README). */
export const DEFAULT_ALIUID = '1000000000000001';

/** A freshly signed V3 request for `action` with these business parameters. */
export function signed(port: number, action: string, params: Record<string, string>): RequestSpec {
  return v3Signer({ action, params }, `127.0.0.1:${port}`)();
}

/** One signed call; resolves with the parsed answer when it is a 200, throws otherwise. */
export async function rpc(port: number, action: string, params: Record<string, string>, agent?: Agent): Promise<Json> {
  const a = await fetchOnce(port, signed(port, action, params), 10_000, agent);
  if (a.status !== 200) throw new Error(`${action} answered ${a.status}: ${a.body.slice(0, 300)}`);
  return JSON.parse(a.body) as Json;
}

/** Calls `fn` until `done(answer)`, at most `tries` times; throws when it never is. */
export async function until<T>(what: string, fn: () => Promise<T>, done: (t: T) => boolean, tries = 200, pauseMs = 5): Promise<T> {
  for (let i = 0; i < tries; i++) {
    const t = await fn();
    if (done(t)) return t;
    await new Promise((r) => setTimeout(r, pauseMs));
  }
  throw new Error(`${what}: gave up after ${tries} tries`);
}

/** One admin API call (`/_localvpc/...`); the body is sent as JSON text (a string is sent as it is). */
export function adminCall(
  port: number,
  token: string,
  method: 'GET' | 'POST',
  path: string,
  body?: unknown,
  timeoutMs = 120_000,
): Promise<{ status: number; text: string }> {
  const text = body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const headers: Record<string, string | number> = { authorization: `Bearer ${token}` };
    if (text !== undefined) Object.assign(headers, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
    const req = request({ host: '127.0.0.1', port, method, path, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.setTimeout(timeoutMs, () => req.destroy(new Error(`admin ${method} ${path}: timeout`)));
    req.on('error', reject);
    req.end(text);
  });
}
