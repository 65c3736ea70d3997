// Listings and the CLI's polish through the real binary: vpc|ri|vbr list|show across accounts,
// GET /_localvpc/resources with its filters and paging, a missing resource (exit 1,
// ResourceNotFound) told apart from a resource not in a transition (NotInTransition); the journal
// newest first with --tail, admin actions journaled as Admin events, clock reset, snapshot save
// refusing to overwrite without --force, transition step saying what it stepped, hints naming flags.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ACCOUNTS, openWorld, type End, type World } from '../helpers/world.js';
import { admin } from '../helpers/admin.js';
import { cliEnv, runCli, runCliJson, spawnCli } from '../helpers/cli.js';
import { Ec } from '../express-connect/ec.js';
import type { TestServer } from '../helpers/server.js';

let srv: TestServer;
let w: World;
let ini: End;
let acc: End;
before(async () => {
  ({ srv, w } = await openWorld());
  ({ ini, acc } = await w.pair({ accWho: ACCOUNTS.b }));
});
after(() => srv.close());

const cli = (args: string[]) => runCli(srv, args);
const json = (args: string[]) => runCliJson(srv, args);

describe('listing resources', () => {
  test('the admin route: filters by type, account, region, status; pages', async () => {
    const all = await admin(srv, 'GET', '/_localvpc/resources?type=router_interface');
    assert.equal(all.status, 200);
    assert.deepEqual(all.body.resources.map((r: any) => r.id).sort(), [ini.id, acc.id].sort());
    const b = await admin(srv, 'GET', `/_localvpc/resources?type=router_interface&account=${ACCOUNTS.b.uid}`);
    assert.deepEqual(
      b.body.resources.map((r: any) => [r.id, r.type, r.regionId]),
      [[acc.id, 'router_interface', 'cn-shanghai']],
    );
    const idle = await admin(srv, 'GET', '/_localvpc/resources?type=router_interface&status=Idle&region=cn-hangzhou');
    assert.deepEqual(
      idle.body.resources.map((r: any) => r.id),
      [ini.id],
    );
    const page1 = await admin(srv, 'GET', '/_localvpc/resources?limit=3');
    const page2 = await admin(srv, 'GET', '/_localvpc/resources?limit=3&offset=3');
    assert.equal(page1.body.total, page2.body.total);
    assert.equal(page1.body.resources.length, 3);
    const ids = [...page1.body.resources, ...page2.body.resources].map((r: any) => r.id);
    assert.equal(new Set(ids).size, ids.length, 'pages do not overlap');
    const wrong = await admin(srv, 'GET', '/_localvpc/resources?type=vpcs');
    assert.equal(wrong.status, 400);
    assert.match(wrong.body.error.message, /Unknown type "vpcs" \(did you mean "vpc"\?\)/);
    assert.equal((await admin(srv, 'GET', '/_localvpc/resources?acount=1')).status, 400);
  });

  test('vpc, ri, vbr list and show through the CLI, as tables or --json', async () => {
    const vpcs = await cli(['vpc', 'list']);
    assert.equal(vpcs.code, 0, vpcs.stderr);
    assert.match(vpcs.stdout, /^ID +ACCOUNT +REGION +STATUS +CIDR +NAME +CREATED$/m);
    assert.match(vpcs.stdout, new RegExp(`^${ini.vpcId} +${ACCOUNTS.a.uid} +cn-hangzhou +Available +10\\.0\\.0\\.0/16`, 'm'));
    assert.match(vpcs.stdout, new RegExp(`^${acc.vpcId} +${ACCOUNTS.b.uid} +cn-shanghai`, 'm'), 'every account');
    const ris = await cli(['ri', 'list', '--account', ACCOUNTS.b.uid]);
    assert.match(ris.stdout, new RegExp(`^${acc.id} +${ACCOUNTS.b.uid} +cn-shanghai +AcceptingSide +Negative +Idle +${ini.id}`, 'm'));
    assert.doesNotMatch(ris.stdout, new RegExp(ini.id + ' +' + ACCOUNTS.a.uid));
    const shown = await json(['ri', 'show', ini.id]);
    assert.deepEqual([shown.id, shown.role, shown.oppositeInterfaceId], [ini.id, 'InitiatingSide', acc.id]);
    assert.match((await cli(['vbr', 'list'])).stdout, /^no VBRs$/m);
    assert.ok((await json(['vpc', 'list', '--region', 'cn-shanghai'])).resources.every((r: any) => r.regionId === 'cn-shanghai'));
    const accounts = await cli(['account', 'list']);
    assert.match(accounts.stdout, new RegExp(`^${ACCOUNTS.b.uid} `, 'm'));
  });

  test('vbr list and show: a VBR on its physical connection', async () => {
    const ec = new Ec(w);
    const pc = await ec.enabledPc();
    const vbr = await ec.createVbr(pc);
    const listed = await cli(['vbr', 'list', '--region', 'cn-hangzhou']);
    assert.equal(listed.code, 0, listed.stderr);
    assert.match(listed.stdout, /^ID +ACCOUNT +REGION +STATUS +VLAN +PHYSICAL CONNECTION +NAME$/m);
    assert.match(listed.stdout, new RegExp(`^${vbr} +${ACCOUNTS.a.uid} +cn-hangzhou +\\w+ +100 +${pc}`, 'm'));
    const shown = await json(['vbr', 'show', vbr]);
    assert.deepEqual([shown.type, shown.id, shown.physicalConnectionId, shown.vlanId], ['vbr', vbr, pc, 100]);
  });

  test('a missing resource: exit 1 and ResourceNotFound, not NotInTransition', async () => {
    const missing = await cli(['ri', 'show', 'ri-doesnotexist0000']);
    assert.equal(missing.code, 1);
    assert.match(
      missing.stderr,
      /^localvpc: ResourceNotFound: No router_interface ri-doesnotexist0000 in any account; localvpc ri list shows/,
    );
    const wrongKind = await cli(['vpc', 'show', ini.id]);
    assert.equal(wrongKind.code, 1, 'an interface is not a VPC');
    const settled = await cli(['transition', 'step', ini.id]);
    assert.equal(settled.code, 1);
    assert.match(settled.stderr, /^localvpc: NotInTransition: .*is not in a transitional state; localvpc transition show lists/);
  });
});

describe('CLI polish', () => {
  test('transition step says what it stepped', async () => {
    await cli(['transition', 'profile', 'manual']);
    try {
      await w.connect(ini);
      const r = await cli(['transition', 'step', ini.id]);
      assert.equal(r.code, 0, r.stderr);
      assert.match(r.stdout, new RegExp(`^stepped ${ini.id}: Connecting -> Active \\(`, 'm'));
      assert.match(r.stdout, new RegExp(`^stepped ${acc.id}: \\w+ -> Active \\(`, 'm'), 'and the other end of the link');
    } finally {
      await cli(['transition', 'profile', 'fast', '--fast-delay', '0']);
    }
  });

  test('snapshot save refuses to overwrite without --force, naming the flag', async () => {
    assert.equal((await cli(['snapshot', 'save', 'cli-polish'])).code, 0);
    const again = await cli(['snapshot', 'save', 'cli-polish']);
    assert.equal(again.code, 1);
    assert.equal(again.stderr, 'localvpc: SnapshotExists: Snapshot cli-polish exists already; add --force to replace it.\n');
    assert.equal((await cli(['snapshot', 'save', 'cli-polish', '--force'])).code, 0);
    await cli(['snapshot', 'delete', 'cli-polish']);
  });

  test('account delete names --force, not ?force=true', async () => {
    const r = await cli(['account', 'delete', ACCOUNTS.b.uid]);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /AccountHasResources: Account 1000000000000002 owns \d+ resources; add --force to delete them too\.\n$/);
    assert.doesNotMatch(r.stderr, /\?force/);
  });

  test('clock advance checks its duration before asking the server', async () => {
    const r = await cli(['clock', 'advance', '5x']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /DURATION is a number and a unit \(ms, s, m, h, d\), as in 90s, 5m or 1h30m; got "5x"/);
  });

  test('clock reset, and admin actions in the journal as Admin events', async () => {
    await cli(['clock', 'advance', '3h']);
    assert.ok((await json(['clock', 'show'])).offsetMs > 3 * 3600_000 - 60_000);
    const reset = await json(['clock', 'reset']);
    assert.ok(Math.abs(reset.offsetMs) < 60_000);
    assert.equal(reset.speed, 1);
    const events = await json(['journal', '--type', 'Admin']);
    const names = events.events.map((e: any) => e.eventName);
    assert.ok(names.includes('ClockAdvance') && names.includes('ClockReset') && names.includes('ProfileSet'), names.join(','));
    assert.equal(names[0], 'ClockReset', 'newest first');
  });

  test('journal: newest first, --tail N, and --tail with --limit is a usage error', async () => {
    for (let i = 0; i < 3; i++) await w.status(ini);
    const all = await json(['journal', '--tail', '1000']);
    const ids = all.events.map((e: any) => e.eventId);
    assert.deepEqual(
      ids,
      [...ids].sort((a: number, b: number) => b - a),
      'newest first',
    );
    const two = await json(['journal', '--tail', '2']);
    assert.deepEqual(
      two.events.map((e: any) => e.eventId),
      ids.slice(0, 2),
    );
    const table = await cli(['journal', '--tail', '2']);
    assert.match(table.stdout, /\(2 of \d+, newest first\)\n$/);
    const both = await cli(['journal', '--tail', '2', '--limit', '5']);
    assert.equal(both.code, 2);
    assert.match(both.stderr, /--tail goes without --limit and --offset/);
  });

  test('journal --follow: the newest events, then each new one as the server pushes it, until Ctrl-C', async () => {
    const { proc, out, err, exited } = spawnCli(['journal', '--follow', '--tail', '2', '--json', '--type', 'ApiCall'], cliEnv(srv));
    const lines = (): any[] =>
      out()
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l));
    const until = async (what: string, ok: () => boolean) => {
      for (let i = 0; i < 500 && !ok(); i++) await new Promise((r) => setTimeout(r, 20));
      assert.ok(ok(), `${what}: ${out()} ${err()}`);
    };
    await until('the tail', () => lines().length === 2);
    const before = lines().map((e) => e.eventId);
    assert.ok(before[0] < before[1], 'the tail oldest first, as a log');
    await w.describe(acc);
    await until('the new event', () => lines().some((e) => e.eventName === 'DescribeRouterInterfaces' && e.eventId > before[1]));
    assert.ok(
      lines().every((e) => e.eventType === 'ApiCall'),
      'the filter holds on the stream',
    );
    proc.kill('SIGINT');
    assert.equal(await exited, 0, err());
  });
});
