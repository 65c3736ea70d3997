// The VBR side of Express Connect: access points (a fixed set per region), physical connections and
// virtual border routers, plus the grants that let another account's VBR connect to a VPC.
// Known gaps / choices: a physical connection is `Initial` when created and becomes `Enabled` by
// itself after the transition delay (the real service needs an operator's approval, a payment and
// EnablePhysicalConnection); a VBR is `active` at once, also one created for another account
// (VbrOwnerId), which the real service first shows as `unconfirmed`; DeleteVirtualBorderRouter
// removes the VBR at once; `VlanInterfaceId` is an id only (no interface record behind it).
import { defineModule } from '../../engine/module.js';
import { createPhysicalConnection } from './create-physical-connection.js';
import { createVirtualBorderRouter } from './create-virtual-border-router.js';
import { deleteVirtualBorderRouter } from './delete-virtual-border-router.js';
import { describeAccessPoints } from './describe-access-points.js';
import { describePhysicalConnections } from './describe-physical-connections.js';
import { describeVirtualBorderRouters } from './describe-virtual-border-routers.js';
import { describeEcGrantRelation, grantInstanceToVbr, revokeInstanceFromVbr } from './grants.js';
import { SQLITE } from './migrations.js';
import { EC_GRANTS, PHYSICAL_CONNECTIONS, VBRS } from './storage.js';
import { EC_TRANSITIONS, physicalConnectionSettler } from './transitions.js';

export const expressConnectModule = defineModule({
  name: 'express-connect',
  tables: [PHYSICAL_CONNECTIONS, VBRS, EC_GRANTS],
  migrations: { sqlite: SQLITE },
  actions: [
    describeAccessPoints,
    createPhysicalConnection,
    describePhysicalConnections,
    createVirtualBorderRouter,
    describeVirtualBorderRouters,
    deleteVirtualBorderRouter,
    grantInstanceToVbr,
    revokeInstanceFromVbr,
    describeEcGrantRelation,
  ],
  settlers: [physicalConnectionSettler],
  transitions: Object.values(EC_TRANSITIONS),
  resourceKeys: ['VbrId', 'PhysicalConnectionId'],
});
