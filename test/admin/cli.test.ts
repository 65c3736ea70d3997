// The CLI as a user runs it: a child process per command against a running server, --json output
// that parses, exit codes, and a whole scenario scripted from the CLI alone.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ACCOUNTS, World, openWorld, startWorld } from '../helpers/world.js';
import { Vpc } from '../helpers/clients.js';
import type { TestServer } from '../helpers/server.js';

const CLI = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'localvpc.mjs');

let srv: TestServer;
let w: World;
before(async () => ({ srv, w } = await openWorld()));
after(async () => srv.close());

function cli(args: string[], env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [CLI, ...args],
      { env: { ...process.env, LOCALVPC_URL: srv.url, LOCALVPC_ADMIN_TOKEN: srv.app.adminToken, ...env } },
      (err, stdout, stderr) => {
        resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr });
      },
    );
  });
}

async function json(args: string[]): Promise<any> {
  const r = await cli([...args, '--json']);
  assert.equal(r.code, 0, r.stderr);
  return JSON.parse(r.stdout);
}

describe('CLI', () => {
  test('--help everywhere, exit codes', async () => {
    const top = await cli(['--help']);
    assert.equal(top.code, 0);
    for (const noun of ['account', 'clock', 'transition', 'fault', 'snapshot', 'reset', 'journal', 'serve', 'status'])
      assert.match(top.stdout, new RegExp(`\\b${noun}\\b`));
    assert.equal((await cli(['fault', 'add', '--help'])).code, 0);
    assert.equal((await cli(['serve', '--help'])).code, 0);
    assert.equal((await cli(['account', 'frobnicate'])).code, 2, 'unknown command: usage error');
    assert.equal((await cli(['clock', 'advance'])).code, 2, 'missing argument: usage error');
    const refused = await cli(['account', 'show', '1999999999999999']);
    assert.equal(refused.code, 1);
    assert.match(refused.stderr, /AccountNotFound/);
    assert.equal((await cli(['status'], { LOCALVPC_ADMIN_TOKEN: 'wrong' })).code, 1);
    assert.equal((await cli(['status'], { LOCALVPC_URL: 'http://127.0.0.1:9' })).code, 3, 'unreachable');
  });

  test('--json output parses, for every noun', async () => {
    assert.equal(typeof (await json(['status'])).schema['router-interface'], 'number');
    assert.ok((await json(['account', 'list'])).accounts.length >= 5);
    assert.equal(typeof (await json(['clock', 'show'])).now, 'number');
    assert.equal((await json(['transition', 'show'])).profile, 'fast');
    assert.ok(Array.isArray((await json(['fault', 'list'])).faults));
    assert.ok(Array.isArray((await json(['snapshot', 'list'])).snapshots));
    assert.equal(typeof (await json(['journal', '--limit', '5'])).total, 'number');
  });

  test('a whole scenario from the CLI alone: account, billing, timing, faults, snapshots', async () => {
    const created = await json(['account', 'create', '--aliuid', '1000000000000077', '--site', 'china']);
    const key = { id: created.accessKey.accessKeyId, secret: created.accessKey.accessKeySecret };
    const who = { uid: '1000000000000077', key };
    const { ini, acc } = await w.pair({ iniWho: who, accWho: who, iniRegion: 'cn-beijing', accRegion: 'cn-hongkong' });

    assert.equal((await json(['snapshot', 'save', 'before-connect'])).name, 'before-connect');
    await json(['account', 'billing', '1000000000000077', '--bills-outstanding', 'true']);
    await assert.rejects(w.connect(ini), (e: { code: string }) => e.code === 'Forbidden.BillsOutstanding');
    await json(['account', 'billing', '1000000000000077', '--bills-outstanding', 'false']);

    const fault = await json([
      'fault',
      'add',
      '--action',
      'ConnectRouterInterface',
      '--account',
      '1000000000000077',
      '--error',
      'ErrCode.Invalid',
      '--count',
      '1',
    ]);
    assert.match(fault.id, /^fault-/);
    await assert.rejects(
      w.connect(ini),
      (e: { code: string; message: string }) => e.code === 'ErrCode.Invalid' && /got error/.test(e.message),
    );

    await json(['transition', 'profile', 'manual']);
    await w.connect(ini);
    await json(['clock', 'advance', '1h']);
    assert.equal(await w.status(ini), 'Connecting');
    const shown = await json(['transition', 'show']);
    assert.ok(shown.pending.some((p: { id: string }) => p.id === ini.id));
    await json(['transition', 'step', ini.id]);
    assert.equal(await w.status(acc), 'Active');
    await json(['transition', 'profile', 'fast', '--fast-delay', '0']);

    const dir = mkdtempSync(join(tmpdir(), 'localvpc-cli-'));
    const file = join(dir, 'state.json');
    assert.equal((await cli(['snapshot', 'export', file])).code, 0);
    assert.equal(JSON.parse(readFileSync(file, 'utf8')).format, 'localvpc-snapshot');
    await json(['snapshot', 'restore', 'before-connect']);
    assert.equal(await w.status(ini), 'Idle');
    await json(['snapshot', 'import', file]);
    assert.equal(await w.status(ini), 'Active');
    await json(['reset']);
    assert.equal(await w.status(ini), undefined);
    assert.equal((await json(['account', 'show', '1000000000000077'])).aliUid, '1000000000000077', 'reset keeps accounts by default');
    const events = await json(['journal', '--type', 'Fault']);
    assert.equal(events.total, 0, 'reset clears the journal');
  });
});

describe('seed file', () => {
  test('a YAML seed creates accounts, VPCs, a VBR and a connected pair at start, once', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'localvpc-seed-'));
    const file = join(dir, 'seed.yaml');
    writeFileSync(
      file,
      [
        'accounts:',
        '  - aliUid: "1000000000000321"',
        '    site: china',
        '    accessKeys: [{ accessKeyId: LTAI5tSeedAccountKey0001, accessKeySecret: SeedAccountSecret000000000000 }]',
        'vpcs:',
        '  - { ref: hz, RegionId: cn-hangzhou, CidrBlock: 10.0.0.0/16, VpcName: hangzhou }',
        '  - { ref: sh, account: "1000000000000321", RegionId: cn-shanghai, CidrBlock: 10.1.0.0/16 }',
        'physicalConnections:',
        '  - { ref: pc, RegionId: cn-hangzhou, AccessPointId: ap-cn-hangzhou-xa-A, LineOperator: CT }',
        'vbrs:',
        '  - { ref: vbr, RegionId: cn-hangzhou, PhysicalConnectionId: "@pc", VlanId: 42 }',
        'routerInterfaces:',
        '  - { ref: a, RegionId: cn-hangzhou, Role: InitiatingSide, RouterType: VRouter, RouterId: "@hz", Spec: Large.1, OppositeRegionId: cn-shanghai }',
        '  - { ref: b, account: "1000000000000321", RegionId: cn-shanghai, Role: AcceptingSide, RouterType: VRouter, RouterId: "@sh", Spec: Negative, OppositeRegionId: cn-hangzhou }',
        'connections:',
        '  - { initiator: "@a", acceptor: "@b" }',
      ].join('\n'),
    );
    const seeded = await startWorld({ seedFile: file });
    try {
      const sw = new World(seeded);
      const list = await sw.client().describeRouterInterfaces(new Vpc.DescribeRouterInterfacesRequest({ regionId: 'cn-hangzhou' }));
      const ri = list.body?.routerInterfaceSet?.routerInterfaceType?.[0];
      assert.equal(ri?.status, 'Active');
      assert.equal(ri?.oppositeInterfaceOwnerId, '1000000000000321');
      const vbrs = await sw.client().describeVirtualBorderRouters(new Vpc.DescribeVirtualBorderRoutersRequest({ regionId: 'cn-hangzhou' }));
      assert.equal(vbrs.body?.virtualBorderRouterSet?.virtualBorderRouterType?.[0]?.vlanId, 42);
      await seeded.app.close();
      const again = await startWorld({ seedFile: file }, seeded.dataDir);
      try {
        const count = await new World(again).client().describeVpcs(new Vpc.DescribeVpcsRequest({ regionId: 'cn-hangzhou' }));
        assert.equal(count.body?.totalCount, 1, 'a restart does not apply the seed twice');
      } finally {
        await again.close();
      }
    } finally {
      await seeded.close();
    }
    assert.ok(ACCOUNTS.a.uid);
  });
});
