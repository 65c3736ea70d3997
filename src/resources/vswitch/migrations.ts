// The vSwitch module's schema, per dialect. Append only: a released migration never changes.
import type { Migration } from '../../store/port.js';

export const SQLITE: readonly Migration[] = [
  {
    version: 1,
    name: 'vswitches',
    sql: `
      CREATE TABLE IF NOT EXISTS vswitches (
        id TEXT PRIMARY KEY, accountId TEXT NOT NULL, regionId TEXT NOT NULL, vpcId TEXT NOT NULL, zoneId TEXT NOT NULL,
        cidrBlock TEXT NOT NULL, name TEXT NOT NULL, description TEXT NOT NULL, status TEXT NOT NULL,
        routeTableId TEXT NOT NULL, isDefault INTEGER NOT NULL, resourceGroupId TEXT NOT NULL, tags TEXT NOT NULL,
        createdAt INTEGER NOT NULL, pendingStatus TEXT NOT NULL, dueAt INTEGER NOT NULL
      );
      CREATE INDEX IF NOT EXISTS vswitches_owner ON vswitches(accountId, regionId, createdAt);
      CREATE INDEX IF NOT EXISTS vswitches_vpc ON vswitches(vpcId);
      CREATE INDEX IF NOT EXISTS vswitches_route_table ON vswitches(routeTableId);
      CREATE INDEX IF NOT EXISTS vswitches_due ON vswitches(dueAt);
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
    name: 'vswitches',
    sql: `
      CREATE TABLE IF NOT EXISTS vswitches (
        id TEXT PRIMARY KEY, "accountId" TEXT NOT NULL, "regionId" TEXT NOT NULL, "vpcId" TEXT NOT NULL, "zoneId" TEXT NOT NULL,
        "cidrBlock" TEXT NOT NULL, name TEXT NOT NULL, description TEXT NOT NULL, status TEXT NOT NULL,
        "routeTableId" TEXT NOT NULL, "isDefault" BIGINT NOT NULL, "resourceGroupId" TEXT NOT NULL, tags TEXT NOT NULL,
        "createdAt" BIGINT NOT NULL, "pendingStatus" TEXT NOT NULL, "dueAt" BIGINT NOT NULL
      );
      CREATE INDEX IF NOT EXISTS vswitches_owner ON vswitches("accountId", "regionId", "createdAt");
      CREATE INDEX IF NOT EXISTS vswitches_vpc ON vswitches("vpcId");
      CREATE INDEX IF NOT EXISTS vswitches_route_table ON vswitches("routeTableId");
      CREATE INDEX IF NOT EXISTS vswitches_due ON vswitches("dueAt");
    `,
  },
];
