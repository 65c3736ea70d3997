// The long-lived parts an action may use, built once at start and handed to every handler.
import type { Clock } from '../core/clock.js';
import type { IdGenerator } from '../core/ids.js';
import { TransitionEngine } from '../core/transitions.js';
import type { Repo, Store } from '../store/store.js';
import { accountRepos, type AccountRepos } from '../resources/accounts/storage.js';
import { AccountCache } from '../resources/accounts/cache.js';
import type { RouteTable, Router, Vpc } from '../resources/vpc/model.js';
import { ROUTE_TABLES, ROUTERS, VPCS } from '../resources/vpc/storage.js';
import type { RouteEntry } from '../resources/route-entry/model.js';
import { ROUTE_ENTRIES } from '../resources/route-entry/storage.js';
import type { EcGrant, PhysicalConnection, Vbr } from '../resources/express-connect/model.js';
import { EC_GRANTS, PHYSICAL_CONNECTIONS, VBRS } from '../resources/express-connect/storage.js';
import type { RouterInterface } from '../resources/router-interface/model.js';
import { ROUTER_INTERFACES } from '../resources/router-interface/storage.js';
import { routerInterfaceSettler } from '../resources/router-interface/transitions.js';
import { simpleSettler } from '../core/simple-settler.js';
import { TransitionPolicy, type Profile } from '../core/transition-policy.js';
import { Journal } from '../core/journal.js';
import { FaultInjector } from '../core/faults.js';

export interface Repos {
  vpcs: Repo<Vpc>;
  routers: Repo<Router>;
  routeTables: Repo<RouteTable>;
  routeEntries: Repo<RouteEntry>;
  physicalConnections: Repo<PhysicalConnection>;
  vbrs: Repo<Vbr>;
  grants: Repo<EcGrant>;
  routerInterfaces: Repo<RouterInterface>;
}

export interface Settings {
  /** The transition profile at start (instant, fast, realistic, manual). */
  transitionProfile: Profile;
  /** How long transitional states last under the `fast` profile, in ms of the emulator clock. */
  transitionDelayMs: number;
  /** How many journal events are kept. */
  journalCapacity: number;
}

export interface Services {
  clock: Clock;
  ids: IdGenerator;
  store: Store;
  accounts: AccountRepos;
  /** AccessKeys and their accounts as the gateway needs them, in memory. */
  callers: AccountCache;
  repos: Repos;
  transitions: TransitionEngine;
  policy: TransitionPolicy;
  journal: Journal;
  faults: FaultInjector;
}

export function createServices(store: Store, clock: Clock, ids: IdGenerator, settings: Settings): Services {
  const repos: Repos = {
    vpcs: store.repo(VPCS),
    routers: store.repo(ROUTERS),
    routeTables: store.repo(ROUTE_TABLES),
    routeEntries: store.repo(ROUTE_ENTRIES),
    physicalConnections: store.repo(PHYSICAL_CONNECTIONS),
    vbrs: store.repo(VBRS),
    grants: store.repo(EC_GRANTS),
    routerInterfaces: store.repo(ROUTER_INTERFACES),
  };
  const accounts = accountRepos(store);
  const transitions = new TransitionEngine(store, clock);
  transitions.register(simpleSettler('Vpc', repos.vpcs));
  transitions.register(simpleSettler('RouteEntry', repos.routeEntries));
  transitions.register(simpleSettler('PhysicalConnection', repos.physicalConnections, (pc, at) => ({ ...pc, enabledAt: at })));
  transitions.register(routerInterfaceSettler(repos.routerInterfaces));
  return {
    clock,
    ids,
    store,
    accounts,
    callers: new AccountCache(store, accounts),
    repos,
    transitions,
    policy: new TransitionPolicy(settings.transitionProfile, settings.transitionDelayMs),
    journal: new Journal(settings.journalCapacity),
    faults: new FaultInjector(),
  };
}
