// Parameter validation from the spec facts, in process.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { validate } from '../../src/spec/validate.js';
import { vpcFacts } from '../../src/spec/vpc-facts.generated.js';
import { type ApiError } from '../../src/errors/api-error.js';

const DRI = vpcFacts.actions.DescribeRouterInterfaces;

test('repeat lists: Filter.N.Key and Filter.N.Value.M, 1-based, in index order', () => {
  const input = validate(DRI, [
    ['RegionId', 'cn-hangzhou'],
    ['Filter.2.Key', 'Status'],
    ['Filter.2.Value.1', 'Active'],
    ['Filter.1.Key', 'RouterInterfaceId'],
    ['Filter.1.Value.2', 'ri-b'],
    ['Filter.1.Value.1', 'ri-a'],
    ['PageSize', '50'],
  ]);
  assert.deepEqual(input, {
    RegionId: 'cn-hangzhou',
    PageSize: 50,
    Filter: [
      { Key: 'RouterInterfaceId', Value: ['ri-a', 'ri-b'] },
      { Key: 'Status', Value: ['Active'] },
    ],
  });
});

test("the Go SDK's JSON-array form Filter.N.Value=[...]", () => {
  const input = validate(DRI, [
    ['RegionId', 'cn-hangzhou'],
    ['Filter.1.Key', 'RouterInterfaceId'],
    ['Filter.1.Value', '["ri-a","ri-b"]'],
  ]);
  assert.deepEqual(input.Filter, [{ Key: 'RouterInterfaceId', Value: ['ri-a', 'ri-b'] }]);
});

test('booleans, integers beyond 2^53 kept as digits, the first of duplicated parameters', () => {
  const mra = vpcFacts.actions.ModifyRouterInterfaceAttribute;
  const input = validate(mra, [
    ['RegionId', 'cn-hangzhou'],
    ['RouterInterfaceId', 'ri-1'],
    ['RouterInterfaceId', 'ri-2'],
    ['OppositeInterfaceOwnerId', '9999999999999999'],
    ['DeleteHealthCheckIp', 'TRUE'],
  ]);
  assert.equal(input.RouterInterfaceId, 'ri-1');
  assert.equal(input.OppositeInterfaceOwnerId, '9999999999999999');
  assert.equal(input.DeleteHealthCheckIp, true);
});

test('errors name the parameter', () => {
  const err = (pairs: [string, string][]): ApiError => {
    try {
      validate(DRI, pairs);
    } catch (e) {
      return e as ApiError;
    }
    throw new Error('expected an error');
  };
  assert.equal(err([]).code, 'MissingParameter');
  const e = err([
    ['RegionId', 'x'],
    ['Filter.1.Value.6', 'a'],
    ['Filter.1.Value.1', 'a'],
    ['Filter.1.Value.2', 'a'],
    ['Filter.1.Value.3', 'a'],
    ['Filter.1.Value.4', 'a'],
    ['Filter.1.Value.5', 'a'],
  ]);
  assert.equal(e.code, 'InvalidParameter');
  assert.match(e.message, /Filter\.1\.Value/);
  assert.equal(
    err([
      ['RegionId', 'x'],
      ['Filter.0.Key', 'a'],
    ]).code,
    'InvalidParameter',
  );
  assert.equal(
    err([
      ['RegionId', 'x'],
      ['PageNumber', '0'],
    ]).code,
    'InvalidParameter',
  );
});
