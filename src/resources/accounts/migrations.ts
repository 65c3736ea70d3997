// The accounts module's schema, per dialect. Append only: a released migration never changes.
import type { Migration } from '../../store/port.js';

export const SQLITE: readonly Migration[] = [
  {
    version: 1,
    name: 'accounts and access keys',
    sql: `
      CREATE TABLE IF NOT EXISTS accounts (
        id TEXT PRIMARY KEY, name TEXT NOT NULL, site TEXT NOT NULL, status TEXT NOT NULL,
        billsOutstanding INTEGER NOT NULL, financialLocked INTEGER NOT NULL, createdAt INTEGER NOT NULL
      );
      CREATE TABLE IF NOT EXISTS access_keys (
        id TEXT PRIMARY KEY, accountId TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        secret TEXT NOT NULL, status TEXT NOT NULL, createdAt INTEGER NOT NULL
      );
      CREATE INDEX IF NOT EXISTS access_keys_account ON access_keys(accountId);
    `,
  },
];

/**
 * The same versions for PostgreSQL: epoch milliseconds, counts and 0/1 flags as BIGINT, camelCase
 * columns quoted (PostgreSQL folds unquoted names to lower case).
 */
export const POSTGRES: readonly Migration[] = [
  {
    version: 1,
    name: 'accounts and access keys',
    sql: `
      CREATE TABLE IF NOT EXISTS accounts (
        id TEXT PRIMARY KEY, name TEXT NOT NULL, site TEXT NOT NULL, status TEXT NOT NULL,
        "billsOutstanding" BIGINT NOT NULL, "financialLocked" BIGINT NOT NULL, "createdAt" BIGINT NOT NULL
      );
      CREATE TABLE IF NOT EXISTS access_keys (
        id TEXT PRIMARY KEY, "accountId" TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE DEFERRABLE,
        secret TEXT NOT NULL, status TEXT NOT NULL, "createdAt" BIGINT NOT NULL
      );
      CREATE INDEX IF NOT EXISTS access_keys_account ON access_keys("accountId");
    `,
  },
];
