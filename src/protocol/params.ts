// The request's parameters: decoded query pairs plus decoded form-body pairs, in arrival order.
import { formDecode } from './percent.js';
import { gatewayError } from '../errors/catalog.js';

export type Pairs = [string, string][];

/** Splits a raw `a=b&c=d` string into decoded pairs; a malformed escape is InvalidParameter.Format. */
export function decodePairs(raw: string, into: Pairs = []): Pairs {
  if (raw === '') return into;
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
