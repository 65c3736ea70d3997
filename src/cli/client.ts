// The CLI's way to the admin API of a running server: URL and token from flags, environment or
// the token file the server writes (<dataDir>/admin-token).
import { createReadStream, createWriteStream, openSync, readSync, closeSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';

export class ApiRefused extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
  ) {
    super(`HTTP ${status}`);
  }
}

export class Unreachable extends Error {}

export interface Target {
  url: string;
  token: string | undefined;
}

export function target(flags: Map<string, string | true>, env: NodeJS.ProcessEnv): Target {
  const f = (k: string) => {
    const v = flags.get(k);
    return typeof v === 'string' ? v : undefined;
  };
  const url = f('url') ?? env.LOCALVPC_URL ?? `http://${env.LOCALVPC_HOST ?? '127.0.0.1'}:${env.LOCALVPC_PORT ?? '8080'}`;
  let token = f('token') ?? env.LOCALVPC_ADMIN_TOKEN;
  if (!token) {
    try {
      token = readFileSync(join(f('data') ?? env.LOCALVPC_DATA_DIR ?? './.localvpc', 'admin-token'), 'utf8').trim();
    } catch {
      token = undefined;
    }
  }
  return { url: url.replace(/\/+$/, ''), token };
}

async function send(t: Target, method: string, path: string, init: { body?: BodyInit; contentType?: string } = {}): Promise<Response> {
  try {
    return await fetch(t.url + path, {
      method,
      headers: {
        ...(t.token ? { authorization: `Bearer ${t.token}` } : {}),
        ...(init.contentType ? { 'content-type': init.contentType } : {}),
      },
      body: init.body,
      // a streamed body (an upload) goes out as it is read
      ...(init.body instanceof ReadableStream ? { duplex: 'half' } : {}),
    });
  } catch (e) {
    const why = e instanceof Error ? (e.cause instanceof Error ? e.cause.message : e.message) : String(e);
    throw new Unreachable(`cannot reach LocalVPC at ${t.url}: ${why}`);
  }
}

async function answer(res: Response): Promise<unknown> {
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    /* not JSON: keep the text */
  }
  if (!res.ok) throw new ApiRefused(res.status, parsed);
  return parsed;
}

export async function call(t: Target, method: string, path: string, body?: unknown): Promise<unknown> {
  const res = await send(t, method, path, body === undefined ? {} : { body: JSON.stringify(body), contentType: 'application/json' });
  return answer(res);
}

/** Streams an answer into a file (or standard output, `-`); answers the bytes written. */
export async function download(t: Target, path: string, file: string): Promise<number> {
  const res = await send(t, 'GET', path);
  if (!res.ok || !res.body)
    return Promise.reject(new ApiRefused(res.status, await answer(res).catch((e: unknown) => (e as ApiRefused).body)));
  let bytes = 0;
  const counted = Readable.fromWeb(res.body as WebReadableStream).on('data', (c: Buffer) => (bytes += c.length));
  const out: Writable = file === '-' ? process.stdout : createWriteStream(file);
  await pipeline(counted, out, { end: file !== '-' });
  return bytes;
}

/** What a snapshot file holds: NDJSON (version 3) when its first line is a version-3 header, JSON otherwise. */
function snapshotType(file: string): string {
  const fd = openSync(file, 'r');
  try {
    const head = Buffer.alloc(64 * 1024);
    const n = readSync(fd, head, 0, head.length, 0);
    const first = head.subarray(0, n).toString('utf8').split('\n')[0] ?? '';
    const v = (JSON.parse(first) as { version?: unknown }).version;
    return v === 3 ? 'application/x-ndjson' : 'application/json';
  } catch {
    return 'application/json';
  } finally {
    closeSync(fd);
  }
}

/** Streams a snapshot file as the body of `path`; answers the server's JSON answer. */
export async function upload(t: Target, path: string, file: string): Promise<unknown> {
  const body = Readable.toWeb(createReadStream(file)) as unknown as ReadableStream;
  return answer(await send(t, 'POST', path, { body, contentType: snapshotType(file) }));
}
