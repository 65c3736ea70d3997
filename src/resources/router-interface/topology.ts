// What the web console draws: every account, router (VPC vRouters and VBRs), vSwitch, router
// interface and route entry, across accounts and regions, read in one unit. Not an API of Alibaba:
// the console's own view, served to the admin token only.
// Known gap: everything is read at once (about 400 bytes an interface): fine for tens of
// thousands, not for a million.
import type { Tx } from '../../store/port.js';
import { ACCOUNTS } from '../accounts/storage.js';
import { ROUTE_ENTRIES, ROUTE_ENTRY_HOPS } from '../route-entry/storage.js';
import { parseTags } from '../shared/validation.js';
import { ROUTERS, VPCS } from '../vpc/storage.js';
import { VSWITCHES } from '../vswitch/storage.js';
import { HELD } from '../../engine/transition-policy.js';
import { ROUTER_INTERFACES } from './storage.js';

export async function topology(tx: Tx) {
  const vpcs = new Map((await tx.repo(VPCS).find({})).map((v) => [v.id, v]));
  const hops = new Map<string, { type: string; id: string }[]>();
  for (const h of await tx.repo(ROUTE_ENTRY_HOPS).find({})) {
    const list = hops.get(h.entryId) ?? [];
    list.push({ type: h.nextHopType, id: h.nextHopId });
    hops.set(h.entryId, list);
  }
  return {
    accounts: (await tx.repo(ACCOUNTS).find({}, { orderBy: ['id'] })).map((a) => ({
      id: a.id,
      name: a.name,
      site: a.site,
      billsOutstanding: a.billsOutstanding,
      financialLocked: a.financialLocked,
    })),
    routers: (await tx.repo(ROUTERS).find({}, { orderBy: ['createdAt', 'id'] })).map((r) => {
      const vpc = vpcs.get(r.vpcId);
      return {
        id: r.id,
        kind: r.kind,
        accountId: r.accountId,
        regionId: r.regionId,
        vpcId: r.vpcId,
        name: vpc?.name || r.name,
        cidrBlock: vpc?.cidrBlock ?? '',
        status: vpc?.status ?? '',
        routeTableId: r.routeTableId,
      };
    }),
    vswitches: (await tx.repo(VSWITCHES).find({}, { orderBy: ['createdAt', 'id'] })).map((v) => ({
      id: v.id,
      vpcId: v.vpcId,
      accountId: v.accountId,
      regionId: v.regionId,
      zoneId: v.zoneId,
      cidrBlock: v.cidrBlock,
      name: v.name,
      status: v.status,
      routeTableId: v.routeTableId,
    })),
    interfaces: (await tx.repo(ROUTER_INTERFACES).find({}, { orderBy: ['createdAt', 'id'] })).map((ri) => ({
      id: ri.id,
      accountId: ri.accountId,
      regionId: ri.regionId,
      routerId: ri.routerId,
      routerType: ri.routerType,
      vpcId: ri.vpcId,
      role: ri.role,
      spec: ri.spec,
      status: ri.status,
      name: ri.name,
      description: ri.description,
      oppositeRegionId: ri.oppositeRegionId,
      oppositeRouterType: ri.oppositeRouterType,
      oppositeRouterId: ri.oppositeRouterId,
      oppositeInterfaceId: ri.oppositeInterfaceId,
      oppositeInterfaceOwnerId: ri.oppositeInterfaceOwnerId,
      oppositeDeleted: ri.oppositeDeleted,
      pendingStatus: ri.pendingStatus,
      held: ri.pendingStatus !== '' && ri.dueAt >= HELD,
      tags: parseTags(ri.tags),
      createdAt: new Date(ri.createdAt).toISOString(),
    })),
    routeEntries: (await tx.repo(ROUTE_ENTRIES).find({}, { orderBy: ['createdAt', 'id'] })).map((e) => ({
      id: e.id,
      accountId: e.accountId,
      regionId: e.regionId,
      routeTableId: e.routeTableId,
      destinationCidrBlock: e.destinationCidrBlock,
      status: e.status,
      name: e.name,
      hops: hops.get(e.id) ?? [],
    })),
  };
}

export type Topology = Awaited<ReturnType<typeof topology>>;
