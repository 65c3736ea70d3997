// Value rules shared by several resources, as Alibaba documents them.

/**
 * C0 control characters and DEL: refused in names and descriptions (LocalVPC's choice: Alibaba's
 * rules list what a name may hold and do not mention them; they cannot be written in XML 1.0).
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u001f\u007f]/;

/** 2-128 characters, starting with a letter or a Chinese character; digits, `.`, `_`, `-` allowed; not http(s)://. */
export function isValidName(s: string, max = 128): boolean {
  return s.length >= 2 && s.length <= max && /^[A-Za-z\u4e00-\u9fa5][A-Za-z0-9\u4e00-\u9fa5._\-:]*$/.test(s) && !/^https?:\/\//.test(s);
}

/**
 * The looser rule of the VPC-side resources created later in Alibaba's history (vSwitches, route
 * tables): 1 to `max` characters, not starting with http:// or https://, no control characters.
 */
export function isLooseName(s: string, max = 128): boolean {
  return s.length >= 1 && s.length <= max && !/^https?:\/\//.test(s) && !CONTROL.test(s);
}

/** 2-256 characters, starting with a letter or a Chinese character, not http(s)://, no control characters. */
export function isValidDescription(s: string, max = 256): boolean {
  return s.length >= 2 && s.length <= max && /^[A-Za-z\u4e00-\u9fa5]/.test(s) && !/^https?:\/\//.test(s) && !CONTROL.test(s);
}

export function ipv4ToInt(s: string): number | undefined {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(s);
  if (!m) return undefined;
  const parts = m.slice(1).map(Number);
  if (parts.some((p) => p > 255)) return undefined;
  return parts.reduce((n, p) => n * 256 + p, 0);
}

export function isIpv4(s: string): boolean {
  return ipv4ToInt(s) !== undefined;
}

export interface Cidr {
  base: number;
  bits: number;
}

/** A strict IPv4 CIDR (`10.0.0.0/8`): host bits must be zero. */
export function parseCidr(s: string): Cidr | undefined {
  const m = /^([\d.]+)\/(\d{1,2})$/.exec(s);
  if (!m) return undefined;
  const base = ipv4ToInt(m[1] ?? '');
  const bits = Number(m[2]);
  if (base === undefined || bits > 32) return undefined;
  const mask = bits === 0 ? 0 : (0xffffffff << (32 - bits)) >>> 0;
  if ((base & mask) >>> 0 !== base) return undefined;
  return { base, bits };
}

export function sameSubnet(a: string, b: string, mask: string): boolean {
  const x = ipv4ToInt(a),
    y = ipv4ToInt(b),
    m = ipv4ToInt(mask);
  if (x === undefined || y === undefined || m === undefined) return false;
  return (x & m) >>> 0 === (y & m) >>> 0;
}

/** A tag as requests carry it (`Tag.N.Key`, `Tag.N.Value`); a tag without a key is refused by validTags. */
export interface Tag {
  Key?: string;
  Value?: string;
}

/** Tag keys: 1-128 characters, not starting with `aliyun` or `acs:`, no `http(s)://`; values up to 128. */
export function validTags(tags: Tag[] | undefined): boolean {
  for (const t of tags ?? []) {
    if (!t.Key || t.Key.length > 128 || /^(aliyun|acs:)/i.test(t.Key) || /https?:\/\//.test(t.Key)) return false;
    if (t.Value !== undefined && (t.Value.length > 128 || /^(aliyun|acs:)/i.test(t.Value) || /https?:\/\//.test(t.Value))) return false;
  }
  return true;
}

export function tagsJson(tags: Tag[] | undefined): string {
  return JSON.stringify((tags ?? []).map((t) => ({ Key: t.Key ?? '', Value: t.Value ?? '' })));
}

export function parseTags(json: string): { Key: string; Value: string }[] {
  return JSON.parse(json) as { Key: string; Value: string }[];
}

/** True when every requested tag (key, and value when given) is on the resource. */
export function hasTags(json: string, wanted: Tag[] | undefined): boolean {
  if (!wanted?.length) return true;
  const have = parseTags(json);
  return wanted.every((w) => have.some((h) => h.Key === w.Key && (w.Value === undefined || h.Value === w.Value)));
}

/** `v` as a member of a closed set of values, or undefined when it is not one of them. */
export function member<T extends string>(allowed: readonly T[], v: string | undefined): T | undefined {
  return allowed.find((a) => a === v);
}
