// The replay's model of the provider's wire and error semantics, checked on its own (no server):
// if these were wrong, the replay could pass against a server Terraform would choke on.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  flattenTea,
  formatError,
  isExpectedErrors,
  needRetry,
  notFoundError,
  ProviderCrash,
  ProviderNotFound,
  SdkServerError,
  signV1,
  TeaSdkError,
} from './wire.js';
import { checkFields, Ledger, parsingTags } from './provider.js';

const tea = (status: number, code: string, message: string, body: Record<string, unknown> = { Code: code, Message: message }) =>
  new TeaSdkError('X', status, code, `code: ${status}, ${message} request id: R`, JSON.stringify(body));

test('V1 signature: the documented example (ECS DescribeRegions, secret "testsecret")', () => {
  const params = {
    AccessKeyId: 'testid',
    Action: 'DescribeRegions',
    Format: 'XML',
    SignatureMethod: 'HMAC-SHA1',
    SignatureNonce: '3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf',
    SignatureVersion: '1.0',
    Timestamp: '2016-02-23T12:46:24Z',
    Version: '2014-05-26',
  };
  assert.equal(signV1('GET', params, 'testsecret'), 'OLeaidS1JvxuMvnyHOwuJ+uX5qY=');
});

test('rpcutil.Query: lists 1-based, maps nested, nil dropped, "" kept, flat keys unchanged', () => {
  assert.deepEqual(
    flattenTea({
      RegionId: 'cn-hangzhou',
      Filter: [{ Key: 'VbrId', Value: ['vbr-1', 'vbr-2'] }],
      Tag: [{ Key: 'env', Value: 'test' }],
      Force: true,
      VlanId: 100,
      Description: '',
      Name: undefined,
      'ResourceId.1': 'ri-1',
    }),
    {
      RegionId: 'cn-hangzhou',
      'Filter.1.Key': 'VbrId',
      'Filter.1.Value.1': 'vbr-1',
      'Filter.1.Value.2': 'vbr-2',
      'Tag.1.Key': 'env',
      'Tag.1.Value': 'test',
      Force: 'true',
      VlanId: '100',
      Description: '',
      'ResourceId.1': 'ri-1',
    },
  );
});

test('formatError: what a 200 body must not look like', () => {
  assert.equal(formatError('X', { RequestId: 'R', VpcId: 'vpc-1' }), undefined);
  assert.equal(formatError('X', { Code: '200', Message: 'successful', Success: true }), undefined);
  assert.equal(formatError('X', { Code: 'OK' }), undefined);
  assert.equal(formatError('X', { Code: 0 }), undefined);
  assert.equal(formatError('X', { Code: 'Forbidden', Message: '' }), undefined, 'an empty Message makes it a success');
  assert.equal(formatError('X', { Code: { nested: true } }), undefined, 'a Code that is a map is not looked at');
  const e = formatError('X', { Success: false, Message: 'nope' });
  assert.ok(e instanceof TeaSdkError);
  assert.equal(e.statusCode, 200);
  assert.ok(formatError('X', { Code: 'Throttling', Message: 'slow down' }));
});

test('NotFoundError: HTTP 404 whatever the code, or "NotFound" in the message; not a 400 code alone', () => {
  assert.equal(notFoundError(tea(404, 'InvalidRouterInterfaceId.NotFound', 'gone')), true);
  assert.equal(notFoundError(tea(404, 'Whatever', 'x')), true);
  assert.equal(notFoundError(tea(400, 'InvalidVpcId.NotFound', 'The specified VPC does not exist.')), false);
  assert.equal(notFoundError(tea(400, 'X', 'The resource is NotFound here')), true);
  assert.equal(notFoundError(new ProviderNotFound('Vpc vpc-1')), true);
  assert.equal(notFoundError(new SdkServerError('X', 400, 'InvalidInstanceId.NotFound', 'no', '')), false);
  assert.equal(notFoundError(new SdkServerError('X', 400, 'NotFound', 'no', '')), true);
  assert.equal(notFoundError(new SdkServerError('X', 400, 'Y', 'The instance is not found', '')), true);
});

test('IsExpectedErrors: equal, a prefix of the expected code, or anywhere in the body (an empty Code matches all)', () => {
  assert.equal(isExpectedErrors(tea(400, 'IncorrectStatus', 'x'), ['IncorrectStatus.cbnStatus']), true);
  assert.equal(isExpectedErrors(tea(400, '', 'x'), ['TaskConflict']), true);
  assert.equal(isExpectedErrors(tea(400, 'Other', 'mentions DependencyViolation.VSwitch'), ['DependencyViolation.VSwitch']), true);
  assert.equal(isExpectedErrors(tea(400, 'Other', 'x'), ['TaskConflict']), false);
  assert.equal(isExpectedErrors(new SdkServerError('X', 400, 'A', 'has B inside', ''), ['B']), true);
  assert.equal(needRetry(tea(503, 'ServiceUnavailable', 'x')), true);
  assert.equal(needRetry(tea(400, 'Throttling.User', 'x')), true);
  assert.equal(needRetry(tea(400, 'IncorrectStatus', 'x')), false);
});

test('checkFields: a missing or mistyped field is a mismatch; what makes the provider panic throws', () => {
  const ledger = new Ledger();
  checkFields(ledger, 'R', { A: 'x', B: 1, C: 'true', T: { Tag: [{ Key: 'k', Value: 'v' }] } }, [
    { path: 'A', type: 'string' },
    { path: 'B', type: 'bool' },
    { path: 'C', type: 'boolish' },
    { path: 'D', type: 'string' },
    { path: 'E', type: 'string', optional: true },
    { path: 'T.Tag', type: 'tags' },
  ]);
  assert.deepEqual(ledger.problems, ['R: B should be a boolean, got 1', 'R: D is missing (string)']);
  assert.throws(() => checkFields(ledger, 'R', { F: 1 }, [{ path: 'F', type: 'boolish' }]), ProviderCrash);
  assert.throws(() => checkFields(ledger, 'R', { V: 'ten' }, [{ path: 'V', type: 'formatInt' }]), ProviderCrash);
  assert.throws(() => checkFields(ledger, 'R', { T: [{ Key: 1, Value: 'v' }] }, [{ path: 'T', type: 'tags' }]), ProviderCrash);
});

test('parsingTags: removed = keys gone or changed; added = the whole new map', () => {
  assert.deepEqual(parsingTags({ env: 'test', team: 'net' }, { env: 'prod', owner: 'me' }), {
    added: { env: 'prod', owner: 'me' },
    removed: ['env', 'team'],
  });
});
