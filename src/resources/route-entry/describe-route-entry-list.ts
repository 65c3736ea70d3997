// DescribeRouteEntryList: the entries of one route table, System (derived from its vSwitches) and
// Custom, filtered by id, name, destination (or a list of them), next hop, type and IP version,
// paged by MaxResult (default 100, at most 500) / NextToken (the offset of the next page).
// Known gaps: no IPv6 entries, no ServiceType filter (every entry has ServiceType '').
import { defineAction } from '../../engine/action.js';
import { isoSeconds } from '../../core/time.js';
import { owned } from '../shared/owned.js';
import { ROUTE_TABLES } from '../vpc/storage.js';
import { entriesOfTable, type EntryView } from './entries.js';

/** The item DescribeRouteEntryList and the provider read (NextHops.NextHop[0] must exist). */
export function entryListItem(e: EntryView) {
  return {
    RouteEntryId: e.id,
    RouteEntryName: e.name,
    Description: e.description,
    RouteTableId: e.routeTableId,
    DestinationCidrBlock: e.destinationCidrBlock,
    Status: e.status,
    Type: e.type,
    IpVersion: 'ipv4',
    Origin: e.type === 'System' ? 'SystemRoute' : 'Custom',
    ServiceType: '',
    GmtModified: isoSeconds(e.row?.createdAt ?? e.createdAt),
    NextHops: {
      NextHop: e.hops.map((h) => ({
        NextHopType: h.nextHopType,
        NextHopId: h.nextHopId,
        Enabled: 1,
        Weight: h.weight,
        NextHopRegionId: e.regionId,
        NextHopRelatedInfo: { InstanceId: '', InstanceType: '', RegionId: '' },
      })),
    },
  };
}

export const describeRouteEntryList = defineAction({
  product: 'Vpc',
  name: 'DescribeRouteEntryList',
  mode: 'read',
  handler: async (input, ctx) => {
    const table = await owned(ctx, ROUTE_TABLES, input.RouteTableId, input.RegionId, 'InvalidRouteTable.NotFound', input.RouteTableId);
    if (input.NextToken !== undefined && !/^\d+$/.test(input.NextToken)) throw ctx.error('IllegalParam.NextToken');
    if (input.RouteEntryType !== undefined && !['System', 'Custom', 'BGP', 'CEN', 'ECR'].includes(input.RouteEntryType)) {
      throw ctx.error('IllegalParam.RouteEntryType', input.RouteEntryType);
    }
    if (input.IpVersion !== undefined && !/^ipv[46]$/i.test(input.IpVersion)) throw ctx.error('IllegalParam.IpVersion', input.IpVersion);
    const offset = Number(input.NextToken ?? 0);
    const limit = input.MaxResult ?? 100;
    const dests = input.DestCidrBlockList;
    const wanted = (await entriesOfTable(ctx.tx, table)).filter(
      (e) =>
        (input.RouteEntryType === undefined || e.type === input.RouteEntryType) &&
        (input.IpVersion === undefined || input.IpVersion.toLowerCase() === 'ipv4') &&
        (input.RouteEntryId === undefined || e.id === input.RouteEntryId) &&
        (input.RouteEntryName === undefined || e.name === input.RouteEntryName) &&
        (input.DestinationCidrBlock === undefined || e.destinationCidrBlock === input.DestinationCidrBlock) &&
        (!dests?.length || dests.includes(e.destinationCidrBlock)) &&
        (input.NextHopId === undefined || e.hops.some((h) => h.nextHopId === input.NextHopId)) &&
        (input.NextHopType === undefined || e.hops.some((h) => h.nextHopType === input.NextHopType)),
    );
    const rows = wanted.slice(offset, offset + limit);
    return {
      NextToken: offset + limit < wanted.length ? String(offset + limit) : '',
      RouteEntrys: { RouteEntry: rows.map(entryListItem) },
    };
  },
});
