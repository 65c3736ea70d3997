// IPv4 CIDR arithmetic the network resources share: containment, overlap, address counts.
import { parseCidr, type Cidr } from './validation.js';

function range(c: Cidr): [number, number] {
  const size = 2 ** (32 - c.bits);
  return [c.base, c.base + size - 1];
}

/** `inner` lies wholly inside `outer` (both strict CIDRs; false when either is malformed). */
export function cidrContains(outer: string, inner: string): boolean {
  const o = parseCidr(outer),
    i = parseCidr(inner);
  if (!o || !i) return false;
  const [os, oe] = range(o),
    [is, ie] = range(i);
  return is >= os && ie <= oe;
}

/** The two blocks share at least one address. */
export function cidrOverlaps(a: string, b: string): boolean {
  const x = parseCidr(a),
    y = parseCidr(b);
  if (!x || !y) return false;
  const [xs, xe] = range(x),
    [ys, ye] = range(y);
  return xs <= ye && ys <= xe;
}

/** The address lies inside the block. */
export function cidrHasAddress(block: string, address: number): boolean {
  const c = parseCidr(block);
  if (!c) return false;
  const [s, e] = range(c);
  return address >= s && address <= e;
}

/** The prefix length of a CIDR, or -1 when it is malformed. */
export function cidrBits(s: string): number {
  return parseCidr(s)?.bits ?? -1;
}

/** Addresses of a block: 2^(32 - bits). */
export function cidrSize(s: string): number {
  const c = parseCidr(s);
  return c ? 2 ** (32 - c.bits) : 0;
}

/** 100.64.0.0/10 (carrier-grade NAT), which Alibaba reserves: no VPC, vSwitch or route may sit in it. */
export function inSharedAddressSpace(s: string): boolean {
  return cidrOverlaps(s, '100.64.0.0/10');
}
