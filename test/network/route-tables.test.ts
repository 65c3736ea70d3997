// Route tables and route entries through @alicloud/pop-core and the official SDK: custom tables and
// their association with vSwitches, the System entries that follow each vSwitch, the legacy
// DescribeRouteTables, custom entries (one router interface, or ECMP over 2 to 4), ModifyRouteEntry,
// ListVpcPublishedRouteEntries, and every new error path.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ACCOUNTS, openWorld, type World } from '../helpers/world.js';
import { Vpc, popJson, popError, type PopClient } from '../helpers/clients.js';
import type { TestServer } from '../helpers/server.js';
import { typedCall } from '../helpers/types.js';

let srv: TestServer;
let w: World;
let pop: PopClient;
const REGION = 'cn-beijing';

before(async () => {
  ({ srv, w } = await openWorld());
  pop = popJson(srv.port);
});
after(async () => srv.close());

interface TableRow {
  RouteTableId: string;
  RouteTableType: string;
  Status: string;
  VSwitchIds: { VSwitchId: string[] };
}

async function network(cidr = '10.0.0.0/16'): Promise<{ vpcId: string; routerId: string; systemTable: string; vsw: string[] }> {
  const v = await pop.request<{ VpcId: string; VRouterId: string; RouteTableId: string }>('CreateVpc', {
    RegionId: REGION,
    CidrBlock: cidr,
  });
  const base = cidr.split('.').slice(0, 2).join('.');
  const vsw = [];
  for (let i = 1; i <= 2; i++) {
    vsw.push(
      (
        await pop.request<{ VSwitchId: string }>('CreateVSwitch', {
          RegionId: REGION,
          VpcId: v.VpcId,
          ZoneId: 'cn-beijing-c',
          CidrBlock: `${base}.${i}.0/24`,
        })
      ).VSwitchId,
    );
  }
  return { vpcId: v.VpcId, routerId: v.VRouterId, systemTable: v.RouteTableId, vsw };
}

async function tables(vpcId: string): Promise<TableRow[]> {
  const r = (await typedCall(srv.port, 'DescribeRouteTableList', { RegionId: REGION, VpcId: vpcId })) as {
    RouterTableList: { RouterTableListType: TableRow[] };
  };
  return r.RouterTableList.RouterTableListType;
}

async function entries(tableId: string, q: Record<string, string> = {}) {
  const r = (await typedCall(srv.port, 'DescribeRouteEntryList', { RegionId: REGION, RouteTableId: tableId, ...q })) as {
    RouteEntrys: {
      RouteEntry: {
        Type: string;
        DestinationCidrBlock: string;
        NextHops: { NextHop: { NextHopType: string; NextHopId: string; Weight: number }[] };
      }[];
    };
  };
  return r.RouteEntrys.RouteEntry;
}

describe('custom route tables', () => {
  test('create (Pending, then Available), associate a vSwitch, its System entry moves, unassociate, delete', async () => {
    const n = await network();
    const created = await w
      .client()
      .createRouteTable(
        new Vpc.CreateRouteTableRequest({ regionId: REGION, vpcId: n.vpcId, routeTableName: 'private', description: 'Private subnets' }),
      );
    const rt = created.body?.routeTableId as string;
    const listed = await tables(n.vpcId);
    assert.deepEqual(
      listed.map((t) => [t.RouteTableId, t.RouteTableType]),
      [
        [n.systemTable, 'System'],
        [rt, 'Custom'],
      ],
    );
    assert.deepEqual(listed[0]?.VSwitchIds.VSwitchId, n.vsw);
    await w.client().associateRouteTable(new Vpc.AssociateRouteTableRequest({ regionId: REGION, routeTableId: rt, vSwitchId: n.vsw[0] }));
    const after = await tables(n.vpcId);
    assert.deepEqual(after[0]?.VSwitchIds.VSwitchId, [n.vsw[1]]);
    assert.deepEqual(after[1]?.VSwitchIds.VSwitchId, [n.vsw[0]]);
    const sys = (await entries(n.systemTable, { RouteEntryType: 'System' })).map((e) => e.DestinationCidrBlock);
    assert.deepEqual(sys.sort(), ['10.0.2.0/24', '100.64.0.0/10']);
    const custom = (await entries(rt)).map((e) => [e.Type, e.DestinationCidrBlock, e.NextHops.NextHop[0]?.NextHopType]);
    assert.deepEqual(custom, [
      ['System', '10.0.1.0/24', 'local'],
      ['System', '100.64.0.0/10', 'service'],
    ]);
    const attr = await pop.request<{ RouteTable: { RouteTableId: string; RouteTableType: string } }>('DescribeVSwitchAttributes', {
      RegionId: REGION,
      VSwitchId: n.vsw[0],
    });
    assert.deepEqual(attr.RouteTable, { RouteTableId: rt, RouteTableType: 'Custom' });
    const again = await popError(pop.request('AssociateRouteTable', { RegionId: REGION, RouteTableId: rt, VSwitchId: n.vsw[0] }));
    assert.equal(again.code, 'ResourceAlreadyAssociated.RouteTable');
    const busy = await popError(pop.request('DeleteRouteTable', { RegionId: REGION, RouteTableId: rt }));
    assert.equal(busy.code, 'IncorrectVSwitchStatus');
    const vswBusy = await popError(pop.request('DeleteVSwitch', { RegionId: REGION, VSwitchId: n.vsw[0] }));
    assert.equal(vswBusy.code, 'DependencyViolation.RouteTable');
    await w
      .client()
      .unassociateRouteTable(new Vpc.UnassociateRouteTableRequest({ regionId: REGION, routeTableId: rt, vSwitchId: n.vsw[0] }));
    const notBound = await popError(pop.request('UnassociateRouteTable', { RegionId: REGION, RouteTableId: rt, VSwitchId: n.vsw[0] }));
    assert.deepEqual([notBound.code, notBound.status], ['InvalidBindingStatus.RouteTable', 404]);
    await w.client().modifyRouteTableAttributes(
      new Vpc.ModifyRouteTableAttributesRequest({
        regionId: REGION,
        routeTableId: rt,
        routeTableName: 'renamed',
        routePropagationEnable: false,
      }),
    );
    const mod = (
      await pop.request<{
        RouterTableList: { RouterTableListType: (TableRow & { RouteTableName: string; RoutePropagationEnable: boolean })[] };
      }>('DescribeRouteTableList', { RegionId: REGION, RouteTableId: rt })
    ).RouterTableList.RouterTableListType[0];
    assert.deepEqual([mod?.RouteTableName, mod?.RoutePropagationEnable], ['renamed', false]);
    await w.client().deleteRouteTable(new Vpc.DeleteRouteTableRequest({ regionId: REGION, routeTableId: rt }));
    assert.equal((await tables(n.vpcId)).length, 1);
  });

  test('the rules: system tables, other VPCs, quota, unknown ids', async () => {
    const n = await network('10.1.0.0/16');
    const m = await network('10.2.0.0/16');
    const rt = (await pop.request<{ RouteTableId: string }>('CreateRouteTable', { RegionId: REGION, VpcId: n.vpcId })).RouteTableId;
    const cases: [string, Record<string, unknown>, string, number][] = [
      ['AssociateRouteTable', { RouteTableId: n.systemTable, VSwitchId: n.vsw[0] }, 'OperationDenied.SwitchToSystemRouteTable', 400],
      ['AssociateRouteTable', { RouteTableId: rt, VSwitchId: m.vsw[0] }, 'Forbidden.NotInSameVpc', 404],
      ['AssociateRouteTable', { RouteTableId: rt, VSwitchId: 'vsw-2zenosuch' }, 'InvalidVSwitchId.NotFound', 404],
      ['AssociateRouteTable', { RouteTableId: 'vtb-2zenosuch', VSwitchId: n.vsw[0] }, 'InvalidRouteTableId.NotFound', 400],
      ['UnassociateRouteTable', { RouteTableId: n.systemTable, VSwitchId: n.vsw[0] }, 'OperationUnsupported.SystemRouteTable', 404],
      ['DeleteRouteTable', { RouteTableId: n.systemTable }, 'IncorrectRouteTableType', 400],
      ['ModifyRouteTableAttributes', { RouteTableId: 'vtb-2zenosuch', RouteTableName: 'x' }, 'Abs.InvalidRouteTableId.NotExist', 400],
      ['CreateRouteTable', { VpcId: 'vpc-2zenosuch' }, 'InvalidVpcId.NotFound', 404],
      ['CreateRouteTable', { VpcId: n.vpcId, RouteTableName: 'https://x' }, 'InvalidParameter.RouteTableName.Malformed', 400],
    ];
    for (const [action, params, code, status] of cases) {
      const e = await popError(pop.request(action, { RegionId: REGION, ...params }));
      assert.deepEqual([e.code, e.status], [code, status], `${action} ${JSON.stringify(params)}`);
    }
    for (let i = 0; i < 8; i++) await pop.request('CreateRouteTable', { RegionId: REGION, VpcId: n.vpcId });
    const quota = await popError(pop.request('CreateRouteTable', { RegionId: REGION, VpcId: n.vpcId }));
    assert.equal(quota.code, 'QuotaExceeded.RouteTable');
    const b = await popError(
      popJson(srv.port, '2016-04-28', ACCOUNTS.b.key).request('DeleteRouteTable', { RegionId: REGION, RouteTableId: rt }),
    );
    assert.equal(b.code, 'InvalidRouteTableId.NotFound');
  });
});

describe('route entries', () => {
  /** A VPC with router interfaces whose opposite end is a VBR (the only kind ECMP accepts). */
  async function vpcWithVbrInterfaces(count: number) {
    const n = await network('10.9.0.0/16');
    const ris: string[] = [];
    for (let i = 0; i < count; i++) {
      ris.push(
        (
          await pop.request<{ RouterInterfaceId: string }>('CreateRouterInterface', {
            RegionId: REGION,
            Role: 'AcceptingSide',
            RouterType: 'VRouter',
            RouterId: n.routerId,
            Spec: 'Negative',
            OppositeRegionId: REGION,
            OppositeRouterType: 'VBR',
          })
        ).RouterInterfaceId,
      );
    }
    return { ...n, ris };
  }

  test('one next hop: listed by DescribeRouteEntryList and by the legacy DescribeRouteTables, modified, deleted', async () => {
    const n = await vpcWithVbrInterfaces(1);
    const ri = n.ris[0] as string;
    const id = (
      await pop.request<{ RouteEntryId: string }>('CreateRouteEntry', {
        RegionId: REGION,
        RouteTableId: n.systemTable,
        DestinationCidrBlock: '192.168.0.0/16',
        NextHopType: 'RouterInterface',
        NextHopId: ri,
        RouteEntryName: 'to-idc',
      })
    ).RouteEntryId;
    const custom = await entries(n.systemTable, { RouteEntryType: 'Custom' });
    assert.deepEqual(
      custom.map((e) => [e.DestinationCidrBlock, e.NextHops.NextHop.map((h) => [h.NextHopType, h.NextHopId])]),
      [['192.168.0.0/16', [['RouterInterface', ri]]]],
    );
    const legacy = (await typedCall(srv.port, 'DescribeRouteTables', { RegionId: REGION, RouteTableId: n.systemTable })) as {
      RouteTables: {
        RouteTable: { RouteEntrys: { RouteEntry: { Type: string; InstanceId: string; DestinationCidrBlock: string; Status: string }[] } }[];
      };
    };
    const rows = legacy.RouteTables.RouteTable[0]?.RouteEntrys.RouteEntry ?? [];
    assert.deepEqual(rows.map((r) => [r.Type, r.DestinationCidrBlock]).sort(), [
      ['Custom', '192.168.0.0/16'],
      ['System', '10.9.1.0/24'],
      ['System', '10.9.2.0/24'],
      ['System', '100.64.0.0/10'],
    ]);
    assert.equal(rows.find((r) => r.Type === 'Custom')?.InstanceId, ri);
    const byRouter = await pop.request<{ TotalCount: number }>('DescribeRouteTables', { RegionId: REGION, VRouterId: n.routerId });
    assert.equal(byRouter.TotalCount, 1);
    await pop.request('ModifyRouteEntry', {
      RegionId: REGION,
      RouteTableId: n.systemTable,
      DestinationCidrBlock: '192.168.0.0/16',
      RouteEntryName: 'renamed',
      Description: 'Described',
    });
    await w.client().modifyRouteEntry(new Vpc.ModifyRouteEntryRequest({ regionId: REGION, routeEntryId: id, description: 'Again' }));
    const modified = await pop.request<{ RouteEntrys: { RouteEntry: { RouteEntryName: string; Description: string }[] } }>(
      'DescribeRouteEntryList',
      { RegionId: REGION, RouteTableId: n.systemTable, RouteEntryId: id },
    );
    assert.deepEqual(
      [modified.RouteEntrys.RouteEntry[0]?.RouteEntryName, modified.RouteEntrys.RouteEntry[0]?.Description],
      ['renamed', 'Again'],
    );
    const newHop = await popError(
      pop.request('ModifyRouteEntry', { RegionId: REGION, RouteEntryId: id, NewNextHopType: 'RouterInterface', NewNextHopId: ri }),
    );
    assert.equal(newHop.code, 'IllegealParam.NextHopType');
    const published = await pop.request<{ RouteEntries: { RouteEntryId: string; RoutePublishTargets: unknown[] }[] }>(
      'ListVpcPublishedRouteEntries',
      { RegionId: REGION, RouteTableId: n.systemTable, DestinationCidrBlock: '192.168.0.0/16', TargetType: 'ECR' },
    );
    assert.deepEqual(
      published.RouteEntries.map((e) => [e.RouteEntryId, e.RoutePublishTargets]),
      [[id, []]],
    );
    const referred = await popError(pop.request('DeleteRouterInterface', { RegionId: REGION, RouterInterfaceId: ri }));
    assert.equal(referred.code, 'RouterInterfaceReferredByRouteEntry');
    await pop.request('DeleteRouteEntry', {
      RegionId: REGION,
      RouteTableId: n.systemTable,
      DestinationCidrBlock: '192.168.0.0/16',
      NextHopId: ri,
    });
    assert.deepEqual(await entries(n.systemTable, { RouteEntryType: 'Custom' }), []);
    await pop.request('DeleteRouterInterface', { RegionId: REGION, RouterInterfaceId: ri });
  });

  test('ECMP over router interfaces to VBRs: 2 to 4 hops, weights, partial and whole deletion', async () => {
    const n = await vpcWithVbrInterfaces(4);
    const list = (ids: string[]) =>
      Object.fromEntries(
        ids.flatMap((id, i) => [
          [`NextHopList.${i + 1}.NextHopType`, 'RouterInterface'],
          [`NextHopList.${i + 1}.NextHopId`, id],
          [`NextHopList.${i + 1}.Weight`, String(10 * (i + 1))],
        ]),
      );
    await pop.request('CreateRouteEntry', {
      RegionId: REGION,
      RouteTableId: n.systemTable,
      DestinationCidrBlock: '172.16.0.0/12',
      ...list(n.ris.slice(0, 3)),
    });
    const e = (await entries(n.systemTable, { RouteEntryType: 'Custom' }))[0];
    assert.deepEqual(
      e?.NextHops.NextHop.map((h) => [h.NextHopId, h.Weight]).sort(),
      n.ris
        .slice(0, 3)
        .map((id, i) => [id, 10 * (i + 1)])
        .sort(),
    );
    const legacy = await pop.request<{
      RouteTables: {
        RouteTable: {
          RouteEntrys: { RouteEntry: { Type: string; InstanceId: string; NextHopType: string; NextHops: { NextHop: unknown[] } }[] };
        }[];
      };
    }>('DescribeRouteTables', { RegionId: REGION, RouteTableId: n.systemTable });
    const ecmp = legacy.RouteTables.RouteTable[0]?.RouteEntrys.RouteEntry.find((r) => r.Type === 'Custom');
    assert.deepEqual([ecmp?.InstanceId, ecmp?.NextHopType, ecmp?.NextHops.NextHop.length], ['', '', 3]);
    for (const ri of n.ris.slice(0, 3))
      assert.equal(
        (await popError(pop.request('DeleteRouterInterface', { RegionId: REGION, RouterInterfaceId: ri }))).code,
        'RouterInterfaceReferredByRouteEntry',
      );
    await pop.request('DeleteRouteEntry', {
      RegionId: REGION,
      RouteTableId: n.systemTable,
      DestinationCidrBlock: '172.16.0.0/12',
      'NextHopList.1.NextHopId': n.ris[0],
      'NextHopList.1.NextHopType': 'RouterInterface',
    });
    assert.equal((await entries(n.systemTable, { RouteEntryType: 'Custom' }))[0]?.NextHops.NextHop.length, 2);
    await pop.request('DeleteRouterInterface', { RegionId: REGION, RouterInterfaceId: n.ris[0] });
    await pop.request('DeleteRouteEntry', { RegionId: REGION, RouteTableId: n.systemTable, DestinationCidrBlock: '172.16.0.0/12' });
    assert.deepEqual(await entries(n.systemTable, { RouteEntryType: 'Custom' }), []);
    const cases: [Record<string, unknown>, string][] = [
      [list(n.ris.slice(1, 2)), 'InvalidNexthopListSize'],
      [{ ...list(n.ris.slice(1, 3)), 'NextHopList.2.NextHopId': n.ris[1] }, 'Duplicated.VpcNextHop'],
      [{ ...list(n.ris.slice(1, 3)), NextHopType: 'RouterInterface' }, 'InvalidNexthopTypeAndList.BothNotNull'],
      [{ ...list(n.ris.slice(1, 3)), 'NextHopList.1.Weight': '300' }, 'INVALID_WEIGHT_PARAM'],
      [{ ...list(n.ris.slice(1, 3)), 'NextHopList.1.NextHopType': 'Instance' }, 'OperationUnsupported.InvalidRouterInterfaceType'],
    ];
    for (const [params, code] of cases) {
      assert.equal(
        (
          await popError(
            pop.request('CreateRouteEntry', {
              RegionId: REGION,
              RouteTableId: n.systemTable,
              DestinationCidrBlock: '172.16.0.0/12',
              ...params,
            }),
          )
        ).code,
        code,
        JSON.stringify(params),
      );
    }
    const custom = (await pop.request<{ RouteTableId: string }>('CreateRouteTable', { RegionId: REGION, VpcId: n.vpcId })).RouteTableId;
    assert.equal(
      (
        await popError(
          pop.request('CreateRouteEntry', {
            RegionId: REGION,
            RouteTableId: custom,
            DestinationCidrBlock: '172.16.0.0/12',
            ...list(n.ris.slice(1, 3)),
          }),
        )
      ).code,
      'OperationUnsupported.SubRouteTableECMP',
    );
  });

  test('next hops that do not exist, destinations that conflict, system entries that cannot be deleted', async () => {
    const n = await vpcWithVbrInterfaces(1);
    const ri = n.ris[0] as string;
    const base = { RegionId: REGION, RouteTableId: n.systemTable, DestinationCidrBlock: '192.168.0.0/16' };
    const cases: [Record<string, unknown>, string, number][] = [
      [{ NextHopType: 'Instance', NextHopId: 'i-2zenosuchinstance' }, 'InvalidNextHop.NotFound', 400],
      [{ NextHopType: 'NatGateway', NextHopId: 'ngw-2zenosuch' }, 'InvalidNextHop.NotFound', 400],
      [{ NextHopType: 'Teleporter', NextHopId: ri }, 'InvalidNextHopType', 400],
      [{ NextHopType: 'RouterInterface', NextHopId: 'ri-2zenosuch' }, 'InvalidNextHop.NotFound', 400],
      [{ DestinationCidrBlock: '10.9.1.0/24', NextHopType: 'RouterInterface', NextHopId: ri }, 'RouteConflict.AlreadyExist', 400],
      [{ DestinationCidrBlock: '10.9.1.0/28', NextHopType: 'RouterInterface', NextHopId: ri }, 'RouteConflict.AlreadyExist', 400],
      [{ DestinationCidrBlock: '100.64.1.0/24', NextHopType: 'RouterInterface', NextHopId: ri }, 'InvalidDestinationCidrBlock', 400],
      [{ RouteTableId: 'vtb-2zenosuch', NextHopType: 'RouterInterface', NextHopId: ri }, 'InvalidRouteTableId.NotFound', 404],
    ];
    for (const [params, code, status] of cases) {
      const e = await popError(pop.request('CreateRouteEntry', { ...base, ...params }));
      assert.deepEqual([e.code, e.status], [code, status], JSON.stringify(params));
    }
    const sys = await popError(
      pop.request('DeleteRouteEntry', { RegionId: REGION, RouteTableId: n.systemTable, DestinationCidrBlock: '10.9.1.0/24' }),
    );
    assert.equal(sys.code, 'OperationDenied');
    const both = await popError(pop.request('DeleteRouteEntry', { RegionId: REGION, RouteEntryId: 'rte-x', RouteTableId: n.systemTable }));
    assert.equal(both.code, 'ParamExclusive.RouteEntryIdAndRouteTableIdOrDestCidrBlock');
    const missing = await popError(
      pop.request('DeleteRouteEntry', { RegionId: REGION, RouteTableId: n.systemTable, DestinationCidrBlock: '192.168.9.0/24' }),
    );
    assert.equal(missing.code, 'InvalidRouteEntry.NotFound');
    const vswConflict = await pop.request<{ RouteEntryId: string }>('CreateRouteEntry', {
      ...base,
      DestinationCidrBlock: '10.9.200.0/24',
      NextHopType: 'RouterInterface',
      NextHopId: ri,
    });
    assert.ok(vswConflict.RouteEntryId);
    const taken = await popError(
      pop.request('CreateVSwitch', { RegionId: REGION, VpcId: n.vpcId, ZoneId: 'cn-beijing-c', CidrBlock: '10.9.200.0/24' }),
    );
    assert.equal(taken.code, 'RouteConflict.AlreadyExist');
  });
});
