// Who may talk to the server at all, before anything else reads the request: against web pages
// and DNS rebinding. The development key is public, so a page on any site could sign a request
// with it; a browser says where a request comes from in `Origin`, which non-browser clients (SDKs,
// Terraform, the CLI) never send.
//  - A request with an `Origin` is served only when that origin is allowed (allowedOrigins) or is
//    the server's own (the console it serves). Allowed origins get CORS answers, preflights too.
//  - While listening on loopback, `Host` must name loopback (`localhost`, `*.localhost`,
//    127.0.0.0/8, ::1) or one of allowedHosts: a rebinding page's requests carry its own name.
// Known gap: listening on another address, any Host is accepted (start warns when the
// development key is enabled there).

export interface GuardOptions {
  /** The address the server listens on. */
  listenHost: string;
  allowedOrigins: readonly string[];
  allowedHosts: readonly string[];
}

export type Verdict =
  { ok: true; cors?: Record<string, string> } | { ok: false; code: 'Forbidden.Origin' | 'Forbidden.Host'; what: string };

export function isLoopbackAddress(host: string): boolean {
  const h = host.toLowerCase().replace(/^\[|\]$/g, '');
  return h === 'localhost' || h.endsWith('.localhost') || h === '::1' || h === '::ffff:127.0.0.1' || /^127(\.\d{1,3}){3}$/.test(h);
}

/** The host name of a Host header (`[::1]:8080` -> `::1`, `Localhost:80` -> `localhost`). */
function hostName(header: string): string {
  const h = header.trim().toLowerCase();
  if (h.startsWith('[')) return h.slice(1, h.indexOf(']') < 0 ? undefined : h.indexOf(']'));
  const colon = h.lastIndexOf(':');
  return colon >= 0 && h.indexOf(':') === colon ? h.slice(0, colon) : h;
}

export function createGuard(o: GuardOptions): (headers: { host?: string; origin?: string | string[] }) => Verdict {
  const loopback = isLoopbackAddress(o.listenHost);
  const hosts = new Set(o.allowedHosts.map((h) => hostName(h)));
  const origins = new Set(o.allowedOrigins.map((x) => x.replace(/\/$/, '').toLowerCase()));
  return (headers) => {
    const host = headers.host ?? '';
    if (loopback) {
      const name = hostName(host);
      if (!isLoopbackAddress(name) && !hosts.has(name)) return { ok: false, code: 'Forbidden.Host', what: host };
    }
    const raw = headers.origin;
    if (raw === undefined) return { ok: true };
    const origin = (Array.isArray(raw) ? raw.join(',') : raw).toLowerCase();
    if (origin === `http://${host.toLowerCase()}`) return { ok: true }; // the console LocalVPC serves
    if (!origins.has(origin)) return { ok: false, code: 'Forbidden.Origin', what: origin };
    return {
      ok: true,
      cors: {
        'access-control-allow-origin': Array.isArray(raw) ? raw.join(',') : raw,
        'access-control-allow-methods': 'GET, POST, PUT, PATCH, DELETE',
        'access-control-allow-headers': '*, authorization',
        'access-control-expose-headers': 'x-acs-request-id',
        vary: 'Origin',
      },
    };
  };
}
