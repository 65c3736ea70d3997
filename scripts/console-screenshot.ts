// Renders docs/console.png, the README's picture of the console: an in-memory server, a small
// scene made through the admin API's /_localvpc/call (three VPCs in three regions and two
// accounts; a pair Active, a pair connecting and held, a pair whose accepting end names the wrong
// interface), then Debian's Chromium headless with the explanation open.
// Usage: npm run build && node dist/scripts/console-screenshot.js [out.png]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULTS } from '../src/config/config.js';
import { startApp } from '../src/app/start.js';
import { launchChromium } from '../test/helpers/browser.js';

const out = process.argv[2] ?? 'docs/console.png';
const app = await startApp({ ...structuredClone(DEFAULTS), port: 0, inMemory: true, logLevel: 'silent', transitionDelayMs: 0 });
const A = DEFAULTS.defaultAccount.aliUid;
const B = '1000000000000002';

async function admin(method: string, path: string, body?: unknown): Promise<Record<string, unknown>> {
  const res = await fetch(app.url + path, {
    method,
    headers: { authorization: `Bearer ${app.adminToken}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = (await res.json()) as Record<string, unknown>;
  if (!res.ok) throw new Error(`${method} ${path}: ${JSON.stringify(json)}`);
  return json;
}

async function call(account: string, action: string, params: Record<string, unknown>): Promise<Record<string, string>> {
  const r = await admin('POST', '/_localvpc/call', { account, action, params });
  return r.result as Record<string, string>;
}

async function vpc(account: string, region: string, name: string, cidr: string) {
  const r = await call(account, 'CreateVpc', { RegionId: region, CidrBlock: cidr, VpcName: name });
  return { account, region, router: r.VRouterId as string };
}

type Site = Awaited<ReturnType<typeof vpc>>;

async function end(s: Site, role: 'InitiatingSide' | 'AcceptingSide', opposite: Site, name: string) {
  const r = await call(s.account, 'CreateRouterInterface', {
    RegionId: s.region,
    RouterType: 'VRouter',
    RouterId: s.router,
    Role: role,
    Spec: role === 'AcceptingSide' ? 'Negative' : 'Large.2',
    OppositeRegionId: opposite.region,
    Name: name,
  });
  return { ...s, id: r.RouterInterfaceId as string };
}

type End = Awaited<ReturnType<typeof end>>;

async function point(self: End, other: End, id = other.id): Promise<void> {
  await call(self.account, 'ModifyRouterInterfaceAttribute', {
    RegionId: self.region,
    RouterInterfaceId: self.id,
    OppositeInterfaceId: id,
    OppositeRouterId: other.router,
    OppositeRouterType: 'VRouter',
    OppositeInterfaceOwnerId: other.account,
  });
}

try {
  await admin('POST', '/_localvpc/accounts', { aliUid: B, name: 'analytics' });
  const hz = await vpc(A, 'cn-hangzhou', 'web', '10.1.0.0/16');
  const sh = await vpc(A, 'cn-shanghai', 'orders', '10.2.0.0/16');
  const bj = await vpc(B, 'cn-beijing', 'analytics', '10.3.0.0/16');
  const hzSh = await end(hz, 'InitiatingSide', sh, 'web-to-orders');
  const shHz = await end(sh, 'AcceptingSide', hz, 'orders-from-web');
  await point(shHz, hzSh);
  await point(hzSh, shHz);
  await call(A, 'ConnectRouterInterface', { RegionId: hz.region, RouterInterfaceId: hzSh.id });
  const hzBj = await end(hz, 'InitiatingSide', bj, 'web-to-analytics');
  const bjHz = await end(bj, 'AcceptingSide', hz, 'analytics-from-web');
  await point(bjHz, hzBj);
  await point(hzBj, bjHz);
  await admin('PUT', '/_localvpc/transitions/profile', { profile: 'manual' });
  await call(A, 'ConnectRouterInterface', { RegionId: hz.region, RouterInterfaceId: hzBj.id });
  const shBj = await end(sh, 'InitiatingSide', bj, 'orders-to-analytics');
  const bjSh = await end(bj, 'AcceptingSide', sh, 'analytics-from-orders');
  await point(shBj, bjSh);
  await point(bjSh, shBj, bjHz.id); // names the wrong interface: the explanation says which
  const dir = mkdtempSync(join(tmpdir(), 'localvpc-shot-'));
  const ctx = await launchChromium(dir, { viewport: { width: 1700, height: 860 }, reducedMotion: 'reduce' });
  try {
    const page = await ctx.newPage();
    await page.goto(`${app.url}/_localvpc/console/#token=${encodeURIComponent(app.adminToken)}`);
    await page.locator('[data-testid="live"]', { hasText: '● live' }).waitFor();
    await page.getByRole('button', { name: 'Zoom out' }).click();
    await page.locator(`[data-ri="${shBj.id}"]`).click();
    await page.locator('[data-result="failed"]').first().waitFor();
    await page.screenshot({ path: out });
    console.log(`wrote ${out}`);
  } finally {
    await ctx.close();
    rmSync(dir, { recursive: true, force: true });
  }
} finally {
  await app.close();
}
