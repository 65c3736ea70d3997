// The shared module: the engine's own tables (ClientToken answers, saved snapshots, nonces, meta) and the helpers
// every resource uses (validation, filters, ownership, idempotency). No actions.
import { defineModule } from '../../engine/module.js';
import { CLIENT_TOKENS, META, NONCES, SNAPSHOTS } from './storage.js';

export const sharedModule = defineModule({
  name: 'shared',
  tables: [CLIENT_TOKENS, SNAPSHOTS, NONCES, META],
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
      {
        version: 3,
        name: 'signature nonces across restarts, and the emulator meta table',
        sql: `
          CREATE TABLE nonces (id TEXT PRIMARY KEY, at INTEGER NOT NULL, hashes TEXT NOT NULL);
          CREATE INDEX nonces_at ON nonces (at);
          CREATE TABLE emulator_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
        `,
      },
    ],
    // PostgreSQL: the same versions (BIGINT epochs, camelCase columns quoted).
    postgres: [
      {
        version: 1,
        name: 'client tokens and named snapshots',
        sql: `
          CREATE TABLE IF NOT EXISTS client_tokens (id TEXT PRIMARY KEY, result TEXT NOT NULL, "createdAt" BIGINT NOT NULL);
          CREATE TABLE IF NOT EXISTS snapshots (name TEXT PRIMARY KEY, "createdAt" BIGINT NOT NULL, document TEXT NOT NULL);
        `,
      },
      {
        version: 2,
        name: 'the parameters a client token was first used with',
        sql: `ALTER TABLE client_tokens ADD COLUMN request TEXT NOT NULL DEFAULT '';`,
      },
      {
        version: 3,
        name: 'signature nonces across restarts, and the emulator meta table',
        sql: `
          CREATE TABLE nonces (id TEXT PRIMARY KEY, at BIGINT NOT NULL, hashes TEXT NOT NULL);
          CREATE INDEX nonces_at ON nonces (at);
          CREATE TABLE emulator_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
        `,
      },
    ],
  },
});
