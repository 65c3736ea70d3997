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
  {
    version: 2,
    name: 'vpcs, routers, route tables and entries, express connect, router interfaces, grants, client tokens',
    sql: `
      CREATE TABLE vpcs (
        id TEXT PRIMARY KEY, accountId TEXT NOT NULL, regionId TEXT NOT NULL, name TEXT NOT NULL, description TEXT NOT NULL,
        cidrBlock TEXT NOT NULL, status TEXT NOT NULL, vRouterId TEXT NOT NULL, routeTableId TEXT NOT NULL,
        resourceGroupId TEXT NOT NULL, isDefault INTEGER NOT NULL, tags TEXT NOT NULL, createdAt INTEGER NOT NULL,
        pendingStatus TEXT NOT NULL, dueAt INTEGER NOT NULL
      );
      CREATE INDEX vpcs_owner ON vpcs(accountId, regionId, createdAt);
      CREATE INDEX vpcs_due ON vpcs(dueAt);
      CREATE TABLE routers (
        id TEXT PRIMARY KEY, kind TEXT NOT NULL, accountId TEXT NOT NULL, regionId TEXT NOT NULL, vpcId TEXT NOT NULL,
        accessPointId TEXT NOT NULL, routeTableId TEXT NOT NULL, name TEXT NOT NULL, description TEXT NOT NULL, createdAt INTEGER NOT NULL
      );
      CREATE INDEX routers_owner ON routers(accountId, regionId, kind, createdAt);
      CREATE TABLE route_tables (
        id TEXT PRIMARY KEY, accountId TEXT NOT NULL, regionId TEXT NOT NULL, routerId TEXT NOT NULL, routerType TEXT NOT NULL,
        vpcId TEXT NOT NULL, name TEXT NOT NULL, description TEXT NOT NULL, createdAt INTEGER NOT NULL
      );
      CREATE INDEX route_tables_owner ON route_tables(accountId, regionId, createdAt);
      CREATE TABLE route_entries (
        id TEXT PRIMARY KEY, accountId TEXT NOT NULL, regionId TEXT NOT NULL, routeTableId TEXT NOT NULL,
        destinationCidrBlock TEXT NOT NULL, nextHopType TEXT NOT NULL, nextHopId TEXT NOT NULL, name TEXT NOT NULL,
        description TEXT NOT NULL, status TEXT NOT NULL, createdAt INTEGER NOT NULL, pendingStatus TEXT NOT NULL, dueAt INTEGER NOT NULL
      );
      CREATE INDEX route_entries_table ON route_entries(routeTableId, createdAt);
      CREATE INDEX route_entries_hop ON route_entries(nextHopId);
      CREATE INDEX route_entries_due ON route_entries(dueAt);
      CREATE TABLE physical_connections (
        id TEXT PRIMARY KEY, accountId TEXT NOT NULL, regionId TEXT NOT NULL, accessPointId TEXT NOT NULL, type TEXT NOT NULL,
        lineOperator TEXT NOT NULL, portType TEXT NOT NULL, bandwidth INTEGER NOT NULL, name TEXT NOT NULL, description TEXT NOT NULL,
        circuitCode TEXT NOT NULL, peerLocation TEXT NOT NULL, redundantId TEXT NOT NULL, status TEXT NOT NULL,
        createdAt INTEGER NOT NULL, enabledAt INTEGER NOT NULL, pendingStatus TEXT NOT NULL, dueAt INTEGER NOT NULL
      );
      CREATE INDEX physical_connections_owner ON physical_connections(accountId, regionId, createdAt);
      CREATE INDEX physical_connections_due ON physical_connections(dueAt);
      CREATE TABLE vbrs (
        id TEXT PRIMARY KEY, accountId TEXT NOT NULL, regionId TEXT NOT NULL, physicalConnectionId TEXT NOT NULL,
        physicalConnectionOwnerId TEXT NOT NULL, accessPointId TEXT NOT NULL, vlanId INTEGER NOT NULL, vlanInterfaceId TEXT NOT NULL,
        localGatewayIp TEXT NOT NULL, peerGatewayIp TEXT NOT NULL, peeringSubnetMask TEXT NOT NULL, name TEXT NOT NULL,
        description TEXT NOT NULL, circuitCode TEXT NOT NULL, bandwidth INTEGER NOT NULL, status TEXT NOT NULL,
        routeTableId TEXT NOT NULL, tags TEXT NOT NULL, createdAt INTEGER NOT NULL, activatedAt INTEGER NOT NULL
      );
      CREATE INDEX vbrs_owner ON vbrs(accountId, regionId, createdAt);
      CREATE INDEX vbrs_pc ON vbrs(physicalConnectionId);
      CREATE TABLE router_interfaces (
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
      CREATE INDEX router_interfaces_owner ON router_interfaces(accountId, regionId, createdAt, id);
      CREATE INDEX router_interfaces_router ON router_interfaces(routerId);
      CREATE INDEX router_interfaces_opposite_router ON router_interfaces(oppositeRouterId);
      CREATE INDEX router_interfaces_due ON router_interfaces(dueAt);
      CREATE TABLE ec_grants (
        id TEXT PRIMARY KEY, accountId TEXT NOT NULL, regionId TEXT NOT NULL, vpcId TEXT NOT NULL, vbrOwnerUid TEXT NOT NULL,
        vbrInstanceId TEXT NOT NULL, vbrRegionId TEXT NOT NULL, grantType TEXT NOT NULL, createdAt INTEGER NOT NULL
      );
      CREATE INDEX ec_grants_vpc ON ec_grants(vpcId);
      CREATE INDEX ec_grants_vbr_owner ON ec_grants(vbrOwnerUid, vbrRegionId);
      CREATE TABLE client_tokens (
        id TEXT PRIMARY KEY, result TEXT NOT NULL, createdAt INTEGER NOT NULL
      );
    `,
  },
  {
    version: 3,
    name: 'named snapshots',
    sql: `
      CREATE TABLE snapshots (
        name TEXT PRIMARY KEY, createdAt INTEGER NOT NULL, document TEXT NOT NULL
      );
    `,
  },
  {
    version: 4,
    name: 'index interfaces by the interface they name',
    sql: `CREATE INDEX router_interfaces_opposite_interface ON router_interfaces(oppositeInterfaceId);`,
  },
];
