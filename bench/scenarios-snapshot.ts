// Snapshot export and import of the 1M-interface store, reported under the tables (no target): the
// time to the last byte and the server's peak RSS (VmHWM of /proc/<pid>/status; each measured on a
// fresh server process, so the peak is the operation's).
// - Export: LocalVPC on the 1M data set, GET /_localvpc/snapshots/export asking for NDJSON
//   (Accept: application/x-ndjson), read as a stream and counted, never held.
// - Import: LocalVPC on an empty folder; the 1M store generated as in dataset.ts, streamed as NDJSON
//   (format version 3) to POST /_localvpc/snapshots/import; then one DescribeRouterInterfaces
//   checks that TotalCount is 1M.
// Both are "not available" (with the server's answer) while the server refuses them: an error
// status, a refused version-3 document, or the server exiting.
import { randomUUID } from 'node:crypto';
import { adminDownload, adminStream, rpc } from './api.js';
import { dataset, importStream, sizeLabel } from './dataset.js';
import type { Fact, Result, Scenario } from './harness.js';
import { startLocalVpc, tempDir, type Child } from './servers.js';

const SIZE = 1_000_000;
const TIMEOUT_MS = 300_000;

const mib = (x: number | undefined): string => (x === undefined ? '?' : `${x.toFixed(0)} MiB`);

/** Runs `op` against `vpc`, turning a failure or the server's exit into "not available (why, after how long, peak RSS)". */
async function guarded(vpc: Child, exited: Promise<string>, op: () => Promise<string>): Promise<string> {
  const t0 = performance.now();
  try {
    return await Promise.race([op(), exited.then((why) => Promise.reject(new Error(why)))]);
  } catch (e) {
    const why = (e as Error).message.replace(/\s+/g, ' ').slice(0, 200);
    return `not available (${why}; after ${((performance.now() - t0) / 1000).toFixed(1)} s, server peak RSS ${mib(vpc.peakRssMb())})`;
  }
}

function exitOf(vpc: Child): Promise<string> {
  return new Promise((resolve) => {
    const timer = setInterval(() => {
      if (vpc.rssMb() === undefined) {
        clearInterval(timer);
        resolve('the server exited');
      }
    }, 200);
    timer.unref();
  });
}

const snapshot: Scenario = {
  id: `Snapshot export/import ${sizeLabel(SIZE)}`,
  async run(): Promise<Result> {
    const ds = await dataset(SIZE);
    const facts: Fact[] = [];
    {
      const vpc = await startLocalVpc({ dataDir: ds.dir, token: ds.token });
      const before = vpc.peakRssMb();
      try {
        const value = await guarded(vpc, exitOf(vpc), async () => {
          const r = await adminDownload(vpc.port, ds.token, '/_localvpc/snapshots/export', { accept: 'application/x-ndjson' }, TIMEOUT_MS);
          if (r.status !== 200) throw new Error(`${r.status} ${r.head.slice(0, 300)}`);
          const first = JSON.parse(r.head.split('\n', 1)[0] ?? '{}') as { format?: string; version?: number };
          const kind =
            r.head.trimStart().startsWith('{"format"') && first.version === 3
              ? 'NDJSON, format 3'
              : `format ${String(first.version ?? '?')}`;
          return `${r.seconds.toFixed(1)} s, ${(r.bytes / 2 ** 20).toFixed(0)} MiB (${kind}); server peak RSS ${mib(vpc.peakRssMb())} (${mib(before)} before)`;
        });
        facts.push({ name: `Snapshot export, ${sizeLabel(SIZE)} interfaces stored`, value });
      } finally {
        await vpc.stop();
      }
    }
    {
      const token = `bench-${randomUUID()}`;
      const vpc = await startLocalVpc({ dataDir: tempDir('localvpc-bench-import-'), token, args: ['--profile', 'instant'] });
      const before = vpc.peakRssMb();
      try {
        const value = await guarded(vpc, exitOf(vpc), async () => {
          const { pieces, probe } = await importStream(vpc.port, token, SIZE);
          if (!probe.ok) throw new Error(`a version-3 NDJSON document is refused: ${probe.why.split('\n')[0]}`);
          const t0 = performance.now();
          const r = await adminStream(vpc.port, token, '/_localvpc/snapshots/import', pieces, 'application/x-ndjson', TIMEOUT_MS);
          const seconds = (performance.now() - t0) / 1000;
          if (r.status !== 200) throw new Error(`${r.status} ${r.text.slice(0, 160)}`);
          const n = (await rpc(vpc.port, 'DescribeRouterInterfaces', { RegionId: 'cn-hangzhou' })).TotalCount;
          if (n !== SIZE) throw new Error(`after the import DescribeRouterInterfaces counts ${String(n)}`);
          return `${seconds.toFixed(1)} s, ${(r.bytes / 2 ** 20).toFixed(0)} MiB streamed (NDJSON, format 3, generated as it is sent); server peak RSS ${mib(vpc.peakRssMb())} (${mib(before)} before)`;
        });
        facts.push({ name: `Snapshot import, ${sizeLabel(SIZE)} interfaces (streamed, into an empty store)`, value });
      } finally {
        await vpc.stop();
      }
    }
    return { rows: [], facts };
  },
};

export function snapshotScenarios(): Scenario[] {
  return [snapshot];
}
