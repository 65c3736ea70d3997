// The route-entry module's schema, per dialect. Append only: a released migration never changes.
import type { Migration } from '../../store/port.js';

export const SQLITE: readonly Migration[] = [
  {
    version: 1,
    name: 'custom route entries',
    sql: `
      CREATE TABLE IF NOT EXISTS route_entries (
        id TEXT PRIMARY KEY, accountId TEXT NOT NULL, regionId TEXT NOT NULL, routeTableId TEXT NOT NULL,
        destinationCidrBlock TEXT NOT NULL, nextHopType TEXT NOT NULL, nextHopId TEXT NOT NULL, name TEXT NOT NULL,
        description TEXT NOT NULL, status TEXT NOT NULL, createdAt INTEGER NOT NULL, pendingStatus TEXT NOT NULL, dueAt INTEGER NOT NULL
      );
      CREATE INDEX IF NOT EXISTS route_entries_table ON route_entries(routeTableId, createdAt);
      CREATE INDEX IF NOT EXISTS route_entries_hop ON route_entries(nextHopId);
      CREATE INDEX IF NOT EXISTS route_entries_due ON route_entries(dueAt);
    `,
  },
  {
    version: 2,
    name: 'next hops of route entries (ECMP), one row per hop',
    sql: `
      CREATE TABLE IF NOT EXISTS route_entry_hops (
        id TEXT PRIMARY KEY, entryId TEXT NOT NULL, accountId TEXT NOT NULL, regionId TEXT NOT NULL,
        nextHopType TEXT NOT NULL, nextHopId TEXT NOT NULL, weight INTEGER NOT NULL
      );
      CREATE INDEX IF NOT EXISTS route_entry_hops_entry ON route_entry_hops(entryId);
      CREATE INDEX IF NOT EXISTS route_entry_hops_hop ON route_entry_hops(nextHopId);
      INSERT OR IGNORE INTO route_entry_hops (id, entryId, accountId, regionId, nextHopType, nextHopId, weight)
        SELECT id || '/' || nextHopId, id, accountId, regionId, nextHopType, nextHopId, 0 FROM route_entries WHERE nextHopId <> '';
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
    name: 'custom route entries',
    sql: `
      CREATE TABLE IF NOT EXISTS route_entries (
        id TEXT PRIMARY KEY, "accountId" TEXT NOT NULL, "regionId" TEXT NOT NULL, "routeTableId" TEXT NOT NULL,
        "destinationCidrBlock" TEXT NOT NULL, "nextHopType" TEXT NOT NULL, "nextHopId" TEXT NOT NULL, name TEXT NOT NULL,
        description TEXT NOT NULL, status TEXT NOT NULL, "createdAt" BIGINT NOT NULL, "pendingStatus" TEXT NOT NULL, "dueAt" BIGINT NOT NULL
      );
      CREATE INDEX IF NOT EXISTS route_entries_table ON route_entries("routeTableId", "createdAt");
      CREATE INDEX IF NOT EXISTS route_entries_hop ON route_entries("nextHopId");
      CREATE INDEX IF NOT EXISTS route_entries_due ON route_entries("dueAt");
    `,
  },
  {
    version: 2,
    name: 'next hops of route entries (ECMP), one row per hop',
    sql: `
      CREATE TABLE IF NOT EXISTS route_entry_hops (
        id TEXT PRIMARY KEY, "entryId" TEXT NOT NULL, "accountId" TEXT NOT NULL, "regionId" TEXT NOT NULL,
        "nextHopType" TEXT NOT NULL, "nextHopId" TEXT NOT NULL, weight BIGINT NOT NULL
      );
      CREATE INDEX IF NOT EXISTS route_entry_hops_entry ON route_entry_hops("entryId");
      CREATE INDEX IF NOT EXISTS route_entry_hops_hop ON route_entry_hops("nextHopId");
      INSERT INTO route_entry_hops (id, "entryId", "accountId", "regionId", "nextHopType", "nextHopId", weight)
        SELECT id || '/' || "nextHopId", id, "accountId", "regionId", "nextHopType", "nextHopId", 0 FROM route_entries WHERE "nextHopId" <> ''
        ON CONFLICT DO NOTHING;
    `,
  },
];
