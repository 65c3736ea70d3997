// Route entries: custom entries whose next hop is a router interface (one, or 2 to 4 for ECMP),
// System entries derived from the vSwitches each table serves, DescribeRouteTables' entries.
// Known gaps: only RouterInterface next hops exist (any other type's target is not found); no IPv6
// entries, no route publishing (nothing to publish to); custom entries are Pending, then Available.
import { defineModule } from '../../engine/module.js';
import { createRouteEntry } from './create-route-entry.js';
import { deleteRouteEntry } from './delete-route-entry.js';
import { describeRouteEntryList } from './describe-route-entry-list.js';
import { modifyRouteEntry } from './modify-route-entry.js';
import { listVpcPublishedRouteEntries } from './list-published.js';
import { POSTGRES, SQLITE } from './migrations.js';
import { ROUTE_ENTRIES, ROUTE_ENTRY_HOPS } from './storage.js';
import { ROUTE_ENTRY_TRANSITIONS, routeEntrySettler } from './transitions.js';

export const routeEntryModule = defineModule({
  name: 'route-entry',
  tables: [ROUTE_ENTRIES, ROUTE_ENTRY_HOPS],
  migrations: { sqlite: SQLITE, postgres: POSTGRES },
  actions: [createRouteEntry, deleteRouteEntry, describeRouteEntryList, modifyRouteEntry, listVpcPublishedRouteEntries],
  settlers: [routeEntrySettler],
  transitions: Object.values(ROUTE_ENTRY_TRANSITIONS),
  resourceKeys: ['RouteEntryId', 'RouteTableId'],
});
