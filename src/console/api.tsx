// The console's way to the admin API: the token (from #token=… or the sign-in field, kept in
// session storage), JSON calls, actions run as an account through /_localvpc/call (recorded as
// coming from the console), and the journal's live events (Server-Sent Events).
// A type import only: nothing of the admin client reaches the browser bundle.
import type { JournalEvent } from '../lib/admin-client.js';

const KEY = 'localvpc.token';

export function takeTokenFromUrl(): void {
  const m = /(?:^#|&)token=([^&]+)/.exec(location.hash);
  if (m?.[1]) {
    sessionStorage.setItem(KEY, decodeURIComponent(m[1]));
    history.replaceState(null, '', location.pathname + location.search);
  }
}

export const token = (): string | null => sessionStorage.getItem(KEY);
export const setToken = (t: string): void => sessionStorage.setItem(KEY, t);
export const signOut = (): void => sessionStorage.removeItem(KEY);

export class Refused extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

interface ErrorBody {
  error?: { code?: string; message?: string };
  requestId?: string;
}

export async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(path, {
    method,
    headers: {
      authorization: `Bearer ${token() ?? ''}`,
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  const json: unknown = text ? JSON.parse(text) : {};
  if (!res.ok) {
    const e = (json as ErrorBody).error ?? {};
    throw new Refused(res.status, e.code ?? String(res.status), e.message ?? text);
  }
  return json as T;
}

export interface CallAnswer {
  requestId: string;
  result?: Record<string, unknown>;
  error?: { code: string; message: string };
}

/** Runs an action as `account` through the engine (the journal says eventSource console). */
export async function call(account: string, action: string, params: Record<string, unknown>): Promise<CallAnswer> {
  const res = await fetch('/_localvpc/call', {
    method: 'POST',
    headers: { authorization: `Bearer ${token() ?? ''}`, 'content-type': 'application/json' },
    body: JSON.stringify({ account, action, params, source: 'console' }),
  });
  const json = (await res.json()) as ErrorBody & CallAnswer;
  if (res.status === 401 || (json.error && !json.requestId))
    throw new Refused(res.status, json.error?.code ?? '', json.error?.message ?? '');
  return json;
}

// The journal's events as the admin API sends them: the published client's type.
export type { JournalEvent };

/** Follows the journal live; reconnects by itself (EventSource), resuming after the last event seen. */
export function follow(onEvent: (e: JournalEvent) => void, onState: (live: boolean) => void): () => void {
  const src = new EventSource(`/_localvpc/events?token=${encodeURIComponent(token() ?? '')}`);
  src.addEventListener('open', () => onState(true));
  src.addEventListener('error', () => onState(false));
  src.addEventListener('journal', (m) => onEvent(JSON.parse((m as MessageEvent<string>).data) as JournalEvent));
  return () => src.close();
}
