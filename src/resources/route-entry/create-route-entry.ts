// CreateRouteEntry: a custom route in a route table of the caller, Pending then Available.
// Checks, in order: the table (the caller's, in RegionId), the destination (a strict CIDR, not in
// 100.64.0.0/10), next hop or list (exactly one of them), name and description, then per form:
//  - one next hop: NextHopType must be a documented type; only RouterInterface targets exist in
//    LocalVPC, any other id is InvalidNextHop.NotFound. The interface must be the caller's, on the
//    table's router, and not Deleting.
//  - ECMP (NextHopList): 2 to 4 router interfaces of the caller on the table's router (a VPC's
//    system table only), each linked to a VBR, none twice; Weight 0-255 (unvalidated by Alibaba's
//    documentation; the provider sends 0 when unset).
// Then, in the unit of work: the destination is new in the table, is not a vSwitch's block of the
// VPC, and the table holds fewer than 200 custom entries.
import { defineAction, type HandlerContext } from '../../engine/action.js';
import { idempotent } from '../shared/client-token.js';
import { owned } from '../shared/owned.js';
import { cidrContains, inSharedAddressSpace } from '../shared/cidr.js';
import { isValidDescription, isValidName, member, parseCidr } from '../shared/validation.js';
import { ROUTE_TABLES } from '../vpc/storage.js';
import type { RouteTable } from '../vpc/model.js';
import { getInterface } from '../router-interface/queries.js';
import type { RouterInterface } from '../router-interface/model.js';
import { vswitchesOfVpc } from '../vswitch/queries.js';
import { NEXT_HOP_TYPES } from './model.js';
import { ROUTE_ENTRIES, ROUTE_ENTRY_HOPS } from './storage.js';
import { ROUTE_ENTRY_TRANSITIONS } from './transitions.js';

/** Custom entries per route table (Alibaba's current default quota). */
export const ROUTE_ENTRY_QUOTA = 200;

interface Hop {
  type: string;
  id: string;
  weight: number;
}

/** A router interface usable as a next hop of this table. */
async function interfaceHop(ctx: HandlerContext, table: RouteTable, id: string): Promise<RouterInterface> {
  const ri = await getInterface(ctx.tx, id);
  if (!ri || ri.accountId !== ctx.caller.id) throw ctx.error('InvalidNextHop.NotFound');
  if (ri.routerId !== table.routerId) throw ctx.error('InvalidRouterInterface');
  if (ri.status === 'Deleting') throw ctx.error('IncorrectStatus.RouterInterface');
  return ri;
}

async function ecmpHops(
  ctx: HandlerContext,
  table: RouteTable,
  list: { NextHopId?: string; NextHopType?: string; Weight?: number }[],
): Promise<Hop[]> {
  if (table.routerType === 'VBR') throw ctx.error('InvalidRouterType');
  if (table.type !== 'System') throw ctx.error('OperationUnsupported.SubRouteTableECMP');
  if (list.length < 2 || list.length > 4) throw ctx.error('InvalidNexthopListSize');
  const hops: Hop[] = [];
  for (const h of list) {
    if (!h.NextHopId || h.NextHopType !== 'RouterInterface') throw ctx.error('OperationUnsupported.InvalidRouterInterfaceType');
    if (h.Weight !== undefined && (h.Weight < 0 || h.Weight > 255)) throw ctx.error('INVALID_WEIGHT_PARAM');
    if (hops.some((x) => x.id === h.NextHopId)) throw ctx.error('Duplicated.VpcNextHop');
    const ri = await interfaceHop(ctx, table, h.NextHopId);
    if (ri.oppositeRouterType !== 'VBR') throw ctx.error('InvalidOppositeRouterType');
    hops.push({ type: 'RouterInterface', id: ri.id, weight: h.Weight ?? 0 });
  }
  return hops;
}

export const createRouteEntry = defineAction({
  product: 'Vpc',
  name: 'CreateRouteEntry',
  mode: 'write',
  handler: async (input, ctx) => {
    const table = await owned(ctx, ROUTE_TABLES, input.RouteTableId, input.RegionId, 'InvalidRouteTableId.NotFound');
    if (!parseCidr(input.DestinationCidrBlock)) throw ctx.error('InvalidCidrBlock.Malformed');
    if (inSharedAddressSpace(input.DestinationCidrBlock)) throw ctx.error('InvalidDestinationCidrBlock');
    const list = input.NextHopList ?? [];
    if (list.length > 0 && (input.NextHopType !== undefined || input.NextHopId !== undefined))
      throw ctx.error('InvalidNexthopTypeAndList.BothNotNull');
    if (list.length === 0 && (input.NextHopType === undefined || input.NextHopId === undefined))
      throw ctx.error('InvalidNexthopTypeAndList.BothNull');
    if (input.RouteEntryName !== undefined && !isValidName(input.RouteEntryName)) throw ctx.error('InvalidParameter');
    if (input.Description !== undefined && !isValidDescription(input.Description)) throw ctx.error('InvalidParameter');
    let hops: Hop[];
    if (list.length > 0) {
      hops = await ecmpHops(ctx, table, list);
    } else {
      const type = member(NEXT_HOP_TYPES, input.NextHopType);
      if (!type) throw ctx.error('InvalidNextHopType');
      // Only router interfaces exist in LocalVPC: an id of any other type names nothing.
      if (type !== 'RouterInterface') throw ctx.error('InvalidNextHop.NotFound');
      const ri = await interfaceHop(ctx, table, input.NextHopId ?? '');
      hops = [{ type, id: ri.id, weight: 0 }];
    }
    return idempotent(ctx, 'CreateRouteEntry', input, async () => {
      const entries = await ctx.tx.repo(ROUTE_ENTRIES).find({ routeTableId: table.id });
      if (entries.some((e) => e.destinationCidrBlock === input.DestinationCidrBlock)) throw ctx.error('InvalidCIDRBlock.Duplicate');
      if (table.vpcId && (await vswitchesOfVpc(ctx.tx, table.vpcId)).some((v) => cidrContains(v.cidrBlock, input.DestinationCidrBlock))) {
        throw ctx.error('RouteConflict.AlreadyExist');
      }
      if (entries.length >= ROUTE_ENTRY_QUOTA) throw ctx.error('QuotaExceeded');
      const id = ctx.ids.resource('rte', table.regionId);
      const single = hops.length === 1 ? hops[0] : undefined;
      await ctx.tx.repo(ROUTE_ENTRIES).insert({
        id,
        accountId: ctx.caller.id,
        regionId: table.regionId,
        routeTableId: table.id,
        destinationCidrBlock: input.DestinationCidrBlock,
        nextHopType: single?.type ?? '',
        nextHopId: single?.id ?? '',
        name: input.RouteEntryName ?? '',
        description: input.Description ?? '',
        status: 'Pending',
        createdAt: ctx.now,
        pendingStatus: 'Available',
        dueAt: ctx.plan(ROUTE_ENTRY_TRANSITIONS.create).dueAt,
      });
      for (const h of hops) {
        await ctx.tx.repo(ROUTE_ENTRY_HOPS).insert({
          id: `${id}/${h.id}`,
          entryId: id,
          accountId: ctx.caller.id,
          regionId: table.regionId,
          nextHopType: h.type,
          nextHopId: h.id,
          weight: h.weight,
        });
      }
      return { RouteEntryId: id };
    });
  },
});
