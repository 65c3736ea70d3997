// The JavaScript `aliyun-sdk` (the old, pre-tea SDK): its ECS client at Version 2014-05-26, which
// older scripts still use for VPC calls. It validates parameters against its own bundled API model
// and calls back node-style; this wraps it in promises.
import { createRequire } from 'node:module';
import { DEFAULT_KEY } from './server.js';

type Callback = (err: (Error & { code?: string; statusCode?: number }) | null, data: Record<string, unknown>) => void;
type EcsClient = Record<string, (params: Record<string, unknown>, cb: Callback) => void>;

const ALY = createRequire(import.meta.url)('aliyun-sdk') as { ECS: new (o: Record<string, unknown>) => EcsClient };

export type OldEcs = <T = Record<string, unknown>>(method: string, params: Record<string, unknown>) => Promise<T>;

export function oldEcs(port: number): OldEcs {
  const ecs = new ALY.ECS({
    accessKeyId: DEFAULT_KEY.id,
    secretAccessKey: DEFAULT_KEY.secret,
    endpoint: `http://127.0.0.1:${port}`,
    apiVersion: '2014-05-26',
  });
  return <T>(method: string, params: Record<string, unknown>) =>
    new Promise<T>((resolve, reject) => {
      const fn = ecs[method];
      if (!fn) return reject(new Error(`aliyun-sdk ECS has no ${method}`));
      fn.call(ecs, params, (err, data) => (err ? reject(err) : resolve(data as T)));
    });
}
