// The CLI's way to the admin API of a running server: URL and token from flags, environment or
// the token file the server writes (<dataDir>/admin-token).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

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

export async function call(t: Target, method: string, path: string, body?: unknown): Promise<unknown> {
  let res: Response;
  try {
    res = await fetch(t.url + path, {
      method,
      headers: {
        ...(t.token ? { authorization: `Bearer ${t.token}` } : {}),
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (e) {
    const why = e instanceof Error ? (e.cause instanceof Error ? e.cause.message : e.message) : String(e);
    throw new Unreachable(`cannot reach LocalVPC at ${t.url}: ${why}`);
  }
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
