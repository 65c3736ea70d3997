// `localvpc exec` and `localvpc env` through the real binary: exec starts a server, gives the
// command the settings clients read, passes its exit code through (0, non-zero, a signal, a
// command that does not exist) and stops the server; env prints the settings of a running server
// in each format. `localvpc version` too.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startLocalVpc, type LocalVpc } from '../../src/lib/index.js';

const HERE = dirname(fileURLToPath(import.meta.url));
const CLI = join(HERE, '..', '..', 'localvpc.mjs');
const REPO = join(HERE, '..', '..', '..');

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function cli(args: string[], env: Record<string, string> = {}, cwd = REPO): Promise<Run> {
  return new Promise((resolve) => {
    const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('LOCALVPC_')));
    execFile(process.execPath, [CLI, ...args], { env: { ...clean, ...env }, cwd, timeout: 60_000 }, (err, stdout, stderr) =>
      resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

/** A script that calls the SDK with what exec put in its environment, then exits with the code it is given. */
const CHECK = `
import { createRequire } from 'node:module';
const require = createRequire(${JSON.stringify(join(REPO, 'package.json'))});
const Vpc = require('@alicloud/vpc20160428');
const OpenApi = require('@alicloud/openapi-core');
const e = process.env;
const client = new Vpc.default(new OpenApi.$OpenApiUtil.Config({
  accessKeyId: e.ALIBABA_CLOUD_ACCESS_KEY_ID, accessKeySecret: e.ALIBABA_CLOUD_ACCESS_KEY_SECRET,
  endpoint: e.LOCALVPC_ENDPOINT.replace('http://', ''), protocol: 'http',
}));
const vpc = await client.createVpc(new Vpc.CreateVpcRequest({ regionId: e.LOCALVPC_REGION, cidrBlock: '10.0.0.0/16' }));
const admin = await fetch(e.LOCALVPC_URL + '/_localvpc/resources?type=vpc', { headers: { authorization: 'Bearer ' + e.LOCALVPC_ADMIN_TOKEN } });
const listed = await admin.json();
console.log('created', vpc.body.vpcId, 'listed', listed.total, 'as', e.LOCALVPC_ACCOUNT_ID, 'terraform key', e.ALICLOUD_ACCESS_KEY);
process.exit(Number(process.argv[2] ?? 0));
`;

let dir: string;
before(() => {
  dir = mkdtempSync(join(tmpdir(), 'localvpc-exec-'));
  writeFileSync(join(dir, 'check.mjs'), CHECK);
});

describe('localvpc exec', () => {
  test('runs the command with the settings in its environment; exit code 0 passes through', async () => {
    const r = await cli(['exec', '--', process.execPath, 'check.mjs', '0'], {}, dir);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^created vpc-\w+ listed 1 as 1000000000000001 terraform key LTAI5tLocalVpcDevAccess1$/m);
    assert.match(r.stderr, /LocalVPC at http:\/\/127\.0\.0\.1:\d+ \(in memory\); running /);
  });

  test('a non-zero exit code passes through, and each run starts from an empty state', async () => {
    const r = await cli(['exec', '--profile', 'instant', '--', process.execPath, 'check.mjs', '7'], {}, dir);
    assert.equal(r.code, 7, r.stderr);
    assert.match(r.stdout, /listed 1 as/, 'in memory: the VPC of the run before is gone');
  });

  test('one argument runs through the shell; a signal and a missing command give 128+n and 127', async () => {
    const shell = await cli(['exec', '--', 'test -n "$LOCALVPC_ENDPOINT" && exit 4'], {}, dir);
    assert.equal(shell.code, 4, shell.stderr);
    const killed = await cli(['exec', '--', process.execPath, '-e', 'process.kill(process.pid, "SIGTERM")'], {}, dir);
    assert.equal(killed.code, 128 + 15);
    const missing = await cli(['exec', '--', 'localvpc-no-such-command-xyz', '--version'], {}, dir);
    assert.equal(missing.code, 127);
    assert.match(missing.stderr, /cannot run localvpc-no-such-command-xyz: no such command/);
  });

  test('usage errors: no command, a mistyped serve option', async () => {
    const none = await cli(['exec'], {}, dir);
    assert.equal(none.code, 2);
    assert.match(none.stderr, /exec needs a command after --/);
    const typo = await cli(['exec', '--profle', 'instant', '--', 'true'], {}, dir);
    assert.equal(typo.code, 2);
    assert.match(typo.stderr, /unknown option --profle \(did you mean --profile\?\)/);
    const help = await cli(['exec', '--help']);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /ALIBABA_CLOUD_ACCESS_KEY_ID/);
  });
});

describe('localvpc env and version', () => {
  let lv: LocalVpc;
  let env: Record<string, string>;
  before(async () => {
    lv = await startLocalVpc();
    env = { LOCALVPC_URL: lv.endpoint, LOCALVPC_ADMIN_TOKEN: lv.adminToken };
  });
  after(() => lv.stop());

  test('sh (default): exports a shell can eval', async () => {
    const r = await cli(['env'], env);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, new RegExp(`^export LOCALVPC_ENDPOINT=${lv.endpoint}$`, 'm'));
    assert.match(r.stdout, /^export ALIBABA_CLOUD_ACCESS_KEY_ID=LTAI5tLocalVpcDevAccess1$/m);
    assert.match(r.stdout, /^export ALIBABA_CLOUD_ACCESS_KEY_SECRET=LocalVpcDevSecretNotForProd001$/m);
    assert.match(r.stdout, /^export ALICLOUD_SECRET_KEY=LocalVpcDevSecretNotForProd001$/m);
  });

  test('json, terraform (one provider per region), aliyun-cli', async () => {
    const json = await cli(['env', '--format', 'json'], env);
    assert.equal(JSON.parse(json.stdout).LOCALVPC_ADMIN_TOKEN, lv.adminToken);
    assert.deepEqual(JSON.parse((await cli(['env', '--json'], env)).stdout), JSON.parse(json.stdout));
    const tf = await cli(['env', '--format', 'terraform', '--region', 'cn-hangzhou,cn-shanghai'], env);
    assert.equal(tf.code, 0, tf.stderr);
    assert.equal([...tf.stdout.matchAll(/^provider "alicloud" \{$/gm)].length, 2);
    assert.match(tf.stdout, /^ {2}alias {18}= "cn-shanghai"$/m);
    assert.match(tf.stdout, new RegExp(`^ {4}vpc {6}= "127\\.0\\.0\\.1:${lv.port}"$`, 'm'));
    const cliProfile = await cli(['env', '--format', 'aliyun-cli'], env);
    assert.match(cliProfile.stdout, /"mode": "AK"/);
    assert.match(cliProfile.stdout, new RegExp(`--endpoint 127\\.0\\.0\\.1:${lv.port}`));
  });

  test('a wrong format or region is a usage error; an unreachable server exit 3', async () => {
    const bad = await cli(['env', '--format', 'terrafrom'], env);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /did you mean terraform\?/);
    assert.equal((await cli(['env', '--region', 'cn-hangzou'], env)).code, 2);
    assert.equal((await cli(['env'], { LOCALVPC_URL: 'http://127.0.0.1:9' })).code, 3);
  });

  test('version', async () => {
    const r = await cli(['version']);
    assert.equal(r.code, 0);
    assert.match(r.stdout, /^localvpc \d+\.\d+\.\d+ \(Node\.js \d+\.\d+\.\d+\)\n$/);
    assert.equal(JSON.parse((await cli(['version', '--json'])).stdout).node, process.versions.node);
  });
});
