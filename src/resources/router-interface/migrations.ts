// The router-interface module's schema, per dialect. Append only: a released migration never changes.
import type { Migration } from '../../store/port.js';

export const SQLITE: readonly Migration[] = [
  {
    version: 1,
    name: 'router interfaces',
    sql: `
      CREATE TABLE IF NOT EXISTS router_interfaces (
        id TEXT PRIMARY KEY, accountId TEXT NOT NULL, regionId TEXT NOT NULL, routerId TEXT NOT NULL, routerType TEXT NOT NULL,
        vpcId TEXT NOT NULL, role TEXT NOT NULL, spec TEXT NOT NULL, status TEXT NOT NULL, name TEXT NOT NULL,
        description TEXT NOT NULL, accessPointId TEXT NOT NULL, oppositeRegionId TEXT NOT NULL, oppositeRouterType TEXT NOT NULL,
        oppositeRouterId TEXT NOT NULL, oppositeInterfaceId TEXT NOT NULL, oppositeInterfaceOwnerId TEXT NOT NULL,
        oppositeAccessPointId TEXT NOT NULL, oppositeDeleted INTEGER NOT NULL, healthCheckSourceIp TEXT NOT NULL,
        healthCheckTargetIp TEXT NOT NULL, hcRate INTEGER NOT NULL, hcThreshold INTEGER NOT NULL, chargeType TEXT NOT NULL,
        endTime INTEGER NOT NULL, autoRenew INTEGER NOT NULL, fastLinkMode INTEGER NOT NULL, resourceGroupId TEXT NOT NULL,
        tags TEXT NOT NULL, createdAt INTEGER NOT NULL, connectedAt INTEGER NOT NULL, modifiedAt INTEGER NOT NULL,
        pendingStatus TEXT NOT NULL, dueAt INTEGER NOT NULL
      );
      CREATE INDEX IF NOT EXISTS router_interfaces_owner ON router_interfaces(accountId, regionId, createdAt, id);
      CREATE INDEX IF NOT EXISTS router_interfaces_router ON router_interfaces(routerId);
      CREATE INDEX IF NOT EXISTS router_interfaces_opposite_router ON router_interfaces(oppositeRouterId);
      CREATE INDEX IF NOT EXISTS router_interfaces_due ON router_interfaces(dueAt);
      CREATE INDEX IF NOT EXISTS router_interfaces_opposite_interface ON router_interfaces(oppositeInterfaceId);
    `,
  },
  {
    version: 2,
    name: 'indexes for the Status and Name filters, in listing order',
    sql: `
      CREATE INDEX router_interfaces_status ON router_interfaces(accountId, regionId, status, createdAt, id);
      CREATE INDEX router_interfaces_name ON router_interfaces(accountId, regionId, name, createdAt, id);
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
    name: 'router interfaces',
    sql: `
      CREATE TABLE IF NOT EXISTS router_interfaces (
        id TEXT PRIMARY KEY, "accountId" TEXT NOT NULL, "regionId" TEXT NOT NULL, "routerId" TEXT NOT NULL, "routerType" TEXT NOT NULL,
        "vpcId" TEXT NOT NULL, role TEXT NOT NULL, spec TEXT NOT NULL, status TEXT NOT NULL, name TEXT NOT NULL,
        description TEXT NOT NULL, "accessPointId" TEXT NOT NULL, "oppositeRegionId" TEXT NOT NULL, "oppositeRouterType" TEXT NOT NULL,
        "oppositeRouterId" TEXT NOT NULL, "oppositeInterfaceId" TEXT NOT NULL, "oppositeInterfaceOwnerId" TEXT NOT NULL,
        "oppositeAccessPointId" TEXT NOT NULL, "oppositeDeleted" BIGINT NOT NULL, "healthCheckSourceIp" TEXT NOT NULL,
        "healthCheckTargetIp" TEXT NOT NULL, "hcRate" BIGINT NOT NULL, "hcThreshold" BIGINT NOT NULL, "chargeType" TEXT NOT NULL,
        "endTime" BIGINT NOT NULL, "autoRenew" BIGINT NOT NULL, "fastLinkMode" BIGINT NOT NULL, "resourceGroupId" TEXT NOT NULL,
        tags TEXT NOT NULL, "createdAt" BIGINT NOT NULL, "connectedAt" BIGINT NOT NULL, "modifiedAt" BIGINT NOT NULL,
        "pendingStatus" TEXT NOT NULL, "dueAt" BIGINT NOT NULL
      );
      CREATE INDEX IF NOT EXISTS router_interfaces_owner ON router_interfaces("accountId", "regionId", "createdAt", id);
      CREATE INDEX IF NOT EXISTS router_interfaces_router ON router_interfaces("routerId");
      CREATE INDEX IF NOT EXISTS router_interfaces_opposite_router ON router_interfaces("oppositeRouterId");
      CREATE INDEX IF NOT EXISTS router_interfaces_due ON router_interfaces("dueAt");
      CREATE INDEX IF NOT EXISTS router_interfaces_opposite_interface ON router_interfaces("oppositeInterfaceId");
    `,
  },
  {
    version: 2,
    name: 'indexes for the Status and Name filters, in listing order',
    sql: `
      CREATE INDEX router_interfaces_status ON router_interfaces("accountId", "regionId", status, "createdAt", id);
      CREATE INDEX router_interfaces_name ON router_interfaces("accountId", "regionId", name, "createdAt", id);
    `,
  },
];
