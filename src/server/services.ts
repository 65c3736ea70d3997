// The long-lived parts an action may use, built once at start and handed to every handler.
import type { Clock } from '../core/clock.js';
import type { IdGenerator } from '../core/ids.js';
import { TransitionEngine } from '../core/transitions.js';
import type { Repo, Store } from '../store/store.js';
import { accountRepos, type AccountRepos } from '../resources/accounts/storage.js';
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
  /** How long transitional states last, in ms of the emulator clock. */
  transitionDelayMs: number;
}

export interface Services {
  clock: Clock;
  ids: IdGenerator;
  store: Store;
  accounts: AccountRepos;
  repos: Repos;
  transitions: TransitionEngine;
  settings: Settings;
  /** The due time of a transition starting now, registered with the engine. */
  dueAt(now: number): number;
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
  const transitions = new TransitionEngine(store, clock);
  transitions.register(simpleSettler('Vpc', repos.vpcs));
  transitions.register(simpleSettler('RouteEntry', repos.routeEntries));
  transitions.register(simpleSettler('PhysicalConnection', repos.physicalConnections, (pc, at) => ({ ...pc, enabledAt: at })));
  transitions.register(routerInterfaceSettler(repos.routerInterfaces));
  return {
    clock,
    ids,
    store,
    accounts: accountRepos(store),
    repos,
    transitions,
    settings,
    dueAt(now) {
      const at = Math.max(1, now + settings.transitionDelayMs);
      transitions.noteDue(at);
      return at;
    },
  };
}
