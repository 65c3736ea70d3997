// The VBR side of Express Connect: access points (a fixed set per region), physical connections and
// virtual border routers, plus the grants that let another account's VBR connect to a VPC. The
// state machines are in states.ts, the settling of transitions in transitions.ts.
// Known gaps / choices: a physical connection is `Initial` when created and becomes `Enabled` by
// itself after the transition delay: the real service's approval, construction (Approved,
// Allocating, Allocated), confirmation and payment steps are skipped, so EnablePhysicalConnection
// also accepts an Initial connection (Alibaba: Confirmed only). A VBR is `active` at once, also one
// created for another account (VbrOwnerId), which the real service first shows as `unconfirmed`;
// DeleteVirtualBorderRouter removes the VBR at once (no `deleting`); a terminated VBR keeps its
// VLAN for as long as it exists (Alibaba: 7 days); `VlanInterfaceId` is an id only (no interface
// record behind it); AssociatedPhysicalConnections is not kept.
import { defineModule } from '../../engine/module.js';
import { cancelPhysicalConnection } from './cancel-physical-connection.js';
import { createPhysicalConnection } from './create-physical-connection.js';
import { createVirtualBorderRouter } from './create-virtual-border-router.js';
import { deletePhysicalConnection } from './delete-physical-connection.js';
import { deleteVirtualBorderRouter } from './delete-virtual-border-router.js';
import { describeAccessPoints } from './describe-access-points.js';
import { describePhysicalConnections } from './describe-physical-connections.js';
import { describeVirtualBorderRouters } from './describe-virtual-border-routers.js';
import { enablePhysicalConnection } from './enable-physical-connection.js';
import { describeEcGrantRelation, grantInstanceToVbr, revokeInstanceFromVbr } from './grants.js';
import { POSTGRES, SQLITE } from './migrations.js';
import { modifyPhysicalConnectionAttribute } from './modify-physical-connection-attribute.js';
import { modifyVirtualBorderRouterAttribute } from './modify-virtual-border-router-attribute.js';
import { recoverVirtualBorderRouter } from './recover-virtual-border-router.js';
import { EC_GRANTS, PHYSICAL_CONNECTIONS, VBRS } from './storage.js';
import { terminatePhysicalConnection } from './terminate-physical-connection.js';
import { terminateVirtualBorderRouter } from './terminate-virtual-border-router.js';
import { EC_TRANSITIONS, physicalConnectionSettler, VBR_TRANSITIONS, vbrSettler } from './transitions.js';

export const expressConnectModule = defineModule({
  name: 'express-connect',
  tables: [PHYSICAL_CONNECTIONS, VBRS, EC_GRANTS],
  migrations: { sqlite: SQLITE, postgres: POSTGRES },
  actions: [
    describeAccessPoints,
    createPhysicalConnection,
    describePhysicalConnections,
    modifyPhysicalConnectionAttribute,
    enablePhysicalConnection,
    cancelPhysicalConnection,
    terminatePhysicalConnection,
    deletePhysicalConnection,
    createVirtualBorderRouter,
    describeVirtualBorderRouters,
    modifyVirtualBorderRouterAttribute,
    terminateVirtualBorderRouter,
    recoverVirtualBorderRouter,
    deleteVirtualBorderRouter,
    grantInstanceToVbr,
    revokeInstanceFromVbr,
    describeEcGrantRelation,
  ],
  settlers: [physicalConnectionSettler, vbrSettler],
  transitions: [...Object.values(EC_TRANSITIONS), ...Object.values(VBR_TRANSITIONS)],
  resourceKeys: ['VbrId', 'PhysicalConnectionId'],
});
