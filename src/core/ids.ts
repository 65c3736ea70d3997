// Resource identifiers in Alibaba's shape: `<prefix>-<region code><random lowercase alphanumerics>`,
// e.g. `ri-bp1...` in cn-hangzhou. Seedable, so a test or a snapshot can reproduce ids.
import { randomBytes, randomUUID } from 'node:crypto';

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** The first characters real ids carry in some regions (observed in Alibaba examples); others get random ones. */
const REGION_CODES: Record<string, string> = {
  'cn-hangzhou': 'bp1',
  'cn-shanghai': 'uf6',
  'cn-beijing': '2ze',
  'cn-qingdao': 'm5e',
  'cn-zhangjiakou': '8vb',
  'cn-huhehaote': 'hp3',
  'cn-shenzhen': 'wz9',
  'cn-hongkong': 'j6c',
  'ap-southeast-1': 't4n',
  'us-west-1': 'rj9',
  'us-east-1': '0xi',
  'eu-central-1': 'gw8',
};

export interface IdGenerator {
  /** An id such as `ri-bp1xxxxxxxxxxxxxxxxxx` (21 characters after the prefix). */
  resource(prefix: string, regionId?: string): string;
  /** An uppercase UUID, the form of RequestIds. */
  requestId(): string;
  /** `length` decimal digits, first one non-zero (AliUids). */
  digits(length: number): string;
  /** Random alphanumerics of mixed case (AccessKey ids and secrets). */
  token(length: number): string;
}

/** sfc32: a small, fast, seedable PRNG (public domain), good enough for identifiers. */
function sfc32(seed: number): () => number {
  let a = 0x9e3779b9,
    b = 0x243f6a88,
    c = 0xb7e15162,
    d = seed >>> 0;
  const next = (): number => {
    a >>>= 0;
    b >>>= 0;
    c >>>= 0;
    d >>>= 0;
    const t = (a + b) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    d = (d + 1) | 0;
    const r = (t + d) | 0;
    c = (c + r) | 0;
    return (r >>> 0) / 4294967296;
  };
  for (let i = 0; i < 15; i++) next();
  return next;
}

/** Cryptographic randomness drawn 4 KiB at a time (one randomBytes call per id character was 20% of CreateVpc's CPU). */
function pooledRandom(): () => number {
  let pool = randomBytes(4096);
  let at = 0;
  return () => {
    if (at + 4 > pool.length) {
      pool = randomBytes(4096);
      at = 0;
    }
    const v = pool.readUInt32BE(at);
    at += 4;
    return v / 4294967296;
  };
}

export function createIdGenerator(seed?: number): IdGenerator {
  const rand: () => number = seed === undefined ? pooledRandom() : sfc32(seed);
  const pick = (alphabet: string, n: number): string => {
    let s = '';
    for (let i = 0; i < n; i++) s += alphabet[Math.floor(rand() * alphabet.length)];
    return s;
  };
  const hex = (n: number): string => pick('0123456789ABCDEF', n);
  return {
    resource(prefix, regionId) {
      const code = (regionId && REGION_CODES[regionId]) || pick(ALPHABET, 3);
      return `${prefix}-${code}${pick(ALPHABET, 21 - code.length)}`;
    },
    requestId() {
      if (seed === undefined) return randomUUID().toUpperCase();
      return `${hex(8)}-${hex(4)}-4${hex(3)}-${pick('89AB', 1)}${hex(3)}-${hex(12)}`;
    },
    digits(length) {
      return pick('123456789', 1) + pick('0123456789', length - 1);
    },
    token(length) {
      return pick('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789', length);
    },
  };
}
