import type { Repo, Store, TableDef } from '../../store/store.js';
import type { AccessKey, Account } from './model.js';

export const ACCOUNTS: TableDef<Account> = {
  table: 'accounts',
  key: 'id',
  columns: ['id', 'name', 'site', 'status', 'billsOutstanding', 'financialLocked', 'createdAt'],
  booleans: ['billsOutstanding', 'financialLocked'],
};

export const ACCESS_KEYS: TableDef<AccessKey> = {
  table: 'access_keys',
  key: 'id',
  columns: ['id', 'accountId', 'secret', 'status', 'createdAt'],
};

export interface AccountRepos {
  accounts: Repo<Account>;
  keys: Repo<AccessKey>;
}

export function accountRepos(store: Store): AccountRepos {
  return { accounts: store.repo(ACCOUNTS), keys: store.repo(ACCESS_KEYS) };
}
