// Versioned schema for the SQLite back end. Append only: a released migration never changes.

export const MIGRATIONS: readonly { version: number; name: string; sql: string }[] = [
  {
    version: 1,
    name: 'accounts and access keys',
    sql: `
      CREATE TABLE accounts (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        site TEXT NOT NULL,
        status TEXT NOT NULL,
        billsOutstanding INTEGER NOT NULL,
        financialLocked INTEGER NOT NULL,
        createdAt INTEGER NOT NULL
      );
      CREATE TABLE access_keys (
        id TEXT PRIMARY KEY,
        accountId TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        secret TEXT NOT NULL,
        status TEXT NOT NULL,
        createdAt INTEGER NOT NULL
      );
      CREATE INDEX access_keys_account ON access_keys(accountId);
    `,
  },
];
