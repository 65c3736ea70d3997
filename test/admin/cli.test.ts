// The CLI as a user runs it: a child process per command against a running server, --json output
// that parses, exit codes, and a whole scenario scripted from the CLI alone.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ACCOUNTS, World, openWorld, startWorld } from '../helpers/world.js';
import { Vpc } from '../helpers/clients.js';
import { admin } from '../helpers/admin.js';
import { CLI, runCli, runCliJson } from '../helpers/cli.js';
import type { TestServer } from '../helpers/server.js';

let srv: TestServer;
let w: World;
before(async () => ({ srv, w } = await openWorld()));
after(async () => srv.close());

const cli = (args: string[], env: Record<string, string> = {}) => runCli(srv, args, env);
const json = (args: string[]) => runCliJson(srv, args);

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
    const file = join(dir, 'state.ndjson');
    const exported = await cli(['snapshot', 'export', file]);
    assert.equal(exported.code, 0);
    assert.match(exported.stdout, /exported \d+ bytes to /);
    const header = JSON.parse(readFileSync(file, 'utf8').split('\n')[0] ?? '{}');
    assert.deepEqual([header.format, header.version], ['localvpc-snapshot', 3]);
    await json(['snapshot', 'restore', 'before-connect']);
    assert.equal(await w.status(ini), 'Idle');
    await json(['snapshot', 'import', file]);
    assert.equal(await w.status(ini), 'Active');
    // to standard output, and a version-2 document imports too
    const out = await cli(['snapshot', 'export']);
    assert.equal(JSON.parse(out.stdout.split('\n')[0] ?? '{}').version, 3);
    assert.match(out.stdout.trimEnd().split('\n').at(-1) ?? '', /^\{"end":true,"tables":\d+,"rows":\d+\}$/);
    const v2 = join(dir, 'state.json');
    writeFileSync(v2, JSON.stringify((await admin(srv, 'GET', '/_localvpc/snapshots/export?version=2')).body));
    await json(['snapshot', 'restore', 'before-connect']);
    await json(['snapshot', 'import', v2]);
    assert.equal(await w.status(ini), 'Active');
    await json(['reset']);
    assert.equal(await w.status(ini), undefined);
    assert.equal((await json(['account', 'show', '1000000000000077'])).aliUid, '1000000000000077', 'reset keeps accounts by default');
    const events = await json(['journal', '--type', 'Fault']);
    assert.equal(events.total, 0, 'reset clears the journal');
  });
});

describe('strict parsing: a mistyped command, flag or value is a usage error, never dropped', () => {
  /** Exit 2, the message on stderr, nothing on stdout. */
  async function usageError(args: string[], message: RegExp): Promise<string> {
    const r = await cli(args);
    assert.equal(r.code, 2, `${args.join(' ')}: ${r.stdout}${r.stderr}`);
    assert.match(r.stderr, message);
    return r.stderr;
  }

  test('fault add --acton is refused, and adds no fault', async () => {
    const before = (await json(['fault', 'list'])).faults.length;
    const err = await usageError(
      ['fault', 'add', '--acton', 'DescribeVpcs', '--error', 'Throttling.User'],
      /unknown option --acton \(did you mean --action\?\)/,
    );
    assert.match(err, /Usage: localvpc fault add \[--action A\]/, 'with the usage line');
    assert.equal((await json(['fault', 'list'])).faults.length, before);
  });

  test('journal --limt and status --jsn are refused with a did-you-mean', async () => {
    await usageError(['journal', '--limt', '5'], /unknown option --limt \(did you mean --limit\?\)\nUsage: localvpc journal /);
    await usageError(['status', '--jsn'], /unknown option --jsn \(did you mean --json\?\)\nUsage: localvpc status\n/);
    await usageError(['fault', 'list', '-json'], /unknown option -json \(did you mean --json\?\)/);
  });

  test('an unknown command gets a did-you-mean', async () => {
    await usageError(['fualt', 'list'], /unknown command "fualt" \(did you mean "fault"\?\)/);
    await usageError(['snapshots', 'list'], /unknown command "snapshots" \(did you mean "snapshot"\?\)/);
    await usageError(['fault', 'ad', '--error', 'Throttling.User'], /unknown command "fault ad" \(did you mean "fault add"\?\)/);
    await usageError(['frobnicate'], /unknown command "frobnicate"\n/);
    await usageError(['--verison'], /unknown option --verison \(did you mean --version\?\)/);
    await usageError(['help', 'fualt'], /unknown command "fualt" \(did you mean "fault"\?\)/);
    const help = await cli(['help', 'fault']);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /fault add/);
  });

  test('fault add checks the action and the region against the known ones', async () => {
    await usageError(
      ['fault', 'add', '--action', 'DescribeVpcz', '--error', 'Throttling.User'],
      /--action: unknown action "DescribeVpcz" \(did you mean DescribeVpcs\?\)/,
    );
    await usageError(
      ['fault', 'add', '--region', 'cn-shangai', '--error', 'Throttling.User'],
      /--region: unknown region "cn-shangai" \(did you mean cn-shanghai\?\)/,
    );
    await usageError(
      ['fault', 'add', '--transition', 'stuk'],
      /--transition must be one of stuck, fail-self, fail-peer, got "stuk" \(did you mean stuck\?\)/,
    );
    await usageError(['fault', 'add', '--action', 'DescribeVpcs'], /a fault needs an effect/);
    await usageError(['fault', 'add', '--latency', '5', '--message', 'm'], /--message goes with --error/);
    await usageError(['fault', 'add', '--error', 'Throttling.User', '--seed', '3'], /--seed goes with --probability/);
    // an action of the Sts product is known too
    const sts = await json(['fault', 'add', '--action', 'AssumeRole', '--error', 'Throttling.User', '--count', '1']);
    assert.equal((await cli(['fault', 'remove', sts.id])).code, 0);
  });

  test('closed sets elsewhere: profiles, sites, journal event types and actions', async () => {
    await usageError(
      ['transition', 'profile', 'fsat'],
      /profile must be one of instant, fast, realistic, manual, got "fsat" \(did you mean fast\?\)/,
    );
    await usageError(
      ['account', 'create', '--site', 'chna'],
      /--site must be one of china, international, got "chna" \(did you mean china\?\)/,
    );
    await usageError(
      ['account', 'site', '1000000000000001', 'internatonal'],
      /site must be one of china, international, got "internatonal"/,
    );
    await usageError(
      ['account', 'key', 'disabel', '1000000000000001', 'LTAI5t'],
      /operation must be one of create, enable, disable, delete, got "disabel" \(did you mean disable\?\)/,
    );
    await usageError(
      ['journal', '--type', 'Apicall'],
      /--type must be one of ApiCall, Transition, Fault, Admin, got "Apicall" \(did you mean ApiCall\?\)/,
    );
    await usageError(['journal', '--action', 'ConnectRouterInterfac'], /did you mean ConnectRouterInterface\?/);
    await usageError(['journal', '--region', 'cn-hangzou'], /did you mean cn-hangzhou\?/);
    assert.equal(
      typeof (await json(['journal', '--type', 'Transition', '--action', 'router-interface:Connecting->Active'])).total,
      'number',
    );
  });

  test('missing values, non-numbers and extra arguments are usage errors with the usage line', async () => {
    await usageError(['journal', '--limit'], /--limit needs a value\nUsage: localvpc journal /);
    await usageError(['journal', '--limit', '--json'], /--limit needs a value/);
    await usageError(['journal', '--limit', 'five'], /--limit must be a whole number, got "five"/);
    await usageError(['fault', 'add', '--error', 'Throttling.User', '--probability', 'half'], /--probability must be a number, got "half"/);
    await usageError(['clock', 'speed', 'fast'], /FACTOR must be a number, got "fast"\nUsage: localvpc clock speed FACTOR/);
    await usageError(['status', 'extra'], /unexpected argument "extra"\nUsage: localvpc status\n/);
    await usageError(['fault', 'remove', 'fault-1', 'fault-2'], /unexpected argument "fault-2"/);
    await usageError(['account', 'key', 'create', '1000000000000001', 'LTAI5tExtra'], /unexpected argument "LTAI5tExtra"/);
    await usageError(['account', 'show'], /missing UID\nUsage: localvpc account show UID/);
    await usageError(['journal', '--limit', '5', '--limit', '6'], /--limit is given twice/);
    await usageError(['status', '--url'], /--url needs a value/);
    // what stays valid: --flag=value, globals anywhere, switches with true|false, `--` before positionals
    assert.equal((await json(['journal', '--limit=2'])).events.length <= 2, true);
    assert.equal((await cli(['--json', 'status'])).code, 0);
    assert.equal((await cli(['fault', '--json', 'list'])).code, 0);
  });

  test('fault list shows every match field, and plain output works', async () => {
    const added = await json([
      'fault',
      'add',
      '--action',
      'DescribeVpcs',
      '--account',
      '1000000000000001',
      '--region',
      'cn-hangzhou',
      '--resource',
      'vpc-nowhere',
      '--nth',
      '2',
      '--probability',
      '0.5',
      '--seed',
      '7',
      '--count',
      '3',
      '--error',
      'Throttling.User',
    ]);
    try {
      const r = await cli(['fault', 'list']);
      assert.equal(r.code, 0, r.stderr);
      const [header, ...rows] = r.stdout.trim().split('\n');
      assert.deepEqual(header?.split(/\s+/), [
        'ID',
        'ACTION',
        'ACCOUNT',
        'REGION',
        'RESOURCE',
        'NTH',
        'PROBABILITY',
        'SEED',
        'COUNT',
        'EFFECT',
        'MATCHED',
        'FIRED',
      ]);
      const row = rows.find((l) => l.startsWith(`${added.id} `));
      assert.ok(row, r.stdout);
      assert.deepEqual(row.split(/\s+/), [
        added.id,
        'DescribeVpcs',
        '1000000000000001',
        'cn-hangzhou',
        'vpc-nowhere',
        '2',
        '0.5',
        '7',
        '3',
        'error',
        'Throttling.User',
        '0',
        '0',
      ]);
    } finally {
      assert.equal((await cli(['fault', 'remove', added.id])).code, 0);
    }
    const status = await cli(['status']);
    assert.equal(status.code, 0, status.stderr);
    assert.match(status.stdout, /^uptime/m);
  });

  test('an unknown LOCALVPC_* variable is a warning, with a did-you-mean', async () => {
    const r = await cli(['status', '--json'], { LOCALVPC_ULR: 'http://127.0.0.1:1' });
    assert.equal(r.code, 0);
    assert.match(r.stderr, /warning: unknown environment variable LOCALVPC_ULR, ignored \(did you mean LOCALVPC_URL\?\)/);
  });
});

describe('serve: options and config files', () => {
  const dir = mkdtempSync(join(tmpdir(), 'localvpc-serve-config-'));
  const file = (name: string, text: string): string => {
    writeFileSync(join(dir, name), text);
    return join(dir, name);
  };

  test('an unknown or valueless option is a usage error', async () => {
    const prot = await cli(['serve', '--prot', '8094']);
    assert.equal(prot.code, 2);
    assert.match(prot.stderr, /unknown option --prot \(did you mean --port\?\)\nUsage: localvpc serve/);
    const missing = await cli(['serve', '--in-memory', '--port']);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /--port: a value is required/);
  });

  test('config files: an unknown key, a syntax error, a wrong type', async () => {
    const prot = await cli(['serve', '--config', file('prot.json', '{"prot": 8094}')]);
    assert.equal(prot.code, 2);
    assert.match(prot.stderr, /config file .*prot\.json: unknown key "prot" \(did you mean "port"\?\)/);
    const syntax = await cli(['serve', '--config', file('syntax.json', '{\n  "port": 8094,\n  "host": }\n')]);
    assert.equal(syntax.code, 2);
    assert.match(syntax.stderr, /syntax\.json: line 3, column 11: Unexpected token '}'/);
    const yaml = await cli(['serve', '--config', file('syntax.yaml', 'port: 1\nport: 2\n')]);
    assert.equal(yaml.code, 2);
    assert.match(yaml.stderr, /syntax\.yaml: line 2, column 1: Map keys must be unique/);
    const typed = await cli(['serve', '--config', file('typed.json', '{"port": "8094"}')]);
    assert.equal(typed.code, 2);
    assert.match(typed.stderr, /typed\.json: port: expected a whole number, got the string "8094"/);
  });

  test('a YAML config file is applied', async () => {
    const yaml = file(
      'team.yaml',
      [
        'port: 0',
        'inMemory: true',
        'transitionProfile: manual',
        'logLevel: warn',
        'defaultAccount:',
        '  aliUid: "1000000000000042"',
        '',
      ].join('\n'),
    );
    const proc = spawn(process.execPath, [CLI, 'serve', '--config', yaml], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
    const exited = new Promise<number | null>((resolve) => proc.once('exit', resolve));
    try {
      const banner = await new Promise<string>((resolve, reject) => {
        let out = '';
        const timer = setTimeout(() => reject(new Error(`no banner: ${out}`)), 15_000);
        proc.stdout.on('data', (c: Buffer) => {
          out += c.toString();
          if (/transitions:.*\n/.test(out)) {
            clearTimeout(timer);
            resolve(out);
          }
        });
        void exited.then((code) => reject(new Error(`exited ${code}: ${out}`)));
      });
      assert.match(banner, /storage: +in memory/);
      assert.match(banner, /AliUid: +1000000000000042/);
      assert.match(banner, /transitions: +manual/);
    } finally {
      proc.kill('SIGTERM');
      await exited;
    }
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
