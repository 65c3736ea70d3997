// Web pages and DNS rebinding: the development key is public, so a page on any site could sign a
// request with it. A request carrying an Origin that is not allowed, or (on loopback) a Host that
// is not a loopback name, is refused before anything reads it, and changes nothing.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, type TestServer } from '../helpers/server.js';
import { send, v1 } from '../helpers/raw.js';

const CREATE = { Action: 'CreateVpc', RegionId: 'cn-hangzhou', CidrBlock: '10.0.0.0/16' };

async function vpcCount(srv: TestServer): Promise<number> {
  return (await v1(srv.port, { Action: 'DescribeVpcs', RegionId: 'cn-hangzhou' })).json().TotalCount as number;
}

describe('by default', () => {
  let srv: TestServer;
  before(async () => (srv = await startServer()));
  after(async () => srv.close());

  test('a cross-origin form POST or text/plain POST signed with the development key is 403 Forbidden.Origin and creates nothing', async () => {
    for (const headers of [{ origin: 'https://evil.example' }, { origin: 'null' }, { origin: 'http://localhost:3000' }]) {
      const form = await v1(srv.port, CREATE, { method: 'POST', form: true, headers });
      assert.equal(form.status, 403, form.text);
      assert.equal(form.json().Code, 'Forbidden.Origin');
      assert.match(form.json().Message as string, /--allowed-origins/);
      const plain = await v1(srv.port, CREATE, { method: 'POST', headers: { ...headers, 'content-type': 'text/plain' } });
      assert.equal(plain.status, 403);
    }
    const admin = await send(srv.port, 'POST', '/_localvpc/reset', {
      origin: 'https://evil.example',
      authorization: `Bearer ${srv.app.adminToken}`,
    });
    assert.equal(admin.status, 403);
    assert.equal((admin.json().error as { code: string }).code, 'Forbidden.Origin');
    assert.equal(await vpcCount(srv), 0);
  });

  test('a Host that is not a loopback name is 403 Forbidden.Host; loopback names and addresses are served', async () => {
    for (const host of ['attacker.example', 'attacker.example:8080', '10.1.2.3', 'localhost.attacker.example']) {
      const r = await v1(srv.port, { Action: 'DescribeRegions' }, { headers: { host } });
      assert.equal(r.status, 403, host);
      assert.equal(r.json().Code, 'Forbidden.Host');
      const health = await send(srv.port, 'GET', '/_localvpc/health', { host });
      assert.equal(health.status, 403, `health with ${host}`);
    }
    for (const host of [
      'localhost',
      `localhost:${srv.port}`,
      'LOCALHOST',
      'app.localhost',
      '127.0.0.1',
      '127.1.2.3:9',
      '[::1]',
      `[::1]:${srv.port}`,
    ]) {
      const r = await v1(srv.port, { Action: 'DescribeRegions' }, { headers: { host } });
      assert.equal(r.status, 200, host);
    }
  });

  test('the console of LocalVPC itself (same origin) is served', async () => {
    const r = await v1(srv.port, { Action: 'DescribeRegions' }, { headers: { origin: `http://127.0.0.1:${srv.port}` } });
    assert.equal(r.status, 200);
  });
});

describe('configured', () => {
  let srv: TestServer;
  before(async () => (srv = await startServer({ allowedOrigins: ['http://localhost:3000'], allowedHosts: ['localvpc.test'] })));
  after(async () => srv.close());

  test('an allowed origin is served with CORS headers, preflights too; others are still refused', async () => {
    const ok = await v1(srv.port, CREATE, { method: 'POST', form: true, headers: { origin: 'http://localhost:3000' } });
    assert.equal(ok.status, 200, ok.text);
    assert.equal(ok.headers['access-control-allow-origin'], 'http://localhost:3000');
    assert.equal(ok.headers['access-control-expose-headers'], 'x-acs-request-id');
    const pre = await send(srv.port, 'OPTIONS', '/', {
      origin: 'http://localhost:3000',
      'access-control-request-method': 'POST',
      'access-control-request-headers': 'x-acs-action, authorization',
    });
    assert.equal(pre.status, 204);
    assert.match(String(pre.headers['access-control-allow-methods']), /POST/);
    assert.equal((await v1(srv.port, CREATE, { method: 'POST', form: true, headers: { origin: 'http://localhost:3001' } })).status, 403);
    assert.equal(await vpcCount(srv), 1);
  });

  test('an allowed host name is served', async () => {
    assert.equal((await v1(srv.port, { Action: 'DescribeRegions' }, { headers: { host: 'localvpc.test:8080' } })).status, 200);
    assert.equal((await v1(srv.port, { Action: 'DescribeRegions' }, { headers: { host: 'other.test' } })).status, 403);
  });
});

test('listening beyond loopback with the development key warns at start, and any Host is accepted there', async () => {
  const srv = await startServer({ host: '0.0.0.0' });
  try {
    assert.ok(
      srv.app.warnings.some((w) => /with the published development key enabled/.test(w)),
      JSON.stringify(srv.app.warnings),
    );
    assert.equal((await v1(srv.port, { Action: 'DescribeRegions' }, { headers: { host: 'emulator.internal' } })).status, 200);
  } finally {
    await srv.close();
  }
  const quiet = await startServer({
    host: '0.0.0.0',
    defaultAccount: {
      aliUid: '1000000000000001',
      accessKeyId: 'LTAI5tTeamKey000000001',
      accessKeySecret: 'TeamSecretNotTheDevOne00000',
      site: 'china',
    },
  });
  try {
    assert.deepEqual(quiet.app.warnings, []);
  } finally {
    await quiet.close();
  }
});
