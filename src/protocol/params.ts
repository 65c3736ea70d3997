// The request's parameters: decoded query pairs plus decoded form-body pairs, in arrival order.
import { formDecode } from './percent.js';
import { gatewayError } from '../errors/catalog.js';

export type Pairs = [string, string][];

/**
 * Parameters a request may carry, query and form body together. Alibaba's gateway has a limit it
 * does not publish; this one is far above any action's need (the largest take a few dozen) and
 * keeps a request that would cost seconds to canonicalize and sign from being hashed at all.
 */
export const MAX_PARAMS = 1000;

/** How many `&`-separated parts a raw string has (counted without splitting it). */
function parts(raw: string): number {
  let n = 1;
  for (let i = raw.indexOf('&'); i >= 0; i = raw.indexOf('&', i + 1)) n++;
  return n;
}

/**
 * Splits a raw `a=b&c=d` string into decoded pairs; a malformed escape is InvalidParameter.Format,
 * more than MAX_PARAMS in all InvalidParameter.TooMany (before anything is decoded).
 */
export function decodePairs(raw: string, into: Pairs = []): Pairs {
  if (raw === '') return into;
  if (into.length + parts(raw) > MAX_PARAMS) throw gatewayError('InvalidParameter.TooMany', String(MAX_PARAMS));
  for (const part of raw.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    const k = formDecode(eq < 0 ? part : part.slice(0, eq));
    const v = formDecode(eq < 0 ? '' : part.slice(eq + 1));
    if (k === undefined || v === undefined) throw gatewayError('InvalidParameter.Format');
    into.push([k, v]);
  }
  return into;
}

/** Splits a request target at its first `?` (clients may send `//?...`; no URL parser is trusted with it). */
export function splitTarget(url: string): { path: string; query: string } {
  const q = url.indexOf('?');
  return q < 0 ? { path: url, query: '' } : { path: url.slice(0, q), query: url.slice(q + 1) };
}

/**
 * Structured parameters in wire form, as SDKs flatten them: lists become `Name.1`, `Name.2` (1-based),
 * objects `Name.Key`; scalars are sent as their string form. For callers that hold a structure
 * (the seed file, the admin API's calls).
 */
export function flattenParams(params: Record<string, unknown>, into: Pairs = []): Pairs {
  const walk = (prefix: string, v: unknown): void => {
    if (Array.isArray(v)) v.forEach((x, i) => walk(`${prefix}.${i + 1}`, x));
    else if (v !== null && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(`${prefix}.${k}`, x);
    else if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') into.push([prefix, String(v)]);
  };
  for (const [k, v] of Object.entries(params)) walk(k, v);
  return into;
}
