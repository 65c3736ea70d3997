// The VPC module's schema, per dialect. Append only: a released migration never changes.
import type { Migration } from '../../store/port.js';

export const SQLITE: readonly Migration[] = [
  {
    version: 1,
    name: 'vpcs, routers and route tables',
    sql: `
      CREATE TABLE IF NOT EXISTS vpcs (
        id TEXT PRIMARY KEY, accountId TEXT NOT NULL, regionId TEXT NOT NULL, name TEXT NOT NULL, description TEXT NOT NULL,
        cidrBlock TEXT NOT NULL, status TEXT NOT NULL, vRouterId TEXT NOT NULL, routeTableId TEXT NOT NULL,
        resourceGroupId TEXT NOT NULL, isDefault INTEGER NOT NULL, tags TEXT NOT NULL, createdAt INTEGER NOT NULL,
        pendingStatus TEXT NOT NULL, dueAt INTEGER NOT NULL
      );
      CREATE INDEX IF NOT EXISTS vpcs_owner ON vpcs(accountId, regionId, createdAt);
      CREATE INDEX IF NOT EXISTS vpcs_due ON vpcs(dueAt);
      CREATE TABLE IF NOT EXISTS routers (
        id TEXT PRIMARY KEY, kind TEXT NOT NULL, accountId TEXT NOT NULL, regionId TEXT NOT NULL, vpcId TEXT NOT NULL,
        accessPointId TEXT NOT NULL, routeTableId TEXT NOT NULL, name TEXT NOT NULL, description TEXT NOT NULL, createdAt INTEGER NOT NULL
      );
      CREATE INDEX IF NOT EXISTS routers_owner ON routers(accountId, regionId, kind, createdAt);
      CREATE TABLE IF NOT EXISTS route_tables (
        id TEXT PRIMARY KEY, accountId TEXT NOT NULL, regionId TEXT NOT NULL, routerId TEXT NOT NULL, routerType TEXT NOT NULL,
        vpcId TEXT NOT NULL, name TEXT NOT NULL, description TEXT NOT NULL, createdAt INTEGER NOT NULL
      );
      CREATE INDEX IF NOT EXISTS route_tables_owner ON route_tables(accountId, regionId, createdAt);
    `,
  },
  {
    version: 2,
    name: 'secondary CIDR blocks and DNS hostnames of VPCs; custom route tables with status, tags and resource group',
    sql: `
      ALTER TABLE vpcs ADD COLUMN secondaryCidrs TEXT NOT NULL DEFAULT '[]';
      ALTER TABLE vpcs ADD COLUMN dnsHostnameStatus TEXT NOT NULL DEFAULT 'DISABLED';
      ALTER TABLE route_tables ADD COLUMN type TEXT NOT NULL DEFAULT 'System';
      ALTER TABLE route_tables ADD COLUMN associateType TEXT NOT NULL DEFAULT 'VSwitch';
      ALTER TABLE route_tables ADD COLUMN routePropagationEnable INTEGER NOT NULL DEFAULT 1;
      ALTER TABLE route_tables ADD COLUMN resourceGroupId TEXT NOT NULL DEFAULT '';
      ALTER TABLE route_tables ADD COLUMN tags TEXT NOT NULL DEFAULT '[]';
      ALTER TABLE route_tables ADD COLUMN status TEXT NOT NULL DEFAULT 'Available';
      ALTER TABLE route_tables ADD COLUMN pendingStatus TEXT NOT NULL DEFAULT '';
      ALTER TABLE route_tables ADD COLUMN dueAt INTEGER NOT NULL DEFAULT 0;
      UPDATE route_tables SET resourceGroupId = 'rg-acfm' || substr(accountId, -11);
      CREATE INDEX IF NOT EXISTS route_tables_vpc ON route_tables(vpcId);
      CREATE INDEX IF NOT EXISTS route_tables_due ON route_tables(dueAt);
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
    name: 'vpcs, routers and route tables',
    sql: `
      CREATE TABLE IF NOT EXISTS vpcs (
        id TEXT PRIMARY KEY, "accountId" TEXT NOT NULL, "regionId" TEXT NOT NULL, name TEXT NOT NULL, description TEXT NOT NULL,
        "cidrBlock" TEXT NOT NULL, status TEXT NOT NULL, "vRouterId" TEXT NOT NULL, "routeTableId" TEXT NOT NULL,
        "resourceGroupId" TEXT NOT NULL, "isDefault" BIGINT NOT NULL, tags TEXT NOT NULL, "createdAt" BIGINT NOT NULL,
        "pendingStatus" TEXT NOT NULL, "dueAt" BIGINT NOT NULL
      );
      CREATE INDEX IF NOT EXISTS vpcs_owner ON vpcs("accountId", "regionId", "createdAt");
      CREATE INDEX IF NOT EXISTS vpcs_due ON vpcs("dueAt");
      CREATE TABLE IF NOT EXISTS routers (
        id TEXT PRIMARY KEY, kind TEXT NOT NULL, "accountId" TEXT NOT NULL, "regionId" TEXT NOT NULL, "vpcId" TEXT NOT NULL,
        "accessPointId" TEXT NOT NULL, "routeTableId" TEXT NOT NULL, name TEXT NOT NULL, description TEXT NOT NULL, "createdAt" BIGINT NOT NULL
      );
      CREATE INDEX IF NOT EXISTS routers_owner ON routers("accountId", "regionId", kind, "createdAt");
      CREATE TABLE IF NOT EXISTS route_tables (
        id TEXT PRIMARY KEY, "accountId" TEXT NOT NULL, "regionId" TEXT NOT NULL, "routerId" TEXT NOT NULL, "routerType" TEXT NOT NULL,
        "vpcId" TEXT NOT NULL, name TEXT NOT NULL, description TEXT NOT NULL, "createdAt" BIGINT NOT NULL
      );
      CREATE INDEX IF NOT EXISTS route_tables_owner ON route_tables("accountId", "regionId", "createdAt");
    `,
  },
  {
    version: 2,
    name: 'secondary CIDR blocks and DNS hostnames of VPCs; custom route tables with status, tags and resource group',
    sql: `
      ALTER TABLE vpcs ADD COLUMN "secondaryCidrs" TEXT NOT NULL DEFAULT '[]';
      ALTER TABLE vpcs ADD COLUMN "dnsHostnameStatus" TEXT NOT NULL DEFAULT 'DISABLED';
      ALTER TABLE route_tables ADD COLUMN type TEXT NOT NULL DEFAULT 'System';
      ALTER TABLE route_tables ADD COLUMN "associateType" TEXT NOT NULL DEFAULT 'VSwitch';
      ALTER TABLE route_tables ADD COLUMN "routePropagationEnable" BIGINT NOT NULL DEFAULT 1;
      ALTER TABLE route_tables ADD COLUMN "resourceGroupId" TEXT NOT NULL DEFAULT '';
      ALTER TABLE route_tables ADD COLUMN tags TEXT NOT NULL DEFAULT '[]';
      ALTER TABLE route_tables ADD COLUMN status TEXT NOT NULL DEFAULT 'Available';
      ALTER TABLE route_tables ADD COLUMN "pendingStatus" TEXT NOT NULL DEFAULT '';
      ALTER TABLE route_tables ADD COLUMN "dueAt" BIGINT NOT NULL DEFAULT 0;
      UPDATE route_tables SET "resourceGroupId" = 'rg-acfm' || right("accountId", 11);
      CREATE INDEX IF NOT EXISTS route_tables_vpc ON route_tables("vpcId");
      CREATE INDEX IF NOT EXISTS route_tables_due ON route_tables("dueAt");
    `,
  },
];
