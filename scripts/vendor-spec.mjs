// Copies Alibaba's API metadata from ../shared/specs into spec/, stripped to facts: action names,
// methods, sync/async, deprecation, parameters (name, type, required, enum, bounds, list style,
// nested items and properties), error codes with status and message, and response field types.
// Prose (descriptions, titles, examples, demos) is dropped. The generator (gen-facts.mjs) reads
// only spec/, so a fresh clone can regenerate and check src/spec/*.generated.ts by itself.
// Run when Alibaba's metadata changes: node scripts/vendor-spec.mjs [SPEC_DIR]
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const from = process.argv[2] ?? process.env.LOCALVPC_SPEC_DIR ?? join(root, '..', 'shared', 'specs');
const to = join(root, 'spec');

const SCHEMA_KEYS = ['type', 'format', 'required', 'enum', 'minimum', 'maximum', 'minLength', 'maxLength', 'maxItems', 'default'];

function schema(s) {
  if (!s || typeof s !== 'object') return s;
  const out = {};
  for (const k of SCHEMA_KEYS) if (s[k] !== undefined) out[k] = s[k];
  if (s.items) out.items = schema(s.items);
  if (s.properties) out.properties = Object.fromEntries(Object.entries(s.properties).map(([k, v]) => [k, schema(v)]));
  return out;
}

function api(a) {
  const out = { methods: a.methods };
  if (a.deprecated) out.deprecated = true;
  if (a.staticInfo?.returnType) out.staticInfo = { returnType: a.staticInfo.returnType };
  out.parameters = (a.parameters ?? []).map((p) => ({
    name: p.name,
    ...(p.in ? { in: p.in } : {}),
    ...(p.style ? { style: p.style } : {}),
    schema: schema(p.schema ?? {}),
  }));
  if (a.errorCodes) {
    out.errorCodes = Object.fromEntries(
      Object.entries(a.errorCodes).map(([status, list]) => [
        status,
        list.map((e) => ({ errorCode: e.errorCode, errorMessage: e.errorMessage })),
      ]),
    );
  }
  if (a.responses?.['200']?.schema) out.responses = { 200: { schema: schema(a.responses['200'].schema) } };
  return out;
}

function vendor(file) {
  const spec = JSON.parse(readFileSync(join(from, file), 'utf8'));
  const out = {
    info: { product: spec.info?.product, version: spec.info?.version },
    endpoints: (spec.endpoints ?? []).map((e) => ({ regionId: e.regionId, endpoint: e.endpoint })),
    apis: Object.fromEntries(
      Object.keys(spec.apis)
        .sort()
        .map((n) => [n, api(spec.apis[n])]),
    ),
  };
  mkdirSync(to, { recursive: true });
  const text = JSON.stringify(out, null, 1) + '\n';
  writeFileSync(join(to, file), text);
  console.log(`spec/${file}: ${Object.keys(out.apis).length} actions, ${(text.length / 1024).toFixed(0)} KiB`);
}

vendor('vpc-2016-04-28.api-docs.json');
vendor('vpc-2016-04-28.parameters-2025-12.json');
vendor('sts-2015-04-01.api-docs.json');
