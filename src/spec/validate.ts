// Turns the flat request parameters into an action's typed input, driven only by the spec facts:
// `Name.N` / `Name.N.Sub` repeat lists (1-based), the Go SDK's `Name.N.Sub=["a","b"]` form, scalar
// types, required flags, enums, bounds. Errors use the action's own codes where the spec has them
// (`Invalid<Name>.ValueNotSupported`, `MissingParam.<Name>`, ...) and MissingParameter /
// InvalidParameter otherwise. Unknown parameters are ignored, as the real gateway does.
import { ApiError } from '../errors/api-error.js';
import { gatewayError } from '../errors/catalog.js';
import { own } from '../core/own.js';
import type { ActionFacts, ParamFact } from './types.js';
import type { Pairs } from '../protocol/params.js';

export type Input = Record<string, unknown>;

function invalid(facts: ActionFacts, name: string): ApiError {
  const base = name.replace(/\.\d+.*$/, '');
  for (const code of [`Invalid${base}.ValueNotSupported`, `Invalid${base}.Malformed`, `Invalid${base}.Malformd`, `IllegalParam.${base}`]) {
    const e = own(facts.errors, code);
    if (e && !e.message.includes('%s')) return new ApiError(code, e.status, e.message);
  }
  return gatewayError('InvalidParameter', name);
}

function missing(facts: ActionFacts, name: string): ApiError {
  const e = own(facts.errors, `MissingParam.${name}`);
  if (e && !e.message.includes('%s')) return new ApiError(`MissingParam.${name}`, e.status, e.message);
  return gatewayError('MissingParameter', name);
}

function scalar(facts: ActionFacts, p: ParamFact, wireName: string, raw: string): unknown {
  switch (p.type) {
    case 'i': {
      if (!/^-?\d{1,19}$/.test(raw)) throw invalid(facts, wireName);
      const n = Number(raw);
      if ((p.minimum !== undefined && n < p.minimum) || (p.maximum !== undefined && n > p.maximum)) throw invalid(facts, wireName);
      // Beyond 2^53 (16-digit AliUids can be) the digits are kept as a string, exactly as sent.
      return Number.isSafeInteger(n) ? n : raw.replace(/^(-?)0+(?=\d)/, '$1');
    }
    case 'u': {
      // An account id: digits, kept as a string whatever its size (AliUids can exceed 2^53).
      if (!/^-?\d{1,19}$/.test(raw)) throw invalid(facts, wireName);
      const n = Number(raw);
      if ((p.minimum !== undefined && n < p.minimum) || (p.maximum !== undefined && n > p.maximum)) throw invalid(facts, wireName);
      return raw.replace(/^(-?)0+(?=\d)/, '$1');
    }
    case 'n': {
      const n = Number(raw);
      if (raw.trim() === '' || !Number.isFinite(n)) throw invalid(facts, wireName);
      if ((p.minimum !== undefined && n < p.minimum) || (p.maximum !== undefined && n > p.maximum)) throw invalid(facts, wireName);
      return n;
    }
    case 'b': {
      const l = raw.toLowerCase();
      if (l !== 'true' && l !== 'false') throw invalid(facts, wireName);
      return l === 'true';
    }
    default: {
      if (p.enum && !p.enum.includes(raw)) throw invalid(facts, wireName);
      if (p.maxLength !== undefined && raw.length > p.maxLength) throw invalid(facts, wireName);
      if (p.minLength !== undefined && raw.length < p.minLength) throw invalid(facts, wireName);
      return raw;
    }
  }
}

/** A parsed `Name.1.Key=..` subtree: leaves are strings, inner nodes map a segment to a child. */
interface Tree {
  leaf?: string;
  kids?: Map<string, Tree>;
}

function insert(tree: Tree, segs: string[], value: string): void {
  let node = tree;
  for (const s of segs) {
    node.kids ??= new Map();
    let next = node.kids.get(s);
    if (!next) node.kids.set(s, (next = {}));
    node = next;
  }
  if (node.leaf === undefined) node.leaf = value; // the first of duplicated parameters wins
}

function goArray(raw: string): string[] | undefined {
  if (!raw.startsWith('[')) return undefined;
  try {
    const v: unknown = JSON.parse(raw);
    return Array.isArray(v) ? v.map((x) => (typeof x === 'string' ? x : JSON.stringify(x))) : undefined;
  } catch {
    return undefined;
  }
}

function fromTree(facts: ActionFacts, p: ParamFact, node: Tree, wireName: string): unknown {
  if (p.type === 'a') {
    const item = p.items ?? { type: 's' };
    let out: unknown[];
    if (node.leaf !== undefined && !node.kids) {
      // `Name=["a","b"]` (Go SDK, json style) or `Name=a,b` (simple style).
      const list = goArray(node.leaf) ?? (p.style === 'simple' || p.style === 'flat' ? node.leaf.split(',') : undefined);
      if (!list || item.type === 'o') throw invalid(facts, wireName);
      out = list.map((v, i) => scalar(facts, item, `${wireName}.${i + 1}`, v));
    } else {
      const indexed: [number, Tree][] = [];
      for (const [seg, kid] of node.kids ?? []) {
        if (!/^\d{1,6}$/.test(seg) || Number(seg) < 1) throw invalid(facts, `${wireName}.${seg}`);
        indexed.push([Number(seg), kid]);
      }
      indexed.sort((a, b) => a[0] - b[0]);
      out = indexed.map(([i, kid]) => fromTree(facts, item, kid, `${wireName}.${i}`));
    }
    if (p.maxItems !== undefined && out.length > p.maxItems) throw invalid(facts, wireName);
    return out;
  }
  if (p.type === 'o') {
    if (!node.kids) throw invalid(facts, wireName);
    const obj: Input = {};
    for (const prop of p.properties ?? []) {
      const kid = node.kids.get(prop.name ?? '');
      if (!kid || (kid.leaf === '' && !kid.kids && prop.type !== 'a')) continue;
      obj[prop.name ?? ''] = fromTree(facts, prop, kid, `${wireName}.${prop.name}`);
    }
    return obj;
  }
  if (node.leaf === undefined) throw invalid(facts, wireName);
  return scalar(facts, p, wireName, node.leaf);
}

export function validate(facts: ActionFacts, pairs: Pairs): Input {
  const byName = new Map<string, ParamFact>();
  for (const p of facts.params) if (p.name) byName.set(p.name, p);
  const trees = new Map<string, Tree>();
  for (const [k, v] of pairs) {
    const dot = k.indexOf('.');
    const head = dot < 0 ? k : k.slice(0, dot);
    const p = byName.get(head);
    if (!p) continue;
    if (dot >= 0 && p.type !== 'a' && p.type !== 'o') continue; // `RegionId.x` is no parameter
    let t = trees.get(head);
    if (!t) trees.set(head, (t = {}));
    insert(t, dot < 0 ? [] : k.slice(dot + 1).split('.'), v);
  }
  const input: Input = {};
  for (const p of facts.params) {
    const name = p.name ?? '';
    const t = trees.get(name);
    const empty = !t || (t.leaf === '' && !t.kids) || (t.leaf === undefined && !t.kids);
    if (empty) {
      if (p.required) throw missing(facts, name);
      continue;
    }
    input[name] = fromTree(facts, p, t, name);
  }
  return input;
}

