// Generates src/spec/*-facts.generated.ts from the vendored metadata in spec/ (see vendor-spec.mjs):
//  - the facts the gateway validates with (names, types, required flags, enums, bounds, list
//    style, error codes with status and message, response field types), kept as JSON strings and
//    parsed per action on first use;
//  - the TypeScript input type of every action (`VpcInputs['CreateVpc']`), so a handler's input
//    cannot drift from the spec;
//  - the union of every error code the product's actions document (`VpcErrorCode`).
// Integer parameters that carry an account id (`...OwnerId`, `...Uid`) are kept as digit strings
// (type 'u'): AliUids have 16 digits and can exceed 2^53.
// Run: npm run gen:facts. A test (test/unit/generated.test.ts) fails when the committed files differ.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const specDir = join(root, 'spec');

const TYPE = { string: 's', integer: 'i', boolean: 'b', number: 'n', array: 'a', object: 'o' };
const ACCOUNT_ID = /(OwnerId|OwnerUid|AliUid|Uid)$/;

function num(v) {
  if (v === undefined || v === null || v === '') return undefined;
  const n = Number(v);
  return Number.isFinite(n) ? n : undefined;
}

function param(name, schema, style) {
  let type = TYPE[schema.type] ?? 's';
  if (type === 'i' && ACCOUNT_ID.test(name)) type = 'u';
  const p = { name, type };
  if (schema.required === true) p.required = true;
  if (Array.isArray(schema.enum) && schema.enum.length) p.enum = schema.enum.map(String);
  const min = num(schema.minimum),
    max = num(schema.maximum);
  if (min !== undefined) p.minimum = min;
  if (max !== undefined) p.maximum = max;
  const minLen = num(schema.minLength),
    maxLen = num(schema.maxLength);
  if (minLen !== undefined) p.minLength = minLen;
  if (maxLen !== undefined) p.maxLength = maxLen;
  const maxItems = num(schema.maxItems);
  if (maxItems !== undefined) p.maxItems = maxItems;
  if (schema.default !== undefined) p.default = String(schema.default);
  if (style) p.style = style;
  if (schema.type === 'array' && schema.items) p.items = param('', schema.items);
  if (schema.type === 'object' && schema.properties) {
    p.properties = Object.entries(schema.properties).map(([k, s]) => param(k, s));
  }
  if (p.name === '') delete p.name;
  return p;
}

function response(schema) {
  if (!schema) return 's';
  const t = TYPE[schema.type] ?? 's';
  if (t === 'a') return { a: response(schema.items) };
  if (t === 'o') {
    const o = {};
    for (const [k, s] of Object.entries(schema.properties ?? {})) o[k] = response(s);
    return { o };
  }
  return t;
}

/** The TypeScript type of a parameter as validate() produces it. */
function tsType(p, indent) {
  switch (p.type) {
    case 'i':
    case 'n':
      return 'number';
    case 'b':
      return 'boolean';
    case 'a': {
      const item = tsType(p.items ?? { type: 's' }, indent);
      return /^[\w']+$/.test(item) ? `${item}[]` : `Array<${item}>`;
    }
    case 'o': {
      const props = p.properties ?? [];
      if (props.length === 0) return 'Record<string, never>';
      return `{ ${props.map((q) => `${key(q.name)}?: ${tsType(q, indent)}`).join('; ')} }`;
    }
    default:
      return p.enum ? p.enum.map((v) => `'${v.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`).join(' | ') : 'string';
  }
}

function key(name) {
  return /^[A-Za-z_$][\w$]*$/.test(name) ? name : `'${name}'`;
}

/**
 * The parameter list of an action: the main metadata's, brought up to date by the newer metadata
 * (parameters only): its list and its `required` flags win, the main file's schemas (enums,
 * bounds) are kept where it has the parameter. Actions only in the newer file take its list.
 */
function parametersOf(api, newer) {
  if (!newer) return api?.parameters ?? [];
  const main = new Map((api?.parameters ?? []).map((p) => [p.name, p]));
  const out = newer.parameters.map((p) => {
    const m = main.get(p.name);
    return m ? { ...m, schema: { ...m.schema, required: p.schema?.required === true } } : p;
  });
  for (const [name, p] of main) if (!out.some((q) => q.name === name)) out.push(p);
  return out;
}

function facts(spec, newerSpec) {
  const actions = {};
  const names = new Set([...Object.keys(spec.apis), ...Object.keys(newerSpec?.apis ?? {})]);
  for (const name of [...names].sort()) {
    const api = spec.apis[name] ?? {};
    const seen = new Set();
    const params = [];
    for (const p of parametersOf(spec.apis[name], newerSpec?.apis[name])) {
      if (seen.has(p.name)) continue; // the spec lists ClientToken twice for CreateRouterInterface
      seen.add(p.name);
      params.push(param(p.name, p.schema ?? {}, p.style));
    }
    const errors = {};
    for (const [status, list] of Object.entries(api.errorCodes ?? {})) {
      for (const e of list) {
        const code = String(e.errorCode).trim();
        if (!(code in errors)) errors[code] = { status: Number(status), message: e.errorMessage };
      }
    }
    actions[name] = {
      methods: (api.methods ?? ['post', 'get']).map((m) => m.toUpperCase()),
      async: api.staticInfo?.returnType === 'asynchronous',
      deprecated: api.deprecated === true,
      params,
      errors,
      // An action known only from the newer metadata has no published response schema.
      response: api.responses ? response(api.responses['200']?.schema) : { o: {} },
    };
  }
  return actions;
}

export function render(file, exportName, product, newerFile) {
  const spec = JSON.parse(readFileSync(join(specDir, file), 'utf8'));
  const newer = newerFile ? JSON.parse(readFileSync(join(specDir, newerFile), 'utf8')) : undefined;
  const actions = facts(spec, newer);
  const regions = spec.endpoints ?? [];
  const names = Object.keys(actions);
  const lower = exportName.toLowerCase();
  // Every code any action documents, with the first status and message the spec gives it.
  const errorIndex = {};
  for (const a of Object.values(actions)) for (const [c, e] of Object.entries(a.errors)) if (!(c in errorIndex)) errorIndex[c] = e;
  const codes = Object.keys(errorIndex).sort();
  const raw = Object.fromEntries(names.map((n) => [n, JSON.stringify(actions[n])]));
  const inputs = names.map((n) => {
    const fields = actions[n].params.map((p) => `    ${key(p.name)}${p.required ? '' : '?'}: ${tsType(p, '    ')};`);
    return fields.length ? `  ${n}: {\n${fields.join('\n')}\n  };` : `  ${n}: Record<string, never>;`;
  });
  return [
    `// GENERATED by scripts/gen-facts.mjs from spec/${file}${newerFile ? ` and spec/${newerFile}` : ''}. Do not edit by hand.`,
    `import { lazyActions, type ErrorFact, type ProductFacts } from './types.js';`,
    ``,
    `export type ${exportName}ActionName =`,
    ...names.map((n, i) => `  | '${n}'${i === names.length - 1 ? ';' : ''}`),
    ``,
    `/** Every error code the ${product ?? spec.info.product} actions document. */`,
    `export type ${exportName}SpecErrorCode =`,
    ...codes.map((c, i) => `  | ${JSON.stringify(c)}${i === codes.length - 1 ? ';' : ''}`),
    ``,
    `/** Each action's input as the validator produces it from the wire parameters. */`,
    `export interface ${exportName}Inputs {`,
    ...inputs,
    `}`,
    ``,
    `const RAW: Record<${exportName}ActionName, string> = ${JSON.stringify(raw)};`,
    ``,
    `export const ${lower}Facts: ProductFacts<${exportName}ActionName> = {`,
    `  product: ${JSON.stringify(product ?? spec.info.product)},`,
    `  version: ${JSON.stringify(spec.info.version)},`,
    `  endpoints: ${JSON.stringify(regions)},`,
    `  actions: lazyActions(RAW),`,
    `};`,
    ``,
    `export const ${lower}ErrorIndex: Record<string, ErrorFact> = ${JSON.stringify(errorIndex)};`,
    ``,
  ].join('\n');
}

export const OUTPUTS = [
  {
    file: 'vpc-2016-04-28.api-docs.json',
    newer: 'vpc-2016-04-28.parameters-2025-12.json',
    exportName: 'Vpc',
    target: 'src/spec/vpc-facts.generated.ts',
  },
  { file: 'sts-2015-04-01.api-docs.json', exportName: 'Sts', target: 'src/spec/sts-facts.generated.ts' },
];

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  for (const o of OUTPUTS) {
    const out = render(o.file, o.exportName, undefined, o.newer);
    writeFileSync(join(root, o.target), out);
    console.log(`${o.target}: ${(out.length / 1024).toFixed(0)} KiB`);
  }
}
