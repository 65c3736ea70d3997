// The route-entry module's transitions: a new entry is Pending, then Available.
import { transitionKinds } from '../../engine/transition-policy.js';
import { simpleSettler } from '../../engine/simple-settler.js';
import { ROUTE_ENTRIES } from './storage.js';

export const ROUTE_ENTRY_TRANSITIONS = transitionKinds('RouteEntry', { create: 2_000 });

export const routeEntrySettler = simpleSettler('RouteEntry', ROUTE_ENTRIES);
