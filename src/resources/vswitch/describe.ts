// DescribeVSwitches: the caller's vSwitches in a region, filtered by VPC, id (a comma-separated
// list of up to 20), zone, name, default flag, route table, resource group and tags, in creation
// order, paged by PageNumber / PageSize (at most 50).
import { defineAction } from '../../engine/action.js';
import { listPage, page, pageFields } from '../../core/paging.js';
import { hasTags } from '../shared/validation.js';
import { getRouteTable, getVpc } from '../vpc/queries.js';
import { VSWITCHES } from './storage.js';
import { vswitchFields } from './view.js';

export const describeVSwitches = defineAction({
  product: 'Vpc',
  name: 'DescribeVSwitches',
  mode: 'read',
  handler: async (input, ctx) => {
    const ids = input.VSwitchId?.split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    if (ids && ids.length > 20) throw ctx.error('InvalidVSwitchIdNumber.NotSupported');
    const owner = input.VSwitchOwnerId ?? ctx.caller.id;
    const p = page(input.PageNumber, input.PageSize);
    // A route table filter: a system table's vSwitches are those of its VPC associated with no custom one.
    let routeTableId: string | string[] | undefined = input.RouteTableId;
    let vpcId: string | string[] | undefined = input.VpcId;
    if (input.RouteTableId !== undefined) {
      const table = await getRouteTable(ctx.tx, input.RouteTableId);
      if (!table || table.accountId !== ctx.caller.id) routeTableId = [];
      else if (table.type === 'System') {
        routeTableId = '';
        vpcId = vpcId === undefined || vpcId === table.vpcId ? table.vpcId : [];
      }
    }
    const tags = input.Tag;
    const { total, rows } = await listPage(
      ctx.tx.repo(VSWITCHES),
      {
        accountId: owner === ctx.caller.id ? ctx.caller.id : [],
        regionId: input.RegionId,
        vpcId,
        id: ids,
        zoneId: input.ZoneId,
        name: input.VSwitchName,
        isDefault: input.IsDefault,
        routeTableId,
        resourceGroupId: input.ResourceGroupId,
      },
      p,
      tags?.length ? (v) => hasTags(v.tags, tags) : undefined,
    );
    const items = [];
    for (const v of rows) items.push(vswitchFields(v, (await getVpc(ctx.tx, v.vpcId))?.routeTableId ?? ''));
    return { ...pageFields(total, p), VSwitches: { VSwitch: items } };
  },
});
