// Accounts and their AccessKeys: the callers. No actions of the API; the admin API manages them.
import { defineModule } from '../../engine/module.js';
import { POSTGRES, SQLITE } from './migrations.js';
import { ACCESS_KEYS, ACCOUNTS } from './storage.js';

export const accountsModule = defineModule({
  name: 'accounts',
  tables: [ACCOUNTS, ACCESS_KEYS],
  migrations: { sqlite: SQLITE, postgres: POSTGRES },
});
