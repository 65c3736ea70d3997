// Checks a raw JSON body against the response field types of Alibaba's spec (strings, integers,
// booleans, wrapped arrays), the way strict clients (the Go SDK, the TS SDK's cast) read them.
import assert from 'node:assert/strict';
import type { ResponseType } from '../../src/spec/types.js';

export function checkTypes(t: ResponseType, v: unknown, path = '$'): void {
  if (v === undefined) return;
  if (typeof t === 'string') {
    const want = { s: 'string', i: 'number', n: 'number', b: 'boolean', a: 'object', o: 'object' }[t];
    assert.equal(typeof v, want, `${path} should be a ${want}, got ${JSON.stringify(v)}`);
    if (t === 'i') assert.ok(Number.isInteger(v), `${path} should be an integer`);
    return;
  }
  if ('a' in t) {
    assert.ok(Array.isArray(v), `${path} should be an array, got ${JSON.stringify(v)?.slice(0, 80)}`);
    (v as unknown[]).forEach((x, i) => checkTypes(t.a, x, `${path}[${i}]`));
    return;
  }
  assert.ok(typeof v === 'object' && v !== null && !Array.isArray(v), `${path} should be an object`);
  for (const [k, sub] of Object.entries(t.o)) checkTypes(sub, (v as Record<string, unknown>)[k], `${path}.${k}`);
}

/**
 * Calls an action with a raw V1-signed request (JSON parsed by JSON.parse, as strict clients read
 * it; @alicloud/pop-core turns 16-digit numbers into BigNumber objects) and checks the answer
 * against the spec's response types. Answers the body.
 */
export async function typedCall(
  port: number,
  action: string,
  params: Record<string, string | number | boolean>,
): Promise<Record<string, unknown>> {
  const { v1 } = await import('./raw.js');
  const { vpcFacts } = await import('../../src/spec/vpc-facts.generated.js');
  const r = await v1(port, Object.fromEntries([['Action', action], ...Object.entries(params).map(([k, v]) => [k, String(v)])]));
  assert.equal(r.status, 200, r.text);
  const body = r.json();
  const facts = (vpcFacts.actions as Record<string, { response: ResponseType }>)[action];
  assert.ok(facts, `no facts for ${action}`);
  checkTypes(facts.response, body, action);
  return body;
}
