// RFC 3986 percent-encoding as Alibaba's signatures use it: only A-Z a-z 0-9 - _ . ~ stay literal.

export function pct(s: string): string {
  return encodeURIComponent(s).replace(/[!'()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());
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
