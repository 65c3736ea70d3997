// RFC 3986 percent-encoding as Alibaba's signatures use it: only A-Z a-z 0-9 - _ . ~ stay literal.

const RESERVED = /[!'()*]/;
const RESERVED_ALL = /[!'()*]/g;
const SAFE = /^[A-Za-z0-9\-_.~]*$/;

export function pct(s: string): string {
  if (SAFE.test(s)) return s;
  const e = encodeURIComponent(s);
  return RESERVED.test(e) ? e.replace(RESERVED_ALL, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase()) : e;
}

/**
 * Decodes one `application/x-www-form-urlencoded` component: `+` is a space, `%XX` a byte.
 * Returns undefined for malformed escapes or invalid UTF-8, which the caller reports.
 */
export function formDecode(s: string): string | undefined {
  const plus = s.includes('+') ? s.replace(/\+/g, ' ') : s;
  if (!plus.includes('%')) return plus;
  try {
    return decodeURIComponent(plus);
  } catch {
    return undefined;
  }
}
