// The DescribeRegions and DescribeRouterInterfaces figures through the official SDK
// (sdk-load.ts) at concurrency 32: LocalVPC (DescribeRegions in memory as its other rows;
// DescribeRouterInterfaces by RouterInterfaceId on the 100k data set, file database), then the bare
// HMAC ceiling answering LocalVPC's own answer, driven by the same SDK calls. The SDK saturates its
// own process (about 2,500 calls/s) before either server: these rows are client-bound by nature and
// carry no ratio and no target; they say what a program using the SDK sees.
import { REGION } from './api.js';
import { dataset, sizeLabel } from './dataset.js';
import { expect200, measured, profileArgs, rssNote, type BenchOptions, type Row, type Scenario } from './harness.js';
import type { LoadResult } from './wrk.js';
import { cycle } from './scenarios-ri.js';
import { runSdkLoad, Vpc, vpcClient } from './sdk-load.js';
import { startCeiling, startLocalVpc, type Child } from './servers.js';
import { DEFAULT_KEY, v3Signer, type RequestSpec } from './sign.js';

const CONCURRENCY = 32;
const SDK_NOTE = 'through @alicloud/vpc20160428 (V3); the SDK saturates its own process at about 2,500 calls/s';

function sdkRun(
  o: BenchOptions,
  child: Child,
  call: (port: number) => () => Promise<unknown>,
  notes: string[],
  who: string,
): Promise<LoadResult> {
  const c = call(child.port);
  return measured(o, notes, who, () =>
    runSdkLoad({
      concurrency: CONCURRENCY,
      call: c,
      seconds: o.seconds,
      warmupSeconds: o.warmupSeconds,
      serverCpuSeconds: () => child.cpuSeconds(),
      serverMainCpuSeconds: () => child.mainThreadCpuSeconds(),
    }),
  );
}

interface SdkSpec {
  /** What --only matches (after "SDK "). */
  id: string;
  name: string;
  /** Starts LocalVPC with its data; returns it and the values the calls cycle over. */
  start(o: BenchOptions): Promise<{ vpc: Child; values: string[]; notes: string[] }>;
  /** The same request, raw (to copy LocalVPC's answer for the ceiling). */
  raw(port: number, values: string[]): () => RequestSpec;
  call(values: string[]): (port: number) => () => Promise<unknown>;
  /** Throws unless the SDK's first answer is the expected one. */
  check(answer: unknown, values: string[]): void;
}

function sdkScenario(s: SdkSpec): Scenario {
  return {
    id: `SDK ${s.id} c=${CONCURRENCY}`,
    async run(o): Promise<Row> {
      const { vpc, values, notes } = await s.start(o);
      let subject: LoadResult;
      let answer;
      try {
        answer = await expect200(`LocalVPC (SDK ${s.name})`, vpc.port, s.raw(vpc.port, values)());
        s.check(await s.call(values)(vpc.port)(), values); // the SDK accepts the answer, and it is right
        subject = await sdkRun(o, vpc, s.call(values), notes, 'LocalVPC');
        notes.push(rssNote(vpc, `SDK ${s.name}`));
      } finally {
        await vpc.stop();
      }
      const ceil = await startCeiling(
        {
          secret: DEFAULT_KEY.secret,
          body: answer.body,
          contentType: String(answer.headers['content-type']),
          requestId: String(answer.headers['x-acs-request-id']),
        },
        profileArgs(o, 'ceiling'),
      );
      try {
        await s.call(values)(ceil.port)();
        const ceiling = await sdkRun(o, ceil, s.call(values), notes, 'ceiling');
        return {
          scenario: `SDK: ${s.name}`,
          concurrency: CONCURRENCY,
          subject,
          reference: ceiling,
          referenceName: 'bare signed ceiling',
          noRatio: 'client-bound (SDK)',
          notes: [SDK_NOTE, ...notes],
        };
      } finally {
        await ceil.stop();
      }
    },
  };
}

const regions: SdkSpec = {
  id: 'DescribeRegions',
  name: 'DescribeRegions',
  async start(o) {
    return { vpc: await startLocalVpc({ nodeArgs: profileArgs(o, 'localvpc') }), values: [], notes: ['in memory'] };
  },
  raw: (port) => v3Signer({ action: 'DescribeRegions', params: { RegionId: REGION } }, `127.0.0.1:${port}`),
  call: () => (port) => {
    const client = vpcClient(port);
    return () => client.describeRegions(new Vpc.DescribeRegionsRequest({ regionId: REGION }));
  },
  check(answer) {
    const n = (answer as { body?: { regions?: { region?: unknown[] } } }).body?.regions?.region?.length ?? 0;
    if (n < 1) throw new Error('SDK DescribeRegions: no regions in the answer');
  },
};

const SIZE = 100_000;
const routerInterfaces: SdkSpec = {
  id: 'DescribeRouterInterfaces',
  name: `DescribeRouterInterfaces by RouterInterfaceId, ${sizeLabel(SIZE)} stored`,
  async start(o) {
    const ds = await dataset(SIZE);
    const vpc = await startLocalVpc({ dataDir: ds.dir, token: ds.token, nodeArgs: profileArgs(o, 'localvpc') });
    return { vpc, values: ds.interfaces, notes: ['file database'] };
  },
  raw: (port, values) =>
    cycle(
      port,
      values.map((v) => ({ 'Filter.1.Key': 'RouterInterfaceId', 'Filter.1.Value.1': v })),
    ),
  call: (values) => (port) => {
    const client = vpcClient(port);
    let i = 0;
    return () => {
      const value = values[i++ % values.length] as string;
      const filter = [new Vpc.DescribeRouterInterfacesRequestFilter({ key: 'RouterInterfaceId', value: [value] })];
      return client.describeRouterInterfaces(new Vpc.DescribeRouterInterfacesRequest({ regionId: REGION, filter }));
    };
  },
  check(answer, values) {
    const items =
      (answer as { body?: { routerInterfaceSet?: { routerInterfaceType?: { routerInterfaceId?: string }[] } } }).body?.routerInterfaceSet
        ?.routerInterfaceType ?? [];
    if (items.length !== 1 || items[0]?.routerInterfaceId !== values[0])
      throw new Error(
        `SDK DescribeRouterInterfaces: expected exactly ${values[0]}, got ${JSON.stringify(items.map((i) => i.routerInterfaceId))}`,
      );
  },
};

export function sdkScenarios(): Scenario[] {
  return [sdkScenario(regions), sdkScenario(routerInterfaces)];
}
