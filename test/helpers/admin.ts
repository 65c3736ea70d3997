// Calls the admin API of a test server, with its token unless told otherwise.
import type { TestServer } from './server.js';

export async function admin(
  srv: TestServer,
  method: string,
  path: string,
  body?: unknown,
  token: string | null = srv.app.adminToken,
): Promise<{ status: number; body: any }> {
  const res = await fetch(srv.url + path, {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    /* text */
  }
  return { status: res.status, body: parsed };
}
