// The seed file: applied whole or not at all, through the same validation as API calls (region
// included), its keys checked with a did-you-mean, its hash recorded so a later start says what it
// did, and what it created printed at start.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../helpers/server.js';
import { popJson } from '../helpers/clients.js';
import { CLI } from '../helpers/cli.js';
import { SeedError } from '../../src/app/seed.js';

function seedFile(dir: string, name: string, lines: string[]): string {
  const file = join(dir, name);
  writeFileSync(file, lines.join('\n') + '\n');
  return file;
}

const GOOD = [
  'vpcs:',
  '  - { ref: hz, RegionId: cn-hangzhou, CidrBlock: 10.0.0.0/16, VpcName: hangzhou }',
  '  - { ref: sh, RegionId: cn-shanghai, CidrBlock: 10.1.0.0/16 }',
  'routerInterfaces:',
  '  - { ref: a, RegionId: cn-hangzhou, Role: InitiatingSide, RouterType: VRouter, RouterId: "@hz", Spec: Large.1, OppositeRegionId: cn-shanghai }',
];

async function vpcCount(port: number): Promise<number> {
  const pop = popJson(port);
  let n = 0;
  for (const RegionId of ['cn-hangzhou', 'cn-shanghai'])
    n += (await pop.request<{ TotalCount: number }>('DescribeVpcs', { RegionId })).TotalCount;
  return n;
}

async function seedFailure(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    assert.ok(e instanceof SeedError, String(e));
    return e.message;
  }
  assert.fail('the seed was applied');
}

test('a seed that fails halfway applies nothing; the corrected one then applies', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'localvpc-seed-'));
  try {
    const bad = seedFile(dir, 'bad.yaml', [
      ...GOOD,
      '  - { ref: b, RegionId: cn-shanghai, Role: AcceptingSide, RouterType: VRouter, RouterId: "@sh", Spec: Huge.9, OppositeRegionId: cn-hangzhou }',
    ]);
    const data = join(dir, 'data');
    const message = await seedFailure(startServer({ seedFile: bad }, data));
    assert.match(message, /routerInterfaces\[1\]: CreateRouterInterface failed: /);
    assert.match(message, /nothing of the seed was applied/);
    let srv = await startServer({}, data);
    assert.equal(await vpcCount(srv.port), 0, 'the two VPCs before the failing entry were not kept');
    await srv.close();
    srv = await startServer({ seedFile: seedFile(dir, 'good.yaml', GOOD) }, data);
    try {
      assert.equal(await vpcCount(srv.port), 2);
      assert.equal(srv.app.seed?.applied, true);
      assert.deepEqual(srv.app.seed?.created, {
        accounts: 0,
        vpcs: 2,
        physicalConnections: 0,
        vbrs: 0,
        routerInterfaces: 1,
        connections: 0,
      });
      assert.match(srv.app.seed?.refs.hz ?? '', /^vpc-/);
      assert.match(srv.app.seed?.refs.a ?? '', /^ri-/);
    } finally {
      await srv.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a later start says whether its seed was applied already, or why another was not', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'localvpc-seed-'));
  try {
    const data = join(dir, 'data');
    const good = seedFile(dir, 'good.yaml', GOOD);
    await (await startServer({ seedFile: good }, data)).close();
    let srv = await startServer({ seedFile: good }, data);
    assert.equal(srv.app.seed?.applied, false);
    assert.equal(srv.app.seed?.reason, 'already applied to this store');
    assert.equal(await vpcCount(srv.port), 2);
    await srv.close();
    const other = seedFile(dir, 'other.yaml', [
      ...GOOD,
      '  - { RegionId: cn-shanghai, Role: AcceptingSide, RouterType: VRouter, RouterId: "@sh", Spec: Negative, OppositeRegionId: cn-hangzhou }',
    ]);
    srv = await startServer({ seedFile: other }, data);
    try {
      assert.equal(srv.app.seed?.applied, false);
      assert.match(
        srv.app.seed?.reason ?? '',
        /store already holds \d+ resources \(from another seed file\); use `localvpc reset` or a fresh --data/,
      );
      assert.ok(srv.app.warnings.some((w) => w.includes('not applied')));
    } finally {
      await srv.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('seeded calls are validated like API calls, and every key is checked with a did-you-mean', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'localvpc-seed-'));
  try {
    const cases: [string[], RegExp][] = [
      [['vpcs:', '  - { RegionId: cn-shangai, CidrBlock: 10.0.0.0/16 }'], /vpcs\[0\]: CreateVpc failed: InvalidRegionId.NotFound/],
      [['vpc:', '  - { RegionId: cn-hangzhou }'], /unknown key "vpc" \(did you mean "vpcs"\?\)/],
      [
        ['vpcs:', '  - { RegionId: cn-hangzhou, CidrBlok: 10.0.0.0/16 }'],
        /vpcs\[0\]: unknown key "CidrBlok" \(did you mean "CidrBlock"\?\)/,
      ],
      [['accounts:', '  - { aliUid: "1000000000000777", sitee: china }'], /accounts\[0\]: unknown key "sitee" \(did you mean "site"\?\)/],
      [['accounts:', '  - { aliUid: 1000000000000777 }'], /accounts\[0\].aliUid: expected a string, got the number .* \(quote it\)/],
      [
        [
          'vpcs:',
          '  - { ref: x, RegionId: cn-hangzhou }',
          'routerInterfaces:',
          '  - { RegionId: cn-hangzhou, Role: InitiatingSide, RouterType: VRouter, RouterId: "@y", Spec: Large.1, OppositeRegionId: cn-shanghai }',
        ],
        /unknown reference @y/,
      ],
      [['connections:', '  - { initiator: "@a", acceptr: "@b" }'], /connections\[0\]: unknown key "acceptr" \(did you mean "acceptor"\?\)/],
    ];
    for (const [i, [lines, message]] of cases.entries()) {
      const data = join(dir, `data-${i}`);
      assert.match(await seedFailure(startServer({ seedFile: seedFile(dir, `case-${i}.yaml`, lines) }, data)), message);
      const srv = await startServer({}, data);
      try {
        assert.equal(await vpcCount(srv.port), 0, `case ${i} left nothing`);
      } finally {
        await srv.close();
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('serve prints what the seed created: counts, and each ref with its id', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'localvpc-seed-'));
  const proc = spawn(
    process.execPath,
    [CLI, 'serve', '--port', '0', '--in-memory', '--log-level', 'warn', '--seed-file', seedFile(dir, 'good.yaml', GOOD)],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  try {
    const out = await new Promise<string>((resolve, reject) => {
      let text = '';
      proc.stdout.on('data', (c: Buffer) => {
        text += c.toString();
        if (/@a +ri-/.test(text)) resolve(text);
      });
      proc.once('exit', (code) => reject(new Error(`exited ${code}: ${text}`)));
    });
    assert.match(out, /seed file: +.*good\.yaml: applied \(2 vpcs, 1 routerInterfaces\)/);
    assert.match(out, /@hz +vpc-/);
    assert.match(out, /@sh +vpc-/);
  } finally {
    proc.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  }
});
