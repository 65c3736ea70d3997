// Peer rows: LocalVPC beside Azurite (the Azure Storage emulator, also Node), each through raw HTTP
// with pre-signed requests under wrk at concurrency 32, in the same run: a read (LocalVPC
// DescribeVpcs of one VPC; Azurite Get Blob Properties of an existing, empty blob), a write
// (ModifyVpcAttribute of that VPC, a new Description each request; Set Blob Metadata of that blob,
// a new value each request) and a create (CreateVpc; Put Blob of a new 64-byte block blob, a fresh
// name each request). LocalVPC runs as `serve` does by default (file store, durability full, log
// level info); Azurite as `azurite-blob --inMemoryPersistence` (its writes never reach a disk).
// Ratio = LocalVPC / Azurite, no target. Under the tables: both cold starts (spawn to the first
// successful signed request, median of 5, empty) and RSS (idle 1 s after the first answer, and
// after the three load phases).
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { REGION, rpc, until } from './api.js';
import { ACCOUNT, AZURITE_VERSION, azure, sharedKey, startAzurite } from './azurite.js';
import { expect200, load, median, ms, type BenchOptions, type Fact, type Result, type Row, type Scenario } from './harness.js';
import { fetchOnce } from './load.js';
import { coldStart } from './scenarios-start.js';
import { startLocalVpc, tempDir } from './servers.js';
import { v3Signer } from './sign.js';
import { rawRequest, type LoadResult, type PoolMaker } from './wrk.js';

const C = 32;
const TRIALS = 5;
const CONTAINER = 'bench';
const BLOB = `/${ACCOUNT}/${CONTAINER}/blob0`;
const PAYLOAD = 'x'.repeat(64);

type Kind = 'read' | 'write' | 'create';

interface Side {
  read: LoadResult;
  write: LoadResult;
  create: LoadResult;
  idleMb: number;
  afterMb: number;
  notes: Record<Kind, string[]>;
}

const noNotes = (): Record<Kind, string[]> => ({ read: [], write: [], create: [] });

const pause = (msec: number): Promise<void> => new Promise((r) => setTimeout(r, msec));

async function localVpcSide(o: BenchOptions): Promise<Side> {
  const vpc = await startLocalVpc({ dataDir: tempDir('localvpc-bench-peer-') });
  const notes = noNotes();
  try {
    const host = `127.0.0.1:${vpc.port}`;
    const created = await rpc(vpc.port, 'CreateVpc', { RegionId: REGION, CidrBlock: '10.0.0.0/16' });
    const vpcId = String(created.VpcId);
    await until(
      'VPC Available',
      () => rpc(vpc.port, 'DescribeVpcs', { RegionId: REGION, VpcId: vpcId }),
      (r) => JSON.stringify(r).includes('"Available"'),
      400,
      10,
    );
    await pause(1000);
    const idleMb = vpc.rssMb() ?? NaN;
    const read = v3Signer({ action: 'DescribeVpcs', params: { RegionId: REGION, VpcId: vpcId } }, host);
    await expect200('LocalVPC DescribeVpcs', vpc.port, read());
    const write: PoolMaker = (i) =>
      rawRequest(
        v3Signer({ action: 'ModifyVpcAttribute', params: { RegionId: REGION, VpcId: vpcId, Description: `bench-${i}` } }, host)(),
        host,
      );
    const create = v3Signer({ action: 'CreateVpc', params: { RegionId: REGION, CidrBlock: '10.0.0.0/16' } }, host);
    return {
      read: await load(o, vpc, C, { factory: read }, notes.read, 'LocalVPC read'),
      write: await load(o, vpc, C, { make: write, rateHint: 20_000 }, notes.write, 'LocalVPC write'),
      create: await load(o, vpc, C, { factory: create, rateHint: 20_000 }, notes.create, 'LocalVPC create'),
      idleMb,
      afterMb: vpc.rssMb() ?? NaN,
      notes,
    };
  } finally {
    await vpc.stop();
  }
}

async function azuriteSide(o: BenchOptions): Promise<Side> {
  const az = await startAzurite();
  const notes = noNotes();
  try {
    const host = `127.0.0.1:${az.port}`;
    await azure(az.port, sharedKey('PUT', `/${ACCOUNT}/${CONTAINER}`, { restype: 'container' }, {}), 201);
    await azure(az.port, sharedKey('PUT', BLOB, {}, { 'x-ms-blob-type': 'BlockBlob' }), 201);
    await pause(1000);
    const idleMb = az.rssMb() ?? NaN;
    await azure(az.port, sharedKey('HEAD', BLOB, {}, {}), 200);
    const read: PoolMaker = () => rawRequest(sharedKey('HEAD', BLOB, {}, {}), host);
    const write: PoolMaker = (i) => rawRequest(sharedKey('PUT', BLOB, { comp: 'metadata' }, { 'x-ms-meta-n': String(i) }), host);
    const run = randomUUID().slice(0, 8);
    const create: PoolMaker = (i) =>
      rawRequest(
        sharedKey(
          'PUT',
          `/${ACCOUNT}/${CONTAINER}/b-${run}-${i}`,
          {},
          { 'x-ms-blob-type': 'BlockBlob', 'content-type': 'application/octet-stream' },
          PAYLOAD,
        ),
        host,
      );
    await azure(az.port, sharedKey('PUT', BLOB, { comp: 'metadata' }, { 'x-ms-meta-n': 'first' }), 200);
    return {
      read: await load(o, az, C, { make: read, rateHint: 20_000 }, notes.read, 'Azurite read'),
      write: await load(o, az, C, { make: write, rateHint: 20_000 }, notes.write, 'Azurite write'),
      create: await load(o, az, C, { make: create, rateHint: 20_000 }, notes.create, 'Azurite create'),
      idleMb,
      afterMb: az.rssMb() ?? NaN,
      notes,
    };
  } finally {
    await az.stop();
  }
}

/** Spawn to the first successful signed request (List Containers), empty, in memory. */
async function azuriteColdStart(): Promise<number> {
  const t0 = performance.now();
  const az = await startAzurite();
  try {
    const a = await fetchOnce(az.port, sharedKey('GET', `/${ACCOUNT}`, { comp: 'list' }, {}));
    if (a.status !== 200) throw new Error(`Azurite List Containers answered ${a.status}`);
    return performance.now() - t0;
  } finally {
    await az.stop();
  }
}

const peers: Scenario = {
  id: `Azurite peers c=${C}`,
  async run(o): Promise<Result> {
    const lv = await localVpcSide(o);
    const az = await azuriteSide(o);
    const row = (kind: Kind, what: string, theirs: string): Row => ({
      scenario: `Peer ${kind}: LocalVPC ${what} vs Azurite ${theirs}`,
      concurrency: C,
      subject: lv[kind],
      reference: az[kind],
      referenceName: `Azurite ${AZURITE_VERSION}`,
      notes: [
        ...(kind === 'read'
          ? ['LocalVPC: file store, durability full, log level info (the defaults); Azurite: --inMemoryPersistence --silent']
          : []),
        ...(kind === 'create' ? ['LocalVPC durable (file, synchronous=FULL); Azurite in memory'] : []),
        ...lv.notes[kind],
        ...az.notes[kind],
      ],
    });
    const azStarts: number[] = [];
    for (let i = 0; i < TRIALS; i++) azStarts.push(await azuriteColdStart());
    const lvStarts: number[] = [];
    for (let i = 0; i < TRIALS; i++) lvStarts.push((await coldStart(tempDir('localvpc-bench-cold-'))).firstMs);
    const facts: Fact[] = [
      {
        name: 'Peer cold start, spawn to the first successful signed request (empty, median of 5)',
        value: `LocalVPC ${ms(median(lvStarts))} (file store) vs Azurite ${ms(median(azStarts))} (in memory): ${(median(lvStarts) / median(azStarts)).toFixed(2)}x`,
        notes: `LocalVPC ${lvStarts.map((x) => x.toFixed(0)).join(', ')} ms; Azurite ${azStarts.map((x) => x.toFixed(0)).join(', ')} ms`,
      },
      {
        name: 'Peer RSS idle (1 s after start) and after the three load phases',
        value: `LocalVPC ${lv.idleMb.toFixed(0)} / ${lv.afterMb.toFixed(0)} MiB vs Azurite ${az.idleMb.toFixed(0)} / ${az.afterMb.toFixed(0)} MiB`,
      },
    ];
    return {
      rows: [
        row('read', 'DescribeVpcs (one VPC)', 'Get Blob Properties'),
        row('write', 'ModifyVpcAttribute', 'Set Blob Metadata'),
        row('create', 'CreateVpc', 'Put Blob (64 B, new name)'),
      ],
      facts,
    };
  },
};

export function azuriteScenarios(): Scenario[] {
  return [peers];
}
