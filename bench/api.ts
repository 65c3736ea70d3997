// Small clients for the set-up work of scenarios (not for measured load): one signed RPC call with
// its JSON answer, and the admin API (JSON, bearer token). Failures throw with the server's answer.
import { request, type Agent } from 'node:http';
import { performance } from 'node:perf_hooks';
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

/**
 * An admin call whose body is streamed (chunked), piece by piece from `pieces` as the socket takes
 * them; resolves with the answer as soon as it is complete (a server may answer an error before
 * reading everything: the rest is then not sent). `bytes` is what was sent.
 */
export function adminStream(
  port: number,
  token: string,
  path: string,
  pieces: Iterable<string>,
  contentType: string,
  timeoutMs = 600_000,
): Promise<{ status: number; text: string; bytes: number }> {
  return new Promise((resolve, reject) => {
    let bytes = 0;
    let answered = false;
    const req = request(
      {
        host: '127.0.0.1',
        port,
        method: 'POST',
        path,
        headers: { authorization: `Bearer ${token}`, 'content-type': contentType, 'transfer-encoding': 'chunked' },
      },
      (res) => {
        answered = true;
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8'), bytes }));
        res.on('error', reject);
      },
    );
    req.setTimeout(timeoutMs, () => req.destroy(new Error(`admin POST ${path}: timeout`)));
    req.on('error', (e) => {
      if (!answered) reject(e);
    });
    const it = pieces[Symbol.iterator]();
    const pump = (): void => {
      while (!answered) {
        const n = it.next();
        if (n.done) {
          req.end();
          return;
        }
        bytes += Buffer.byteLength(n.value);
        if (!req.write(n.value)) {
          req.once('drain', pump);
          return;
        }
      }
    };
    pump();
  });
}

/** An admin GET read as a stream: its status, byte count, the first `keep` bytes of text, and the time to the last byte. */
export function adminDownload(
  port: number,
  token: string,
  path: string,
  headers: Record<string, string> = {},
  timeoutMs = 600_000,
  keep = 64 * 1024,
): Promise<{ status: number; bytes: number; head: string; seconds: number }> {
  const t0 = performance.now();
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, method: 'GET', path, headers: { authorization: `Bearer ${token}`, ...headers } },
      (res) => {
        let bytes = 0;
        const first: Buffer[] = [];
        let kept = 0;
        res.on('data', (c: Buffer) => {
          bytes += c.length;
          if (kept < keep) {
            first.push(c.subarray(0, keep - kept));
            kept += Math.min(c.length, keep - kept);
          }
        });
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            bytes,
            head: Buffer.concat(first).toString('utf8'),
            seconds: (performance.now() - t0) / 1000,
          }),
        );
        res.on('error', reject);
      },
    );
    req.setTimeout(timeoutMs, () => req.destroy(new Error(`admin GET ${path}: timeout`)));
    req.on('error', reject);
    req.end();
  });
}
