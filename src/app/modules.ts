// Every resource module LocalVPC is made of: the one list the registry, the schema, the settlers,
// the transition kinds and the journal's resource keys are assembled from. A new resource is a
// new folder under src/resources/ and one line here. Order matters twice: migrations run in this
// order, and a call's journal resource is the first key found, in this order.
import type { ResourceModule } from '../engine/module.js';
import { accountsModule } from '../resources/accounts/module.js';
import { sharedModule } from '../resources/shared/module.js';
import { regionsModule } from '../resources/regions/module.js';
import { stsModule } from '../resources/sts/module.js';
import { routerInterfaceModule } from '../resources/router-interface/module.js';
import { vpcModule } from '../resources/vpc/module.js';
import { vswitchModule } from '../resources/vswitch/module.js';
import { expressConnectModule } from '../resources/express-connect/module.js';
import { routeEntryModule } from '../resources/route-entry/module.js';
import { tagsModule } from '../resources/tags/module.js';

export const MODULES: readonly ResourceModule[] = [
  accountsModule,
  sharedModule,
  regionsModule,
  stsModule,
  routerInterfaceModule,
  vpcModule,
  vswitchModule,
  expressConnectModule,
  routeEntryModule,
  tagsModule,
];
