// The shared module: the engine's own tables (ClientToken answers, saved snapshots) and the helpers
// every resource uses (validation, filters, ownership, idempotency). No actions.
import { defineModule } from '../../engine/module.js';
import { CLIENT_TOKENS, SNAPSHOTS } from './storage.js';

export const sharedModule = defineModule({
  name: 'shared',
  tables: [CLIENT_TOKENS, SNAPSHOTS],
  migrations: {
    sqlite: [
      {
        version: 1,
        name: 'client tokens and named snapshots',
        sql: `
          CREATE TABLE IF NOT EXISTS client_tokens (id TEXT PRIMARY KEY, result TEXT NOT NULL, createdAt INTEGER NOT NULL);
          CREATE TABLE IF NOT EXISTS snapshots (name TEXT PRIMARY KEY, createdAt INTEGER NOT NULL, document TEXT NOT NULL);
        `,
      },
      {
        version: 2,
        name: 'the parameters a client token was first used with',
        sql: `ALTER TABLE client_tokens ADD COLUMN request TEXT NOT NULL DEFAULT '';`,
      },
    ],
  },
});
