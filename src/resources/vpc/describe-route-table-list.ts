// DescribeRouteTableList: the caller's route tables in a region (system and custom, of VPCs and
// VBRs), filtered by router, VPC, id, name, type, resource group and tags, in creation order,
// paged. Each shows the vSwitches it serves (a system table: those of its VPC with no custom one).
import { defineAction } from '../../engine/action.js';
import { listPage, page, pageFields } from '../../core/paging.js';
import { isoSeconds } from '../../core/time.js';
import type { Tx } from '../../store/port.js';
import { oneOf } from '../shared/filters.js';
import { hasTags, parseTags } from '../shared/validation.js';
import { vswitchesOfRouteTable, vswitchesOfVpc } from '../vswitch/queries.js';
import { ROUTE_TABLE_TYPES, ROUTER_KINDS, type RouteTable } from './model.js';
import { ROUTE_TABLES } from './storage.js';

/** The vSwitches a table serves. */
export async function servedVSwitches(tx: Tx, t: RouteTable): Promise<string[]> {
  if (t.routerType !== 'VRouter') return [];
  if (t.type === 'Custom') return (await vswitchesOfRouteTable(tx, t.id)).map((v) => v.id);
  return (await vswitchesOfVpc(tx, t.vpcId)).filter((v) => v.routeTableId === '').map((v) => v.id);
}

export const describeRouteTableList = defineAction({
  product: 'Vpc',
  name: 'DescribeRouteTableList',
  mode: 'read',
  handler: async (input, ctx) => {
    const p = page(input.PageNumber, input.PageSize);
    const where = {
      accountId: ctx.caller.id,
      regionId: input.RegionId,
      routerType: oneOf(ROUTER_KINDS, input.RouterType),
      routerId: input.RouterId,
      vpcId: input.VpcId,
      id: input.RouteTableId,
      name: input.RouteTableName,
      type: oneOf(ROUTE_TABLE_TYPES, input.RouteTableType),
      resourceGroupId: input.ResourceGroupId,
    };
    const tags = input.Tag;
    const { total, rows } = await listPage(ctx.tx.repo(ROUTE_TABLES), where, p, tags?.length ? (t) => hasTags(t.tags, tags) : undefined);
    const items = [];
    for (const t of rows) {
      items.push({
        RouteTableId: t.id,
        RouteTableName: t.name,
        Description: t.description,
        RouteTableType: t.type,
        RouterId: t.routerId,
        RouterType: t.routerType,
        VpcId: t.vpcId,
        Status: t.status,
        AssociateType: t.associateType,
        CreationTime: isoSeconds(t.createdAt),
        OwnerId: Number(t.accountId),
        ResourceGroupId: t.resourceGroupId,
        RoutePropagationEnable: t.routePropagationEnable,
        VSwitchIds: { VSwitchId: await servedVSwitches(ctx.tx, t) },
        GatewayIds: { GatewayIds: [] as string[] },
        Tags: { Tag: parseTags(t.tags) },
      });
    }
    return { ...pageFields(total, p), RouterTableList: { RouterTableListType: items } };
  },
});
