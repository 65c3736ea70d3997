// Closed-loop load through the official SDK (@alicloud/vpc20160428 on @alicloud/openapi-core, as
// test/helpers/clients.ts builds it: ACS3-HMAC-SHA256, endpoint 127.0.0.1:PORT, http): one client
// shared by `concurrency` workers, each awaiting one SDK call at a time. The SDK signs, sends
// (its own keep-alive agent), parses the JSON and builds its response models in this process, so
// this process, not the server, is usually the bottleneck (about 2,500 calls/s on one core).
// An SDK error with an HTTP status counts as non-2xx, any other as a connection error.
import Vpc from '@alicloud/vpc20160428';
import OpenApi from '@alicloud/openapi-core';
import { performance } from 'node:perf_hooks';
import { DEFAULT_KEY } from './sign.js';
import { measure, type MeasureOptions, type Tally } from './load.js';
import type { LoadResult } from './wrk.js';

const { $OpenApiUtil } = OpenApi as unknown as { $OpenApiUtil: { Config: new (o: Record<string, unknown>) => unknown } };

export { Vpc };
export type VpcClient = InstanceType<typeof Vpc.default>;

export function vpcClient(port: number): VpcClient {
  const config = new $OpenApiUtil.Config({
    accessKeyId: DEFAULT_KEY.id,
    accessKeySecret: DEFAULT_KEY.secret,
    endpoint: `127.0.0.1:${port}`,
    protocol: 'http',
  });
  return new Vpc.default(config as ConstructorParameters<typeof Vpc.default>[0]);
}

export interface SdkLoadOptions extends MeasureOptions {
  concurrency: number;
  /** One SDK call (a fresh request each time). */
  call: () => Promise<unknown>;
}

export function runSdkLoad(o: SdkLoadOptions): Promise<LoadResult> {
  const drive = async (seconds: number, tally?: Tally): Promise<{ elapsed: number; issued: number }> => {
    const started = performance.now();
    const deadline = started + seconds * 1000;
    let issued = 0,
      errors = 0;
    const worker = async (): Promise<void> => {
      while (performance.now() < deadline && errors < 1000) {
        issued++;
        const t0 = performance.now();
        try {
          await o.call();
          tally?.latencies.push(performance.now() - t0);
        } catch (e) {
          const status = (e as { statusCode?: number }).statusCode;
          if (typeof status === 'number') {
            tally?.latencies.push(performance.now() - t0);
            if (tally) tally.non2xx++;
          } else {
            errors++;
            if (tally) tally.errors++;
          }
        }
      }
    };
    await Promise.all(Array.from({ length: o.concurrency }, worker));
    return { elapsed: (performance.now() - started) / 1000, issued };
  };
  return measure(o, drive);
}
