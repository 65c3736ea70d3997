// vSwitches: the subnets of a VPC, each in one zone, with a CIDR block inside the VPC's blocks.
// Each serves a System route entry in the route table it is associated with (its VPC's system
// table unless a custom one is associated). Created, modified and deleted through Pending.
// Known gaps: no IPv6, no default vSwitches (CreateDefaultVSwitch), no instances inside a vSwitch,
// no network ACLs; association with a route table is instant.
import { defineModule } from '../../engine/module.js';
import { createVSwitch } from './create.js';
import { deleteVSwitch } from './delete.js';
import { describeVSwitches } from './describe.js';
import { describeVSwitchAttributes } from './describe-attributes.js';
import { modifyVSwitchAttribute } from './modify.js';
import { POSTGRES, SQLITE } from './migrations.js';
import { VSWITCHES } from './storage.js';
import { VSWITCH_TRANSITIONS, vswitchSettler } from './transitions.js';

export const vswitchModule = defineModule({
  name: 'vswitch',
  tables: [VSWITCHES],
  migrations: { sqlite: SQLITE, postgres: POSTGRES },
  actions: [createVSwitch, deleteVSwitch, describeVSwitches, describeVSwitchAttributes, modifyVSwitchAttribute],
  settlers: [vswitchSettler],
  transitions: Object.values(VSWITCH_TRANSITIONS),
  resourceKeys: ['VSwitchId'],
});
