// The Express Connect state machines, written once: which statuses each action accepts, and the
// transitional states terminate and recover go through (transitions.ts completes them).
// Physical connections (LocalVPC skips the approval, construction and payment steps: a new one is
// Initial, then Enabled by itself; Approved, Allocating, Allocated, Confirmed, Rejected and
// AllocationFailed are never entered by an action, only through an imported snapshot):
//   enable:    Initial | Confirmed -> Enabled (Initial too, since nothing else would confirm it)
//   cancel:    Initial | Approved | Allocated | Confirmed -> Canceled
//   terminate: Enabled -> Terminating -> Terminated
//   modify:    Initial | Enabled | Rejected (a Rejected one goes back to Initial)
//   delete:    Allocated | Confirmed | Rejected | Canceled | AllocationFailed | Terminated -> gone
// VBRs (`unconfirmed`, `deleting` are never entered: a VBR is active at once and deleted at once):
//   terminate: active -> terminating -> terminated
//   recover:   terminated -> recovering -> active
//   modify:    active
//   delete:    unconfirmed | active | terminated -> gone
import type { TransitionPlan } from '../../engine/action.js';
import type { PcStatus, PhysicalConnection, Vbr, VbrStatus } from './model.js';

export const PC_RULES = {
  enable: ['Initial', 'Confirmed'],
  cancel: ['Initial', 'Approved', 'Allocated', 'Confirmed'],
  terminate: ['Enabled'],
  modify: ['Initial', 'Enabled', 'Rejected'],
  delete: ['Allocated', 'Confirmed', 'Rejected', 'Canceled', 'AllocationFailed', 'Terminated'],
} as const satisfies Record<string, readonly PcStatus[]>;

export const VBR_RULES = {
  terminate: ['active'],
  recover: ['terminated'],
  modify: ['active'],
  delete: ['unconfirmed', 'active', 'terminated'],
} as const satisfies Record<string, readonly VbrStatus[]>;

export function pcMay(pc: PhysicalConnection, action: keyof typeof PC_RULES): boolean {
  const from: readonly PcStatus[] = PC_RULES[action];
  return from.includes(pc.status);
}

export function vbrMay(vbr: Vbr, action: keyof typeof VBR_RULES): boolean {
  const from: readonly VbrStatus[] = VBR_RULES[action];
  return from.includes(vbr.status);
}

const VBR_TRANSITIONAL = {
  terminate: { via: 'terminating', to: 'terminated' },
  recover: { via: 'recovering', to: 'active' },
} as const satisfies Record<string, { via: VbrStatus; to: VbrStatus }>;

/** The VBR in the transitional state of `t`, due when the plan says (back where it was under an injected fault). */
export function beginVbr(vbr: Vbr, t: keyof typeof VBR_TRANSITIONAL, plan: TransitionPlan): Vbr {
  if (!vbrMay(vbr, t)) throw new Error(`VBR transition ${t} from ${vbr.status} is not in the table`);
  const tr = VBR_TRANSITIONAL[t];
  return { ...vbr, status: tr.via, pendingStatus: plan.revert === 'self' ? vbr.status : tr.to, dueAt: Math.max(plan.dueAt, 1) };
}

/** The physical connection in Terminating, Terminated when the plan says. */
export function beginPcTerminate(pc: PhysicalConnection, plan: TransitionPlan): PhysicalConnection {
  if (!pcMay(pc, 'terminate')) throw new Error(`physical connection terminate from ${pc.status} is not in the table`);
  return { ...pc, status: 'Terminating', pendingStatus: plan.revert === 'self' ? pc.status : 'Terminated', dueAt: Math.max(plan.dueAt, 1) };
}
