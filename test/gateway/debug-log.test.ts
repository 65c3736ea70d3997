// Debug logs a user can act on, from a real `localvpc serve --log-level debug`: each call's
// parameters (secrets redacted), and on SignatureDoesNotMatch the canonical request and string to
// sign the server computed, in full, while the client still gets Alibaba's error as Alibaba shapes
// it. `--log-format pretty` writes lines for a person. Admin actions are logged.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { Vpc, popClient, sdkError, vpcClient } from '../helpers/clients.js';
import { spawnCli } from '../helpers/cli.js';
import { redactedParams } from '../../src/app/log.js';

const TOKEN = 'debug-log-test-token';

/** Runs a server with `args`, lets `fn` use its port, stops it (SIGTERM flushes the log) and answers its standard output. */
async function withServer(args: string[], fn: (port: number) => Promise<void>): Promise<string> {
  const { proc, out, err, exited } = spawnCli(['serve', '--port', '0', '--in-memory', '--token', TOKEN, ...args]);
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setInterval(() => {
      const m = /listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(out());
      if (m) {
        clearInterval(timer);
        resolve(Number(m[1]));
      }
    }, 20);
    void exited.then(() => {
      clearInterval(timer);
      reject(new Error(`the server exited: ${out()} ${err()}`));
    });
  });
  try {
    await fn(port);
  } finally {
    proc.kill('SIGTERM');
    await exited;
  }
  return out();
}

const jsonLines = (out: string): any[] =>
  out
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l));

describe('debug logs', () => {
  test("each call's parameters; a bad V3 and V1 signature: the canonical request and string to sign, in full", async () => {
    const wrong = { id: 'LTAI5tLocalVpcDevAccess1', secret: 'not-the-secret' };
    let v3Message = '';
    let v1Message = '';
    const out = await withServer(['--log-level', 'debug'], async (port) => {
      await vpcClient(port).createVpc(new Vpc.CreateVpcRequest({ regionId: 'cn-hangzhou', cidrBlock: '10.0.0.0/16', vpcName: 'logged' }));
      const v3 = await sdkError(() => vpcClient(port, { key: wrong }).describeRegions(new Vpc.DescribeRegionsRequest({})));
      assert.equal(v3.code, 'SignatureDoesNotMatch');
      v3Message = v3.message;
      const v1 = await sdkError(() => popClient(port, '2016-04-28', wrong).request('DescribeRegions', {}));
      assert.equal(v1.code, 'SignatureDoesNotMatch');
      v1Message = v1.message;
      await fetch(`http://127.0.0.1:${port}/_localvpc/clock/advance`, {
        method: 'POST',
        headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
        body: JSON.stringify({ duration: '5m' }),
      });
    });
    const lines = jsonLines(out);
    const params = lines.find((l) => l.msg === 'call parameters' && l.action === 'CreateVpc');
    assert.ok(params, out);
    assert.equal(params.level, 20);
    assert.deepEqual([params.params.RegionId, params.params.CidrBlock, params.params.VpcName], ['cn-hangzhou', '10.0.0.0/16', 'logged']);
    const mismatches = lines.filter((l) => /^SignatureDoesNotMatch/.test(l.msg));
    assert.equal(mismatches.length, 2, out);
    const [v3, v1] = mismatches;
    // V3: the canonical request in full; its SHA-256 is the string to sign's second line.
    assert.match(v3.canonicalRequest, /^POST\n\/\n.*\nhost:127\.0\.0\.1:\d+\n/s);
    assert.match(v3.canonicalRequest, /\nx-acs-action:DescribeRegions\n/);
    assert.equal(v3.stringToSign, `ACS3-HMAC-SHA256\n${createHash('sha256').update(v3.canonicalRequest).digest('hex')}`);
    // The client's message stays Alibaba's: it ends with the string to sign, not the canonical request.
    assert.ok(v3Message.includes(v3.stringToSign.split('\n')[1]), v3Message);
    assert.ok(!v3Message.includes('x-acs-action:'), 'the canonical request is not sent to the client');
    // V1: the sorted, encoded parameters, and the string to sign made of them.
    assert.match(v1.canonicalQuery ?? v1.canonicalRequest, /(^|&)Action=DescribeRegions(&|$)/);
    assert.ok(v1.stringToSign.startsWith('GET&%2F&'), v1.stringToSign);
    assert.ok(v1Message.includes(v1.stringToSign), v1Message);
    assert.ok(!out.includes('not-the-secret'), 'no secret in the log');
    assert.ok(
      lines.some((l) => l.msg === 'admin action' && l.admin === 'ClockAdvance' && /5m/.test(l.detail)),
      'admin actions are logged',
    );
  });

  test('at info level, the first SignatureDoesNotMatch says how to see what the server signed', async () => {
    const out = await withServer(['--log-level', 'info'], async (port) => {
      for (let i = 0; i < 2; i++)
        await sdkError(() =>
          vpcClient(port, { key: { id: 'LTAI5tLocalVpcDevAccess1', secret: 'wrong' } }).describeRegions(new Vpc.DescribeRegionsRequest({})),
        );
    });
    const lines = jsonLines(out);
    assert.equal(lines.filter((l) => /--log-level debug/.test(l.msg)).length, 1, 'once');
    assert.ok(!lines.some((l) => l.canonicalRequest), 'the canonical request only at debug');
    assert.equal(lines.filter((l) => l.msg === 'request' && l.code === 'SignatureDoesNotMatch').length, 2);
  });

  test('secrets and signatures are redacted from parameters', () => {
    assert.deepEqual(
      redactedParams([
        ['RegionId', 'cn-hangzhou'],
        ['AccessKeySecret', 'x'],
        ['Password', 'y'],
        ['SecurityToken', 'z'],
        ['Signature', 's'],
      ]),
      {
        RegionId: 'cn-hangzhou',
        AccessKeySecret: '[redacted]',
        Password: '[redacted]',
        SecurityToken: '[redacted]',
        Signature: '[redacted]',
      },
    );
  });

  test('--log-format pretty: a line a person reads, multi-line values indented', async () => {
    const out = await withServer(['--log-level', 'debug', '--log-format', 'pretty'], async (port) => {
      await vpcClient(port).describeRegions(new Vpc.DescribeRegionsRequest({}));
      await sdkError(() =>
        vpcClient(port, { key: { id: 'LTAI5tLocalVpcDevAccess1', secret: 'nope' } }).describeVpcs(
          new Vpc.DescribeVpcsRequest({ regionId: 'cn-hangzhou' }),
        ),
      );
    });
    assert.match(out, /^\d\d:\d\d:\d\d\.\d{3} INFO {2}request requestId=[\w-]+ source=api action=DescribeRegions .*status=200/m);
    assert.match(out, /^\d\d:\d\d:\d\d\.\d{3} DEBUG SignatureDoesNotMatch/m);
    assert.match(out, /^ {2}canonicalRequest:\n {4}\| POST\n {4}\| \/\n/m);
    assert.ok(!out.split('\n').some((l) => l.startsWith('{"level"')), 'no JSON lines');
  });
});
