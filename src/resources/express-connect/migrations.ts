// The Express Connect module's schema, per dialect. Append only: a released migration never changes.
import type { Migration } from '../../store/port.js';

export const SQLITE: readonly Migration[] = [
  {
    version: 1,
    name: 'physical connections, virtual border routers and grants',
    sql: `
      CREATE TABLE IF NOT EXISTS physical_connections (
        id TEXT PRIMARY KEY, accountId TEXT NOT NULL, regionId TEXT NOT NULL, accessPointId TEXT NOT NULL, type TEXT NOT NULL,
        lineOperator TEXT NOT NULL, portType TEXT NOT NULL, bandwidth INTEGER NOT NULL, name TEXT NOT NULL, description TEXT NOT NULL,
        circuitCode TEXT NOT NULL, peerLocation TEXT NOT NULL, redundantId TEXT NOT NULL, status TEXT NOT NULL,
        createdAt INTEGER NOT NULL, enabledAt INTEGER NOT NULL, pendingStatus TEXT NOT NULL, dueAt INTEGER NOT NULL
      );
      CREATE INDEX IF NOT EXISTS physical_connections_owner ON physical_connections(accountId, regionId, createdAt);
      CREATE INDEX IF NOT EXISTS physical_connections_due ON physical_connections(dueAt);
      CREATE TABLE IF NOT EXISTS vbrs (
        id TEXT PRIMARY KEY, accountId TEXT NOT NULL, regionId TEXT NOT NULL, physicalConnectionId TEXT NOT NULL,
        physicalConnectionOwnerId TEXT NOT NULL, accessPointId TEXT NOT NULL, vlanId INTEGER NOT NULL, vlanInterfaceId TEXT NOT NULL,
        localGatewayIp TEXT NOT NULL, peerGatewayIp TEXT NOT NULL, peeringSubnetMask TEXT NOT NULL, name TEXT NOT NULL,
        description TEXT NOT NULL, circuitCode TEXT NOT NULL, bandwidth INTEGER NOT NULL, status TEXT NOT NULL,
        routeTableId TEXT NOT NULL, tags TEXT NOT NULL, createdAt INTEGER NOT NULL, activatedAt INTEGER NOT NULL
      );
      CREATE INDEX IF NOT EXISTS vbrs_owner ON vbrs(accountId, regionId, createdAt);
      CREATE INDEX IF NOT EXISTS vbrs_pc ON vbrs(physicalConnectionId);
      CREATE TABLE IF NOT EXISTS ec_grants (
        id TEXT PRIMARY KEY, accountId TEXT NOT NULL, regionId TEXT NOT NULL, vpcId TEXT NOT NULL, vbrOwnerUid TEXT NOT NULL,
        vbrInstanceId TEXT NOT NULL, vbrRegionId TEXT NOT NULL, grantType TEXT NOT NULL, createdAt INTEGER NOT NULL
      );
      CREATE INDEX IF NOT EXISTS ec_grants_vpc ON ec_grants(vpcId);
      CREATE INDEX IF NOT EXISTS ec_grants_vbr_owner ON ec_grants(vbrOwnerUid, vbrRegionId);
    `,
  },
  {
    version: 2,
    name: 'tags and resource groups, VBR transitions (terminate, recover), BFD, MTU, IPv6 and SiteLink settings',
    // Every new column has a default, so rows written before stay valid; the resource group of an
    // existing row is its account's default one (defaultResourceGroup in vpc/model.ts, in SQL).
    sql: `
      ALTER TABLE physical_connections ADD COLUMN tags TEXT NOT NULL DEFAULT '[]';
      ALTER TABLE physical_connections ADD COLUMN resourceGroupId TEXT NOT NULL DEFAULT '';
      UPDATE physical_connections SET resourceGroupId = 'rg-acfm' || substr(accountId, -11) WHERE resourceGroupId = '';
      ALTER TABLE vbrs ADD COLUMN resourceGroupId TEXT NOT NULL DEFAULT '';
      UPDATE vbrs SET resourceGroupId = 'rg-acfm' || substr(accountId, -11) WHERE resourceGroupId = '';
      ALTER TABLE vbrs ADD COLUMN localIpv6GatewayIp TEXT NOT NULL DEFAULT '';
      ALTER TABLE vbrs ADD COLUMN peerIpv6GatewayIp TEXT NOT NULL DEFAULT '';
      ALTER TABLE vbrs ADD COLUMN peeringIpv6SubnetMask TEXT NOT NULL DEFAULT '';
      ALTER TABLE vbrs ADD COLUMN enableIpv6 INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE vbrs ADD COLUMN minRxInterval INTEGER NOT NULL DEFAULT 200;
      ALTER TABLE vbrs ADD COLUMN minTxInterval INTEGER NOT NULL DEFAULT 200;
      ALTER TABLE vbrs ADD COLUMN detectMultiplier INTEGER NOT NULL DEFAULT 3;
      ALTER TABLE vbrs ADD COLUMN mtu INTEGER NOT NULL DEFAULT 1500;
      ALTER TABLE vbrs ADD COLUMN sitelinkEnable INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE vbrs ADD COLUMN terminatedAt INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE vbrs ADD COLUMN recoveredAt INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE vbrs ADD COLUMN pendingStatus TEXT NOT NULL DEFAULT '';
      ALTER TABLE vbrs ADD COLUMN dueAt INTEGER NOT NULL DEFAULT 0;
      CREATE INDEX IF NOT EXISTS vbrs_due ON vbrs(dueAt);
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
    name: 'physical connections, virtual border routers and grants',
    sql: `
      CREATE TABLE IF NOT EXISTS physical_connections (
        id TEXT PRIMARY KEY, "accountId" TEXT NOT NULL, "regionId" TEXT NOT NULL, "accessPointId" TEXT NOT NULL, type TEXT NOT NULL,
        "lineOperator" TEXT NOT NULL, "portType" TEXT NOT NULL, bandwidth BIGINT NOT NULL, name TEXT NOT NULL, description TEXT NOT NULL,
        "circuitCode" TEXT NOT NULL, "peerLocation" TEXT NOT NULL, "redundantId" TEXT NOT NULL, status TEXT NOT NULL,
        "createdAt" BIGINT NOT NULL, "enabledAt" BIGINT NOT NULL, "pendingStatus" TEXT NOT NULL, "dueAt" BIGINT NOT NULL
      );
      CREATE INDEX IF NOT EXISTS physical_connections_owner ON physical_connections("accountId", "regionId", "createdAt");
      CREATE INDEX IF NOT EXISTS physical_connections_due ON physical_connections("dueAt");
      CREATE TABLE IF NOT EXISTS vbrs (
        id TEXT PRIMARY KEY, "accountId" TEXT NOT NULL, "regionId" TEXT NOT NULL, "physicalConnectionId" TEXT NOT NULL,
        "physicalConnectionOwnerId" TEXT NOT NULL, "accessPointId" TEXT NOT NULL, "vlanId" BIGINT NOT NULL, "vlanInterfaceId" TEXT NOT NULL,
        "localGatewayIp" TEXT NOT NULL, "peerGatewayIp" TEXT NOT NULL, "peeringSubnetMask" TEXT NOT NULL, name TEXT NOT NULL,
        description TEXT NOT NULL, "circuitCode" TEXT NOT NULL, bandwidth BIGINT NOT NULL, status TEXT NOT NULL,
        "routeTableId" TEXT NOT NULL, tags TEXT NOT NULL, "createdAt" BIGINT NOT NULL, "activatedAt" BIGINT NOT NULL
      );
      CREATE INDEX IF NOT EXISTS vbrs_owner ON vbrs("accountId", "regionId", "createdAt");
      CREATE INDEX IF NOT EXISTS vbrs_pc ON vbrs("physicalConnectionId");
      CREATE TABLE IF NOT EXISTS ec_grants (
        id TEXT PRIMARY KEY, "accountId" TEXT NOT NULL, "regionId" TEXT NOT NULL, "vpcId" TEXT NOT NULL, "vbrOwnerUid" TEXT NOT NULL,
        "vbrInstanceId" TEXT NOT NULL, "vbrRegionId" TEXT NOT NULL, "grantType" TEXT NOT NULL, "createdAt" BIGINT NOT NULL
      );
      CREATE INDEX IF NOT EXISTS ec_grants_vpc ON ec_grants("vpcId");
      CREATE INDEX IF NOT EXISTS ec_grants_vbr_owner ON ec_grants("vbrOwnerUid", "vbrRegionId");
    `,
  },
  {
    version: 2,
    name: 'tags and resource groups, VBR transitions (terminate, recover), BFD, MTU, IPv6 and SiteLink settings',
    // Every new column has a default, so rows written before stay valid; the resource group of an
    // existing row is its account's default one (defaultResourceGroup in vpc/model.ts, in SQL).
    sql: `
      ALTER TABLE physical_connections ADD COLUMN tags TEXT NOT NULL DEFAULT '[]';
      ALTER TABLE physical_connections ADD COLUMN "resourceGroupId" TEXT NOT NULL DEFAULT '';
      UPDATE physical_connections SET "resourceGroupId" = 'rg-acfm' || right("accountId", 11) WHERE "resourceGroupId" = '';
      ALTER TABLE vbrs ADD COLUMN "resourceGroupId" TEXT NOT NULL DEFAULT '';
      UPDATE vbrs SET "resourceGroupId" = 'rg-acfm' || right("accountId", 11) WHERE "resourceGroupId" = '';
      ALTER TABLE vbrs ADD COLUMN "localIpv6GatewayIp" TEXT NOT NULL DEFAULT '';
      ALTER TABLE vbrs ADD COLUMN "peerIpv6GatewayIp" TEXT NOT NULL DEFAULT '';
      ALTER TABLE vbrs ADD COLUMN "peeringIpv6SubnetMask" TEXT NOT NULL DEFAULT '';
      ALTER TABLE vbrs ADD COLUMN "enableIpv6" BIGINT NOT NULL DEFAULT 0;
      ALTER TABLE vbrs ADD COLUMN "minRxInterval" BIGINT NOT NULL DEFAULT 200;
      ALTER TABLE vbrs ADD COLUMN "minTxInterval" BIGINT NOT NULL DEFAULT 200;
      ALTER TABLE vbrs ADD COLUMN "detectMultiplier" BIGINT NOT NULL DEFAULT 3;
      ALTER TABLE vbrs ADD COLUMN mtu BIGINT NOT NULL DEFAULT 1500;
      ALTER TABLE vbrs ADD COLUMN "sitelinkEnable" BIGINT NOT NULL DEFAULT 0;
      ALTER TABLE vbrs ADD COLUMN "terminatedAt" BIGINT NOT NULL DEFAULT 0;
      ALTER TABLE vbrs ADD COLUMN "recoveredAt" BIGINT NOT NULL DEFAULT 0;
      ALTER TABLE vbrs ADD COLUMN "pendingStatus" TEXT NOT NULL DEFAULT '';
      ALTER TABLE vbrs ADD COLUMN "dueAt" BIGINT NOT NULL DEFAULT 0;
      CREATE INDEX IF NOT EXISTS vbrs_due ON vbrs("dueAt");
    `,
  },
];
