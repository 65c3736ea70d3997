// Replays, against a real LocalVPC server, what terraform-provider-alicloud 1.289.0 sends for four
// stacks (/work/notes/terraform-replay.md): apply, refresh, update, destroy, and then nothing may be
// left behind. Every call goes over the provider's own wire forms (wire.ts: tea-rpc, and the old Go
// SDK for the legacy resources); every Read checks the fields the provider reads with the types it
// asserts, and a plan after each apply must be empty. A test fails with the whole report: the phase
// that failed and the call behind it, every mismatch, every failed call, and what was left behind.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { startServer, type TestServer } from '../helpers/server.js';
import { Replay } from './stack.js';
import { envTerraform, providerBlocks, providerOptions } from './env-block.js';
import { at, type Provider } from './provider.js';
import {
  ExpressConnectRouterInterface,
  RouteEntry,
  RouteTable,
  RouteTableAttachment,
  RouterInterface,
  RouterInterfaceConnection,
  VirtualBorderRouter,
  Vpc,
  VpcRouteEntry,
  Vswitch,
} from './resources.js';

const HZ = 'cn-hangzhou';
const SH = 'cn-shanghai';
const RG = 'rg-acfmtfreplay0001';

/** An `alicloud_vswitch.<name>` in `vpc`. */
function vswitch(p: Provider, name: string, vpc: Vpc, cidr_block: string, zone_id: string, vswitch_name: string): Vswitch {
  return new Vswitch(p, `alicloud_vswitch.${name}`, { vpc_id: vpc.id, cidr_block, zone_id, vswitch_name });
}

/** One end of a router-interface pair: its interface, its router, and the provider of its region. */
interface Side {
  name: string;
  p: Provider;
  id: string;
  routerId: string;
}

/**
 * The legacy `alicloud_router_interface_connection.<name>` of each end, the accepting side first
 * (depends_on), each in its provider's own region, with the owner set so that the provider does not
 * look the opposite interface up in the other region. Returns the initiating side's.
 */
async function connect(run: Replay, uid: string, acc: Side, ini: Side): Promise<RouterInterfaceConnection> {
  const connection = (from: Side, to: Side) =>
    run.create(
      new RouterInterfaceConnection(from.p, `alicloud_router_interface_connection.${from.name}`, {
        interface_id: from.id,
        opposite_interface_id: to.id,
        opposite_router_id: to.routerId,
        opposite_interface_owner_id: uid,
      }),
    );
  await connection(acc, ini);
  return connection(ini, acc);
}

async function withServer(delayMs: number, fn: (srv: TestServer) => Promise<void>): Promise<void> {
  const srv = await startServer({ transitionDelayMs: delayMs });
  try {
    await fn(srv);
  } finally {
    await srv.close();
  }
}

test('stack 1: a VPC, two VSwitches, a custom route table on one, a legacy route entry and a vpc_route_entry to a router interface', async () => {
  await withServer(0, async (srv) => {
    const run = new Replay(srv);
    const hz = run.provider(HZ);
    const r: {
      vpc?: Vpc;
      a?: Vswitch;
      b?: Vswitch;
      rt?: RouteTable;
      hop?: ExpressConnectRouterInterface;
      entry?: VpcRouteEntry;
    } = {};

    await run.phase('apply', async () => {
      const vpc = (r.vpc = await run.create(
        new Vpc(hz, 'alicloud_vpc.main', { vpc_name: 'tf-replay-main', cidr_block: '10.1.0.0/16', description: 'stack 1' }),
      ));
      r.a = await run.create(vswitch(hz, 'a', vpc, '10.1.1.0/24', 'cn-hangzhou-h', 'tf-replay-a'));
      r.b = await run.create(vswitch(hz, 'b', vpc, '10.1.2.0/24', 'cn-hangzhou-i', 'tf-replay-b'));
      r.rt = await run.create(
        new RouteTable(hz, 'alicloud_route_table.custom', {
          vpc_id: vpc.id,
          route_table_name: 'tf-replay-custom',
          description: 'custom table',
          associate_type: 'VSwitch',
        }),
      );
      await run.create(new RouteTableAttachment(hz, 'alicloud_route_table_attachment.a', { route_table_id: r.rt.id, vswitch_id: r.a.id }));
      r.hop = await run.create(
        new ExpressConnectRouterInterface(hz, 'alicloud_express_connect_router_interface.hop', {
          router_type: 'VRouter',
          router_id: vpc.routerId,
          role: 'InitiatingSide',
          spec: 'Mini.2',
          opposite_region_id: SH,
          payment_type: 'PayAsYouGo',
          router_interface_name: 'tf-replay-hop',
        }),
      );
      await run.create(
        new RouteEntry(hz, 'alicloud_route_entry.legacy', {
          route_table_id: vpc.routeTableId,
          destination_cidrblock: '192.168.10.0/24',
          nexthop_type: 'RouterInterface',
          nexthop_id: r.hop.id,
          name: 'tf-legacy-entry',
        }),
      );
      r.entry = await run.create(
        new VpcRouteEntry(hz, 'alicloud_vpc_route_entry.custom', {
          route_table_id: r.rt.id,
          destination_cidr_block: '192.168.20.0/24',
          nexthop_type: 'RouterInterface',
          nexthop_id: r.hop.id,
          route_entry_name: 'tf-vpc-entry',
          description: 'to the interface',
        }),
      );
    });
    await run.phase('refresh', () => run.refresh());
    await run.phase('update: names, descriptions, tags, resource group', async () => {
      const { vpc, a, rt, entry, hop } = r as Required<typeof r>;
      await run.change(vpc, {
        ...vpc.config,
        vpc_name: 'tf-replay-main-2',
        description: 'stack 1, renamed',
        resource_group_id: RG,
        system_route_table_name: 'tf-replay-system',
        tags: { env: 'test', team: 'network' },
      });
      await run.change(vpc, { ...vpc.config, tags: { env: 'prod' } }); // UnTagResources(team, env), TagResources(env)
      await run.change(a, { ...a.config, vswitch_name: 'tf-replay-a-2', description: 'renamed', tags: { env: 'test' } });
      await run.change(rt, { ...rt.config, route_table_name: 'tf-replay-custom-2', description: 'renamed', tags: { env: 'test' } });
      await run.change(entry, { ...entry.config, route_entry_name: 'tf-vpc-entry-2', description: 'renamed' });
      await run.change(hop, { ...hop.config, router_interface_name: 'tf-replay-hop-2', tags: { env: 'test' } });
    });
    await run.phase('refresh after update', () => run.refresh());
    await run.destroy();
    await run.checkLeftovers([HZ]);
    run.assertClean();
  });
});

/** Two VPCs in two regions through two providers (aliases) on the same server. */
async function twoVpcs(run: Replay, hz: Provider, sh: Provider, cidrs: [string, string]): Promise<[Vpc, Vpc]> {
  const a = await run.create(new Vpc(hz, 'alicloud_vpc.hangzhou', { vpc_name: 'tf-replay-hz', cidr_block: cidrs[0] }));
  const b = await run.create(new Vpc(sh, 'alicloud_vpc.shanghai', { vpc_name: 'tf-replay-sh', cidr_block: cidrs[1] }));
  return [a, b];
}

test('stack 2: two VPCs in two regions joined by legacy alicloud_router_interface + alicloud_router_interface_connection (waits poll through Pending)', async () => {
  await withServer(150, async (srv) => {
    const run = new Replay(srv);
    const hz = run.provider(HZ);
    const sh = run.provider(SH, 'sh');
    const uid = srv.config.defaultAccount.aliUid;
    const r: { a?: Vpc; ini?: RouterInterface; conn?: RouterInterfaceConnection } = {};

    await run.phase('apply', async () => {
      const [a, b] = await twoVpcs(run, hz, sh, ['10.2.0.0/16', '10.3.0.0/16']);
      r.a = a;
      const ini = (r.ini = await run.create(
        new RouterInterface(hz, 'alicloud_router_interface.initiating', {
          opposite_region: SH,
          router_type: 'VRouter',
          router_id: a.routerId,
          role: 'InitiatingSide',
          specification: 'Large.2',
          name: 'tf-replay-ini',
          description: 'initiating side',
        }),
      ));
      const acc = await run.create(
        new RouterInterface(sh, 'alicloud_router_interface.accepting', {
          opposite_region: HZ,
          router_type: 'VRouter',
          router_id: b.routerId,
          role: 'AcceptingSide',
          name: 'tf-replay-acc',
        }),
      );
      r.conn = await connect(
        run,
        uid,
        { name: 'accepting', p: sh, id: acc.id, routerId: b.routerId },
        { name: 'initiating', p: hz, id: ini.id, routerId: a.routerId },
      );
      assert.equal(r.conn.state.status, 'Active', 'the initiating connection is Active after apply');
    });
    await run.phase('refresh', () => run.refresh());
    await run.phase('update: name, spec, tags', async () => {
      const { a, ini } = r as Required<typeof r>;
      await run.change(ini, { ...ini.config, name: 'tf-replay-ini-2', specification: 'Large.1' });
      await run.change(a, { ...a.config, tags: { env: 'test' } });
    });
    await run.phase('refresh after update', () => run.refresh());
    // The legacy resource does not wait after ModifyRouterInterfaceSpec (Activating for a while): the
    // next `terraform destroy` comes later, as it would from a person or a pipeline.
    await sleep(600);
    await run.destroy();
    await run.checkLeftovers([HZ, SH]);

    // With a 150 ms transition delay the waits must have polled through the transitional states.
    const waits = run.ledger.waits;
    const saw = (what: RegExp, state: string) => waits.some((w) => what.test(w.what) && w.ok && w.seen.includes(state));
    if (!saw(/alicloud_vpc\.hangzhou create/, 'Pending')) run.failures.push('the VPC create wait never saw Pending');
    if (r.conn?.id && !saw(/alicloud_router_interface_connection\.initiating connection Active/, 'Connecting')) {
      run.failures.push('the connection wait never saw Connecting');
    }
    run.assertClean();
  });
});

test('stack 3 (the README example): two VPCs and VSwitches in two regions, an alicloud_express_connect_router_interface pair (VRouter to VRouter, PayAsYouGo) connected, routes through it, a spec change and a tag change', async () => {
  await withServer(0, async (srv) => {
    const run = new Replay(srv);
    // The providers are what `localvpc env --format terraform` prints for this server.
    const [hzBlock, shBlock, ...more] = providerBlocks(await envTerraform(srv, [HZ, SH]));
    assert.ok(hzBlock && shBlock && more.length === 0, 'one block per region');
    assert.equal(shBlock.settings.alias, SH);
    const hz = run.providerFrom(providerOptions(hzBlock));
    const sh = run.providerFrom(providerOptions(shBlock, 'shanghai'));
    const uid = srv.config.defaultAccount.aliUid;
    const r: { ini?: ExpressConnectRouterInterface; acc?: ExpressConnectRouterInterface } = {};

    await run.phase('apply', async () => {
      const [a, b] = await twoVpcs(run, hz, sh, ['10.1.0.0/16', '10.2.0.0/16']);
      await run.create(vswitch(hz, 'hangzhou', a, '10.1.1.0/24', 'cn-hangzhou-h', 'hz-a'));
      await run.create(vswitch(sh, 'shanghai', b, '10.2.1.0/24', 'cn-shanghai-b', 'sh-a'));
      const ini = (r.ini = await run.create(
        new ExpressConnectRouterInterface(hz, 'alicloud_express_connect_router_interface.hangzhou', {
          router_type: 'VRouter',
          router_id: a.routerId,
          role: 'InitiatingSide',
          spec: 'Mini.2',
          opposite_region_id: SH,
          payment_type: 'PayAsYouGo',
          opposite_router_id: b.routerId,
          opposite_router_type: 'VRouter',
          opposite_interface_owner_id: uid,
          router_interface_name: 'hz-to-sh',
          description: 'initiating side',
          tags: { side: 'initiating' },
        }),
      ));
      const acc = (r.acc = await run.create(
        new ExpressConnectRouterInterface(sh, 'alicloud_express_connect_router_interface.shanghai', {
          router_type: 'VRouter',
          router_id: b.routerId,
          role: 'AcceptingSide',
          spec: 'Negative',
          opposite_region_id: HZ,
          payment_type: 'PayAsYouGo',
          opposite_router_id: a.routerId,
          opposite_router_type: 'VRouter',
          opposite_interface_owner_id: uid,
          router_interface_name: 'sh-from-hz',
        }),
      ));
      // The resource has no opposite_interface_id (deprecated, never sent) and never calls
      // ConnectRouterInterface: the link is made by the legacy connection resources, accepting side first.
      await connect(
        run,
        uid,
        { name: 'shanghai', p: sh, id: acc.id, routerId: b.routerId },
        { name: 'hangzhou', p: hz, id: ini.id, routerId: a.routerId },
      );
      // Each VPC's routes to the other through its own end.
      for (const [p, name, vpc, cidr, ri] of [
        [hz, 'hangzhou_to_shanghai', a, '10.2.0.0/16', ini],
        [sh, 'shanghai_to_hangzhou', b, '10.1.0.0/16', acc],
      ] as const) {
        await run.create(
          new VpcRouteEntry(p, `alicloud_vpc_route_entry.${name}`, {
            route_table_id: vpc.routeTableId,
            destination_cidr_block: cidr,
            nexthop_type: 'RouterInterface',
            nexthop_id: ri.id,
          }),
        );
      }
    });
    await run.phase('refresh', async () => {
      await run.refresh();
      assert.equal(r.ini?.state.status, 'Active', 'the initiating interface is Active after the connection');
      assert.equal(r.acc?.state.status, 'Active', 'the accepting interface is Active after the connection');
    });
    await run.phase('update: spec, tags, name, resource group', async () => {
      const ini = r.ini as ExpressConnectRouterInterface;
      await run.change(ini, { ...ini.config, spec: 'Mini.5' }); // ModifyRouterInterfaceSpec, then a wait for Active
      await run.change(ini, { ...ini.config, tags: { side: 'initiating', env: 'test' } });
      await run.change(ini, { ...ini.config, tags: { env: 'prod' } });
      await run.change(ini, { ...ini.config, router_interface_name: 'hz-to-sh-2', description: 'renamed', resource_group_id: RG });
    });
    await run.phase('refresh after update', () => run.refresh());
    await run.destroy();
    await run.checkLeftovers([HZ, SH]);
    run.assertClean();
  });
});

test('stack 4: a VBR on an Enabled physical connection, with a fast-link interface to a VPC destroyed through DeleteExpressConnect', async () => {
  await withServer(0, async (srv) => {
    const run = new Replay(srv);
    const hz = run.provider(HZ);
    const uid = srv.config.defaultAccount.aliUid;
    const accessPoint = `ap-${HZ}-xa-A`;
    let pcId = '';
    const r: { vbr?: VirtualBorderRouter; fast?: ExpressConnectRouterInterface } = {};

    // Outside Terraform: a physical connection made through the API, Enabled after the transition delay.
    const physicalConnection = async (): Promise<Record<string, unknown> | undefined> => {
      const res = await hz.rpc('DescribePhysicalConnections', { RegionId: HZ, Filter: [{ Key: 'PhysicalConnectionId', Value: [pcId] }] });
      const list = at(res, 'PhysicalConnectionSet.PhysicalConnectionType');
      return Array.isArray(list) ? (list[0] as Record<string, unknown> | undefined) : undefined;
    };
    /** Waits until the physical connection is in one of `target` (none: gone). */
    const physicalConnectionWait = (what: string, target: string[]) =>
      hz.waitFor(`physical connection ${what}`, target, async () => {
        const pc = await physicalConnection();
        return { obj: pc ?? null, state: String(pc?.Status) };
      });
    await run.phase('fixture: an Enabled physical connection', async () => {
      const res = await hz.rpc('CreatePhysicalConnection', {
        RegionId: HZ,
        AccessPointId: accessPoint,
        LineOperator: 'CT',
        PortType: '1000Base-LX',
        Name: 'tf-replay-pc',
        ClientToken: hz.clientToken('CreatePhysicalConnection'),
      });
      pcId = String(res.PhysicalConnectionId);
      await physicalConnectionWait('Enabled', ['Enabled']);
    });
    await run.phase('apply', async () => {
      const vpc = await run.create(new Vpc(hz, 'alicloud_vpc.main', { vpc_name: 'tf-replay-vbr-target', cidr_block: '10.4.0.0/16' }));
      const vbr = (r.vbr = await run.create(
        new VirtualBorderRouter(hz, 'alicloud_express_connect_virtual_border_router.main', {
          physical_connection_id: pcId,
          vlan_id: 100,
          local_gateway_ip: '10.100.0.1',
          peer_gateway_ip: '10.100.0.2',
          peering_subnet_mask: '255.255.255.252',
          virtual_border_router_name: 'tf-replay-vbr',
          description: 'stack 4',
        }),
      ));
      r.fast = await run.create(
        new ExpressConnectRouterInterface(hz, 'alicloud_express_connect_router_interface.fast_link', {
          router_type: 'VBR',
          router_id: vbr.id,
          role: 'InitiatingSide',
          spec: 'Mini.2',
          opposite_region_id: HZ,
          payment_type: 'PayAsYouGo',
          access_point_id: accessPoint,
          opposite_router_id: vpc.routerId,
          opposite_router_type: 'VRouter',
          opposite_interface_owner_id: uid,
          fast_link_mode: true,
          router_interface_name: 'tf-replay-fast',
        }),
      );
    });
    await run.phase('refresh', async () => {
      await run.refresh();
      assert.equal(r.fast?.state.fast_link_mode, true, 'fast_link_mode is read back true (the delete depends on it)');
    });
    await run.phase('update: VBR name, description, tags, resource group; interface spec and tags', async () => {
      const { vbr, fast } = r as Required<typeof r>;
      await run.change(vbr, { ...vbr.config, virtual_border_router_name: 'tf-replay-vbr-2', description: 'renamed' });
      await run.change(vbr, { ...vbr.config, tags: { env: 'test', owner: 'net' } });
      await run.change(vbr, { ...vbr.config, tags: { env: 'prod' }, resource_group_id: RG });
      await run.change(fast, { ...fast.config, spec: 'Mini.5', tags: { env: 'test' } });
    });
    await run.phase('refresh after update', () => run.refresh());
    await run.destroy();
    // The physical connection goes the way the API takes it: terminated, then deleted.
    if (pcId) {
      await run.fixture('fixture teardown: TerminatePhysicalConnection, DeletePhysicalConnection', async () => {
        await hz.rpc('TerminatePhysicalConnection', {
          RegionId: HZ,
          PhysicalConnectionId: pcId,
          ClientToken: hz.clientToken('TerminatePhysicalConnection'),
        });
        await physicalConnectionWait('Terminated', ['Terminated']);
        await hz.rpc('DeletePhysicalConnection', {
          RegionId: HZ,
          PhysicalConnectionId: pcId,
          ClientToken: hz.clientToken('DeletePhysicalConnection'),
        });
        await physicalConnectionWait('gone', []);
      });
    }
    await run.checkLeftovers([HZ]);
    run.assertClean();
  });
});
