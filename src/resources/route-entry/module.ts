// Custom route entries, so that a route whose next hop is a router interface can block deleting it.
// Known gaps: only NextHopType RouterInterface is accepted; no ECMP NextHopList, no system entries,
// no IPv6; entries are Pending, then Available after the transition delay.
import { defineModule } from '../../engine/module.js';
import { createRouteEntry } from './create-route-entry.js';
import { deleteRouteEntry } from './delete-route-entry.js';
import { describeRouteEntryList } from './describe-route-entry-list.js';
import { SQLITE } from './migrations.js';
import { ROUTE_ENTRIES } from './storage.js';
import { ROUTE_ENTRY_TRANSITIONS, routeEntrySettler } from './transitions.js';

export const routeEntryModule = defineModule({
  name: 'route-entry',
  tables: [ROUTE_ENTRIES],
  migrations: { sqlite: SQLITE },
  actions: [createRouteEntry, deleteRouteEntry, describeRouteEntryList],
  settlers: [routeEntrySettler],
  transitions: Object.values(ROUTE_ENTRY_TRANSITIONS),
  resourceKeys: ['RouteEntryId', 'RouteTableId'],
});
