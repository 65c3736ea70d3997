// The long-lived parts an action may use, built once at start and handed to every handler.
import type { Clock } from '../core/clock.js';
import type { IdGenerator } from '../core/ids.js';
import type { Store } from '../store/store.js';
import { accountRepos, type AccountRepos } from '../resources/accounts/storage.js';

export interface Services {
  clock: Clock;
  ids: IdGenerator;
  store: Store;
  accounts: AccountRepos;
}

export function createServices(store: Store, clock: Clock, ids: IdGenerator): Services {
  return { clock, ids, store, accounts: accountRepos(store) };
}
