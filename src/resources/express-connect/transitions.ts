// The Express Connect module's transitions, with their `realistic` durations (none is published):
//  - a new physical connection is Initial, then Enabled by itself (the real service needs carrier
//    work, an approval and a payment: days, compressed to a minute under the realistic profile);
//  - TerminatePhysicalConnection: Enabled -> Terminating -> Terminated;
//  - TerminateVirtualBorderRouter: active -> terminating -> terminated;
//  - RecoverVirtualBorderRouter: terminated -> recovering -> active.
// Terraform's provider polls a VBR every few seconds for `terminated` or `active` after these calls.
// An injected transition fault (fail-self) ends a transition back in the status it started from.
import { transitionKinds } from '../../engine/transition-policy.js';
import { simpleSettler } from '../../engine/simple-settler.js';
import { settler } from '../../engine/transitions.js';
import type { Vbr } from './model.js';
import { PHYSICAL_CONNECTIONS, VBRS } from './storage.js';

export const EC_TRANSITIONS = transitionKinds('PhysicalConnection', { enable: 60_000, terminate: 30_000 });

export const VBR_TRANSITIONS = transitionKinds('VirtualBorderRouter', { terminate: 10_000, recover: 10_000 });

/** The first time a physical connection is Enabled is its EnabledTime. */
export const physicalConnectionSettler = simpleSettler('PhysicalConnection', PHYSICAL_CONNECTIONS, (pc, at) =>
  pc.status === 'Enabled' && pc.enabledAt === 0 ? { ...pc, enabledAt: at } : pc,
);

/** A VBR that reaches terminated records its TerminationTime; one recovered to active, its RecoveryTime. */
export const vbrSettler = settler<Vbr>({
  kind: 'VirtualBorderRouter',
  table: VBRS,
  async complete(tx, vbr) {
    if (vbr.pendingStatus === '') return;
    const to = vbr.pendingStatus;
    await tx.repo(VBRS).update({
      ...vbr,
      status: to,
      pendingStatus: '',
      dueAt: 0,
      terminatedAt: vbr.status === 'terminating' && to === 'terminated' ? vbr.dueAt : vbr.terminatedAt,
      recoveredAt: vbr.status === 'recovering' && to === 'active' ? vbr.dueAt : vbr.recoveredAt,
    });
  },
});
