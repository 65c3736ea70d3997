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
