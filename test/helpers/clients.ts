// The official SDKs, pointed at a test server exactly as a user would point them.
import Vpc from '@alicloud/vpc20160428';
import OpenApi from '@alicloud/openapi-core';
import RPCClient from '@alicloud/pop-core';
import Sts from '@alicloud/sts20150401';
import { DEFAULT_KEY } from './server.js';

const { $OpenApiUtil } = OpenApi as unknown as { $OpenApiUtil: { Config: new (o: Record<string, unknown>) => unknown } };

export { Vpc };
export type VpcClient = InstanceType<typeof Vpc.default>;

export interface Key {
  id: string;
  secret: string;
}

/** `@alicloud/vpc20160428` in its default ACS3-HMAC-SHA256 mode, or V1 with `signatureAlgorithm: 'v2'`. */
export function vpcClient(port: number, opts: { v1?: boolean; key?: Key } = {}): VpcClient {
  const key = opts.key ?? DEFAULT_KEY;
  const config = new $OpenApiUtil.Config({
    accessKeyId: key.id,
    accessKeySecret: key.secret,
    endpoint: `127.0.0.1:${port}`,
    protocol: 'http',
    ...(opts.v1 ? { signatureAlgorithm: 'v2' } : {}),
  });
  return new Vpc.default(config as ConstructorParameters<typeof Vpc.default>[0]);
}

export function stsClient(port: number, key: Key = DEFAULT_KEY): InstanceType<typeof Sts.default> {
  const config = new $OpenApiUtil.Config({
    accessKeyId: key.id,
    accessKeySecret: key.secret,
    endpoint: `127.0.0.1:${port}`,
    protocol: 'http',
  });
  return new Sts.default(config as ConstructorParameters<typeof Sts.default>[0]);
}

export type PopClient = RPCClient;

/**
 * `@alicloud/pop-core` (V1 signature; GET by default, POST form with `{ method: 'POST' }`). It parses
 * answers with json-bigint: objects have no prototype and 16-digit numbers are BigNumbers, so
 * compare its answers field by field, or through `plain()`.
 */
export function popClient(port: number, apiVersion = '2016-04-28', key: Key = DEFAULT_KEY): RPCClient {
  return new RPCClient({ accessKeyId: key.id, accessKeySecret: key.secret, endpoint: `http://127.0.0.1:${port}`, apiVersion });
}

/** Runs `fn` and returns the SDK error it throws (fails the test if it does not throw). */
export async function sdkError(
  fn: () => Promise<unknown>,
): Promise<{ code: string; statusCode?: number; message: string; data?: Record<string, unknown> }> {
  try {
    await fn();
  } catch (e) {
    return e as { code: string; statusCode?: number; message: string; data?: Record<string, unknown> };
  }
  throw new Error('expected the call to fail');
}

/** The error `@alicloud/pop-core` throws for an Alibaba error answer: its code, HTTP status and body. */
export async function popError(
  p: Promise<unknown>,
): Promise<{ code: string; status: number; message: string; data: Record<string, unknown> }> {
  try {
    await p;
  } catch (e) {
    const err = e as { code?: string; data?: Record<string, unknown>; entry?: { response?: { statusCode?: number } }; message: string };
    if (err.code === undefined) throw e;
    return {
      code: err.code,
      status: err.entry?.response?.statusCode ?? 0,
      message: typeof err.data?.Message === 'string' ? err.data.Message : '',
      data: err.data ?? {},
    };
  }
  throw new Error('expected the call to fail');
}

/** A pop-core answer as plain JSON (prototype-less objects become plain ones, BigNumbers strings). */
export function plain<T>(v: T): T {
  return JSON.parse(JSON.stringify(v)) as T;
}

/** `@alicloud/pop-core` whose answers come back as plain JSON (see `plain`). */
export function popJson(port: number, apiVersion = '2016-04-28', key: Key = DEFAULT_KEY): PopClient {
  const client = popClient(port, apiVersion, key);
  const request = client.request.bind(client);
  return Object.assign(Object.create(client) as RPCClient, {
    request: async <T>(action: string, params: object = {}, opts: object = {}): Promise<T> => plain(await request<T>(action, params, opts)),
  });
}
