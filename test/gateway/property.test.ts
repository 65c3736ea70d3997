// Property: random and malformed requests never get a 5xx, always get a well-formed Alibaba error
// (or a well-formed success), and an error never changes the stored state.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { startServer, type TestServer } from '../helpers/server.js';
import { send, v1, v3, type RawResponse } from '../helpers/raw.js';
import { vpcFacts } from '../../src/spec/vpc-facts.generated.js';

let srv: TestServer;
before(async () => (srv = await startServer()));
after(async () => srv.close());

const state = async (): Promise<string> => JSON.stringify(await srv.app.store.dump());

function wellFormed(r: RawResponse): void {
  assert.ok(r.status < 500, `5xx: ${r.status} ${r.text}`);
  const body = r.json();
  assert.equal(typeof body.RequestId, 'string');
  assert.equal(body.RequestId, r.headers['x-acs-request-id']);
  if (r.status >= 400) {
    assert.deepEqual(Object.keys(body).sort(), ['Code', 'HostId', 'Message', 'Recommend', 'RequestId'], r.text);
    assert.ok(String(body.Code).length > 0);
  } else {
    assert.equal(r.status, 200);
    assert.equal(body.Code, undefined, 'a success never carries a Code');
  }
}

const actionNames = Object.keys(vpcFacts.actions);
const text = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme' }),
  fc.constantFrom('', ' ', '%', '%zz', '+', '&', '=', '[', '["a"]', '1', '-1', '1e400', 'true', 'cn-hangzhou', 'x'.repeat(5000)),
);
const paramName = fc.oneof(
  fc.string({ minLength: 1, maxLength: 20 }),
  fc.constantFrom(
    'RegionId',
    'PageSize',
    'PageNumber',
    'Filter.1.Key',
    'Filter.1.Value.1',
    'Filter.1.Value',
    'Filter.99999999.Key',
    'Tags.1.Key',
    'Filter',
    'Filter.x',
    'RegionId.1',
    'Role',
    'Spec',
    'InstanceId',
  ),
);
const params = fc.array(fc.tuple(paramName, text), { maxLength: 12 });

test('unsigned garbage: raw query strings and bodies', async () => {
  const before = await state();
  await fc.assert(
    fc.asyncProperty(
      fc.string({ unit: 'binary', maxLength: 300 }),
      fc.constantFrom('GET', 'POST', 'PUT', 'PATCH'),
      fc.boolean(),
      async (raw, method, inBody) => {
        const qs = encodeURI(raw).replace(/%25/g, '%');
        const r = inBody
          ? await send(srv.port, method, '/', { 'content-type': 'application/x-www-form-urlencoded' }, raw)
          : await send(srv.port, method, `/?${qs}`);
        wellFormed(r);
        assert.ok(r.status >= 400);
      },
    ),
    { numRuns: 150 },
  );
  assert.equal(await state(), before);
});

test('V1-signed requests with random actions and parameters; an error changes nothing', async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.constantFrom(...actionNames),
      params,
      fc.constantFrom('GET', 'POST'),
      fc.boolean(),
      async (action, ps, method, form) => {
        const before = await state();
        const r = await v1(srv.port, [['Action', action], ...ps], { method, form: form && method === 'POST' });
        wellFormed(r);
        if (r.status >= 400) assert.equal(await state(), before, `${action} failed with ${r.text} but changed state`);
      },
    ),
    { numRuns: 300 },
  );
});

test('V3-signed requests with random actions, parameters and headers', async () => {
  const before = await state();
  await fc.assert(
    fc.asyncProperty(
      fc.constantFrom(...actionNames, 'Nope', ''),
      fc.dictionary(fc.string({ minLength: 1, maxLength: 12 }), fc.string()),
      fc.string(),
      async (action, query, date) => {
        const r = await v3(srv.port, query, { action, date: date.length % 3 === 0 ? undefined : date });
        wellFormed(r);
      },
    ),
    { numRuns: 200 },
  );
  assert.equal(await state(), before);
});
