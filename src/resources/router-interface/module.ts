// Router interfaces (Express Connect): one end of a link between two routers, in any regions and
// accounts. The state machine is in states.ts, the settling of transitions in transitions.ts.
// Known gaps: no health-check probing (HealthCheckStatus is Normal when configured), no renewal
// (Reservation*) data, no real billing: PrePaid interfaces get an OrderId and an EndTime but are
// never charged, and DeleteRouterInterface accepts them; `Modifying` is never entered
// (ModifyRouterInterfaceAttribute is instant, ModifyRouterInterfaceSpec goes through Activating
// as the documentation says).
import { defineModule } from '../../engine/module.js';
import { activateRouterInterface, deactivateRouterInterface } from './activate.js';
import { connectRouterInterface } from './connect.js';
import { createRouterInterface } from './create.js';
import { deleteRouterInterface } from './delete.js';
import { deleteExpressConnect } from './delete-express-connect.js';
import { describeRouterInterfaceAttribute } from './describe-attribute.js';
import { describeRouterInterfaces } from './describe.js';
import { POSTGRES, SQLITE } from './migrations.js';
import { modifyRouterInterfaceAttribute } from './modify-attribute.js';
import { modifyRouterInterfaceSpec } from './modify-spec.js';
import { ROUTER_INTERFACES } from './storage.js';
import { RI_TRANSITIONS, routerInterfaceSettler } from './transitions.js';

export const routerInterfaceModule = defineModule({
  name: 'router-interface',
  tables: [ROUTER_INTERFACES],
  migrations: { sqlite: SQLITE, postgres: POSTGRES },
  actions: [
    createRouterInterface,
    connectRouterInterface,
    activateRouterInterface,
    deactivateRouterInterface,
    modifyRouterInterfaceAttribute,
    modifyRouterInterfaceSpec,
    deleteRouterInterface,
    deleteExpressConnect,
    describeRouterInterfaces,
    describeRouterInterfaceAttribute,
  ],
  settlers: [routerInterfaceSettler],
  transitions: Object.values(RI_TRANSITIONS),
  resourceKeys: ['RouterInterfaceId', 'InstanceId'],
});
