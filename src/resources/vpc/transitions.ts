// The VPC module's transitions: a new VPC, and a new custom route table, are Pending, then Available.
import { transitionKinds } from '../../engine/transition-policy.js';
import { simpleSettler } from '../../engine/simple-settler.js';
import { ROUTE_TABLES, VPCS } from './storage.js';

/** Realistic: the SDK docs tell clients to poll CreateVpc for a few seconds. */
export const VPC_TRANSITIONS = transitionKinds('Vpc', { create: 3_000 });

export const vpcSettler = simpleSettler('Vpc', VPCS);

export const ROUTE_TABLE_TRANSITIONS = transitionKinds('RouteTable', { create: 3_000 });

export const routeTableSettler = simpleSettler('RouteTable', ROUTE_TABLES);
