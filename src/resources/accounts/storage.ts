// The accounts tables: accounts (by AliUid) and their AccessKey pairs.
import type { TableDef } from '../../store/port.js';
import type { AccessKey, Account } from './model.js';

export const ACCOUNTS: TableDef<Account> = {
  table: 'accounts',
  key: 'id',
  columns: ['id', 'name', 'site', 'status', 'billsOutstanding', 'financialLocked', 'createdAt'],
  booleans: ['billsOutstanding', 'financialLocked'],
  resourceType: 'account',
  values: { status: ['Active', 'Disabled'] },
};

export const ACCESS_KEYS: TableDef<AccessKey> = {
  table: 'access_keys',
  key: 'id',
  columns: ['id', 'accountId', 'secret', 'status', 'createdAt'],
  indexes: [{ name: 'access_keys_account', columns: ['accountId'] }],
  values: { status: ['Active', 'Inactive'] },
};
