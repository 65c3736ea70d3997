// The web console in a real browser: Debian's Chromium, headless, driven by playwright-core,
// against the real server; state made through the official SDK and read back through the API.
// Without a browser these tests are skipped with a notice, except under CI=true, where they fail.
// Screenshots are saved as artifacts (the directory is printed).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { ACCOUNTS, openWorld, type World } from '../helpers/world.js';
import { Vpc } from '../helpers/clients.js';
import { admin } from '../helpers/admin.js';
import { CHROMIUM, launchChromium } from '../helpers/browser.js';
import { CLI } from '../helpers/cli.js';
import type { TestServer } from '../helpers/server.js';
import { linked } from './sites.js';

const ARTIFACTS = process.env.LOCALVPC_ARTIFACTS ?? join(tmpdir(), 'localvpc-artifacts', 'console');

let ctx: BrowserContext | undefined;
let profileDir = '';
let unavailable = '';
try {
  profileDir = mkdtempSync(join(tmpdir(), 'localvpc-chromium-'));
  ctx = await launchChromium(profileDir, { viewport: { width: 1440, height: 900 } });
} catch (e) {
  unavailable = (e instanceof Error ? e.message : String(e)).split('\n')[0] ?? '';
  rmSync(profileDir, { recursive: true, force: true });
}
if (!ctx) {
  if (process.env.CI === 'true') {
    test('the browser tests need Chromium under CI', () => {
      assert.fail(`no browser could be started (${CHROMIUM}): ${unavailable}`);
    });
  } else {
    console.log(
      `# browser tests skipped: no browser could be started at ${CHROMIUM} (${unavailable}). Install Debian's Chromium (apt-get install -y chromium) or set LOCALVPC_CHROMIUM to a Chromium binary; CI=true makes this a failure.`,
    );
  }
}

let srv: TestServer;
let w: World;
/** Errors the pages logged (console.error, uncaught exceptions), by page. */
const errors: string[] = [];

async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: false });
}

async function open(opts: { watchErrors?: boolean } = {}): Promise<Page> {
  const page = await (ctx as BrowserContext).newPage();
  if (opts.watchErrors !== false) {
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(`${page.url()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => errors.push(`${page.url()}: ${e.message}`));
  }
  return page;
}

async function signedIn(): Promise<Page> {
  const page = await open();
  await page.goto(`${srv.url}/_localvpc/console/#token=${encodeURIComponent(srv.app.adminToken)}`);
  await page.locator('[data-testid="live"]', { hasText: '● live' }).waitFor();
  return page;
}

/** Waits until the API answers as the page's last action should have made it answer. */
async function until(check: () => Promise<boolean>): Promise<void> {
  while (!(await check())) await new Promise((r) => setTimeout(r, 20));
}

const row = (page: Page, id: string) => page.locator(`[data-ri="${id}"]`);

describe('the console in a real browser', { skip: !ctx }, () => {
  before(async () => {
    ({ srv, w } = await openWorld());
    console.log(`# console screenshots in ${ARTIFACTS}`);
  });
  after(async () => {
    await ctx?.close();
    await srv?.close();
    rmSync(profileDir, { recursive: true, force: true });
  });

  test('signing in with the token from the start banner; a wrong token sees nothing', async () => {
    // the banner of a real `localvpc serve`
    const dir = mkdtempSync(join(tmpdir(), 'localvpc-banner-'));
    const proc = spawn(process.execPath, [CLI, 'serve', '--port', '0', '--data', dir, '--log-level', 'warn'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      let out = '';
      const url = await new Promise<string>((resolve, reject) => {
        proc.stdout.on('data', (c: Buffer) => {
          out += c.toString();
          const m = /console:\s+(http:\/\/\S+#token=\S+)/.exec(out);
          if (m?.[1]) resolve(m[1]);
        });
        proc.once('exit', () => reject(new Error(`the server stopped: ${out}`)));
      });
      const page = await open();
      await page.goto(url);
      await page.locator('[data-testid="live"]', { hasText: '● live' }).waitFor();
      assert.equal(new URL(page.url()).hash, '', 'the token leaves the address bar');
      assert.ok(await page.evaluate(() => sessionStorage.getItem('localvpc.token')));
      await shot(page, '01-signed-in');
      await page.close();

      // no token: the sign-in field only; a wrong token is refused and shows no data
      const stranger = await open({ watchErrors: false });
      await stranger.goto(url.replace(/#.*$/, ''));
      await stranger.getByLabel('Admin token').fill('not-the-token');
      await stranger.getByRole('button', { name: 'Sign in' }).click();
      await stranger.getByRole('alert').filter({ hasText: 'refused' }).waitFor();
      assert.equal(await stranger.locator('[data-ri], [data-router], [data-testid="live"]').count(), 0);
      assert.equal(await stranger.evaluate(() => sessionStorage.getItem('localvpc.token')), null);
      await shot(stranger, '02-refused');
      await stranger.close();
    } finally {
      proc.kill('SIGTERM');
      await new Promise((r) => proc.once('exit', r));
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('two VPCs and a pair made through the SDK appear live, without a reload', async () => {
    const page = await signedIn();
    await page.evaluate(() => ((window as unknown as { marker: number }).marker = 42));
    const { ini, acc } = await w.pair();
    await row(page, ini.id).waitFor();
    await row(page, acc.id).waitFor();
    await page.locator(`[data-router="${ini.routerId}"]`).waitFor();
    await page.locator(`path[data-pair="${[ini.id, acc.id].sort().join('-')}"]`).waitFor({ state: 'attached' });
    assert.equal(await page.evaluate(() => (window as unknown as { marker?: number }).marker), 42, 'the page was not reloaded');
    assert.match((await row(page, ini.id).getAttribute('aria-label')) ?? '', /status Idle/);
    await shot(page, '03-live-pair');
    await page.close();
  });

  test('connecting from the console shows Connecting, then Active, on both ends', async () => {
    const { ini, acc } = await w.pair();
    await admin(srv, 'PUT', '/_localvpc/transitions/profile', { profile: 'manual' });
    try {
      const page = await signedIn();
      await row(page, ini.id).click();
      await page.getByTestId('details').getByRole('button', { name: 'Connect' }).click();
      await page.getByTestId('call-answer').filter({ hasText: 'accepted' }).waitFor();
      await page.locator(`[data-ri="${ini.id}"][data-status="Connecting"]`).waitFor();
      await page.locator(`[data-ri="${acc.id}"][data-status="AcceptingConnecting"]`).waitFor();
      await shot(page, '04-connecting');
      // the held transition is stepped from the console's controls
      await page.getByRole('tab', { name: 'Controls' }).click();
      await page.locator(`[data-pending="${ini.id}"]`).getByRole('button', { name: 'Step' }).click();
      await page.getByRole('tab', { name: 'Topology' }).click();
      await page.locator(`[data-ri="${ini.id}"][data-status="Active"]`).waitFor();
      await page.locator(`[data-ri="${acc.id}"][data-status="Active"]`).waitFor();
      assert.equal(await w.status(ini), 'Active');
      assert.equal(await w.status(acc), 'Active');
      // the call went through the engine, journalled as the console's
      const j = await admin(srv, 'GET', `/_localvpc/journal?eventName=ConnectRouterInterface&resourceName=${ini.id}`);
      assert.equal(j.body.events[0]?.eventSource, 'console');
      await row(page, ini.id).click();
      await page.getByRole('tab', { name: 'Timeline' }).click();
      await page.getByTestId('timeline').filter({ hasText: 'ConnectRouterInterface' }).waitFor();
      await shot(page, '05-active-timeline');
      // every field the API shows the owner, asked as the owner
      await page.getByRole('tab', { name: 'Fields' }).click();
      await page.getByTestId('details').locator('dd', { hasText: ini.id }).first().waitFor();
      assert.match((await page.getByTestId('details').innerText()) ?? '', /OppositeInterfaceId\s+/);
      await page.close();
    } finally {
      await admin(srv, 'PUT', '/_localvpc/transitions/profile', { profile: 'fast', fastDelayMs: 0 });
    }
  });

  test('an accepting end that names the wrong peer is explained with the exact code and both values', async () => {
    const page = await signedIn();
    const { ini, acc } = await w.pair();
    const other = await w.ri({ regionId: ini.regionId, routerId: ini.routerId, role: 'InitiatingSide', oppositeRegionId: acc.regionId });
    await w
      .client()
      .modifyRouterInterfaceAttribute(
        new Vpc.ModifyRouterInterfaceAttributeRequest({ regionId: acc.regionId, routerInterfaceId: acc.id, oppositeInterfaceId: other }),
      );
    await row(page, ini.id).waitFor();
    // keyboard: focus the initiator, open it with Enter; arrows move between ends
    await row(page, ini.id).focus();
    await page.keyboard.press('ArrowRight');
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('data-ri')), acc.id, '→ jumps to the named peer');
    await row(page, ini.id).focus();
    await page.keyboard.press('Enter');
    const failed = page.locator('[data-result="failed"]').filter({ hasText: 'AttrMismatching.AcceptingSideOppositeInterfaceId' });
    await failed.first().waitFor();
    const text = (await failed.first().textContent()) ?? '';
    assert.ok(text.includes(`"${other}"`) && text.includes(`"${ini.id}"`), text);
    assert.match((await page.getByTestId('explain-summary').textContent()) ?? '', /AttrMismatching\.AcceptingSideOppositeInterfaceId/);
    await shot(page, '06-explain-mismatch');
    await page.close();
  });

  test('a reachability question answered hop by hop, for a working path and a broken one', async () => {
    const good = await linked(srv, w, 60);
    const broken = await linked(srv, w, 70, { returnRoute: false });
    const page = await signedIn();
    await page.getByRole('tab', { name: 'Reachability' }).click();
    const ask = async (source: string, dest: string) => {
      await page.locator('select[name="source"]').selectOption(source);
      await page.locator('input[name="destination"]').fill(dest);
      await page.getByRole('button', { name: 'Walk the path' }).click();
      return page.getByTestId('reach-result');
    };
    const ok = await ask(good.hz.vswitchId, '10.61.1.5');
    await ok.filter({ hasText: 'Reachable' }).waitFor();
    assert.equal(await ok.locator('[data-result="passed"]').count(), 11);
    await shot(page, '07-reach-ok');
    const bad = await ask(broken.hz.vpcId, '10.71.1.5');
    await bad.filter({ hasText: 'Not reachable' }).waitFor();
    assert.match((await bad.locator('[data-result="failed"]').first().textContent()) ?? '', /return · route: no route/);
    await shot(page, '08-reach-broken');
    await page.close();
  });

  test('each control changes what the API then answers', async () => {
    const page = await signedIn();
    await page.getByRole('tab', { name: 'Controls' }).click();
    const done = (text: string) =>
      page
        .getByRole('status')
        .filter({ hasText: `✓ ${text}` })
        .waitFor();
    const clicked = async (name: string, text: string) => {
      await page.getByRole('button', { name, exact: true }).click();
      await done(text);
    };
    // clock
    await clicked('Freeze', 'clock frozen');
    assert.equal((await admin(srv, 'GET', '/_localvpc/clock')).body.frozen, true);
    const t0 = (await admin(srv, 'GET', '/_localvpc/clock')).body.now;
    await page.locator('input[name="advance"]').fill('1h');
    await clicked('Advance', 'clock advanced');
    assert.equal((await admin(srv, 'GET', '/_localvpc/clock')).body.now, t0 + 3_600_000);
    await clicked('Resume', 'clock resumed');
    await page.locator('input[name="speed"]').fill('3');
    await clicked('Set speed', 'speed set');
    assert.equal((await admin(srv, 'GET', '/_localvpc/clock')).body.speed, 3);
    await page.locator('input[name="speed"]').fill('1');
    await page.getByRole('button', { name: 'Set speed', exact: true }).click();
    await until(async () => (await admin(srv, 'GET', '/_localvpc/clock')).body.speed === 1);
    // transition profile, and hold / release / step of a pending transition
    const { ini, acc } = await w.pair();
    await page.locator('select[name="profile"]').selectOption('realistic');
    await done('profile set');
    assert.equal((await admin(srv, 'GET', '/_localvpc/transitions')).body.profile, 'realistic');
    await w.connect(ini);
    const pendingOf = async (id: string) =>
      (await admin(srv, 'GET', '/_localvpc/transitions')).body.pending.find((p: { id: string }) => p.id === id);
    const control = (id: string, verb: string) => page.locator(`[data-pending="${id}"]`).getByRole('button', { name: verb });
    await control(ini.id, 'Hold').click();
    await done(`hold ${ini.id}`);
    assert.equal((await pendingOf(ini.id))?.held, true);
    await control(ini.id, 'Release').click();
    await done(`release ${ini.id}`);
    assert.equal((await pendingOf(ini.id))?.held, false);
    await control(ini.id, 'Step').click();
    await done(`step ${ini.id}`);
    assert.equal(await w.status(ini), 'Active');
    assert.equal(await w.status(acc), 'Active');
    await page.locator('select[name="profile"]').selectOption('fast');
    await until(async () => (await admin(srv, 'GET', '/_localvpc/transitions')).body.profile === 'fast');
    // fault rules
    await page.locator('input[name="faultAction"]').fill('DescribeVpcs');
    await page.locator('input[name="faultCode"]').fill('Throttling.User');
    await clicked('Add fault', 'fault added');
    await assert.rejects(
      w.client().describeVpcs(new Vpc.DescribeVpcsRequest({ regionId: 'cn-hangzhou' })),
      (e: { code?: string }) => e.code === 'Throttling.User',
    );
    await clicked('Clear all', 'faults cleared');
    await w.client().describeVpcs(new Vpc.DescribeVpcsRequest({ regionId: 'cn-hangzhou' }));
    // snapshots
    await page.locator('input[name="snapshot"]').fill('from-the-console');
    await clicked('Save', 'saved from-the-console');
    assert.ok(
      (await admin(srv, 'GET', '/_localvpc/snapshots')).body.snapshots.some((s: { name: string }) => s.name === 'from-the-console'),
    );
    // billing flags
    const bills = page.locator(`input[name="billsOutstanding-${ACCOUNTS.b.uid}"]`);
    await bills.click();
    await done(`billsOutstanding ${ACCOUNTS.b.uid}`);
    assert.equal((await admin(srv, 'GET', `/_localvpc/accounts/${ACCOUNTS.b.uid}`)).body.billsOutstanding, true);
    await page.locator(`input[name="billsOutstanding-${ACCOUNTS.b.uid}"]:checked`).waitFor(); // drawn from the server's answer
    await bills.click();
    await until(async () => !(await admin(srv, 'GET', `/_localvpc/accounts/${ACCOUNTS.b.uid}`)).body.billsOutstanding);
    // acting as an account: a VPC, through the engine, journalled as the console's
    await page.locator('select[name="account"]').selectOption(ACCOUNTS.b.uid);
    await page.locator('select[name="region"]').selectOption('cn-beijing');
    await page.locator('input[name="cidr"]').fill('172.16.0.0/16');
    await clicked('Create VPC', `CreateVpc as ${ACCOUNTS.b.uid}`);
    const vpcs = await w.client(ACCOUNTS.b).describeVpcs(new Vpc.DescribeVpcsRequest({ regionId: 'cn-beijing' }));
    assert.ok(vpcs.body?.vpcs?.vpc?.some((v) => v.cidrBlock === '172.16.0.0/16'));
    const j = await admin(srv, 'GET', `/_localvpc/journal?eventName=CreateVpc&accountId=${ACCOUNTS.b.uid}`);
    assert.equal(j.body.events.at(-1)?.eventSource, 'console');
    await shot(page, '09-controls');
    // restoring the snapshot saved above: the VPC made since is gone
    await page.getByRole('button', { name: 'Restore', exact: true }).click();
    await done('restored from-the-console');
    const restored = await w.client(ACCOUNTS.b).describeVpcs(new Vpc.DescribeVpcsRequest({ regionId: 'cn-beijing' }));
    assert.ok(!restored.body?.vpcs?.vpc?.some((v) => v.cidrBlock === '172.16.0.0/16'));
    // the journal and health views
    await page.getByRole('tab', { name: 'Journal' }).click();
    await page.getByTestId('journal').filter({ hasText: 'CreateVpc' }).waitFor();
    await page.getByRole('tab', { name: 'Health' }).click();
    await page.getByTestId('health').filter({ hasText: 'ok' }).waitFor();
    await page.keyboard.press('/');
    await page.waitForFunction(() => document.activeElement?.getAttribute('name') === 'q'); // / goes to the search field
    await page.getByRole('button', { name: 'Dark theme' }).click();
    // the theme is applied by an effect after the click's render: wait for the button to flip first
    await page.getByRole('button', { name: 'Light theme' }).waitFor();
    await page
      .waitForFunction(() => document.documentElement.dataset.theme === 'dark', undefined, { timeout: 5000 })
      .catch(() => undefined);
    assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'dark');
    await shot(page, '10-dark');
    await page.close();
  });

  test("the browser's console shows no errors", () => {
    assert.deepEqual(errors, []);
  });
});
