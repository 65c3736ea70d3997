// The router-interface state machine, written once. Every action that changes a status goes
// through `begin`, which checks the table and records the transitional state and its due time;
// transitions.ts completes it. Both ends of a pair move together (choices documented in README):
//   connect:     initiator Idle -> Connecting -> Active, acceptor Idle -> AcceptingConnecting -> Active
//   deactivate:  Active -> Deactivating -> Inactive (both ends)
//   activate:    Inactive -> Activating -> Active (both ends)
//   modify spec: Active -> Activating -> Active (both ends; the documented path)
//   delete:      Idle | Inactive -> Deleting -> gone (this end only; the peer shows OppositeInterfaceStatus Deleted)
import type { RouterInterface, Status } from './model.js';

export interface Transition {
  from: readonly Status[];
  via: Status;
  to: Status;
}

export const TRANSITIONS = {
  connect: { from: ['Idle'], via: 'Connecting', to: 'Active' },
  accept: { from: ['Idle'], via: 'AcceptingConnecting', to: 'Active' },
  deactivate: { from: ['Active'], via: 'Deactivating', to: 'Inactive' },
  activate: { from: ['Inactive'], via: 'Activating', to: 'Active' },
  modifySpec: { from: ['Active'], via: 'Activating', to: 'Active' },
  delete: { from: ['Idle', 'Inactive'], via: 'Deleting', to: 'Deleted' },
} as const satisfies Record<string, Transition>;

export type TransitionName = keyof typeof TRANSITIONS;

export function allowed(ri: RouterInterface, t: TransitionName): boolean {
  const from: readonly Status[] = TRANSITIONS[t].from;
  return from.includes(ri.status);
}

/**
 * Puts the interface in the transition's intermediate state, due at `dueAt`. With `revert` (an
 * injected fault), the transition ends back in the status it started from.
 */
export function begin(ri: RouterInterface, t: TransitionName, now: number, dueAt: number, revert = false): RouterInterface {
  if (!allowed(ri, t)) throw new Error(`transition ${t} from ${ri.status} is not in the table`);
  const tr = TRANSITIONS[t];
  return { ...ri, status: tr.via, pendingStatus: revert ? ri.status : tr.to, dueAt: Math.max(dueAt, 1), modifiedAt: now };
}

/** The pairs of statuses the two ends of a link may be in at the same time. */
export const MATCHING: readonly (readonly [Status, Status])[] = [
  ['Idle', 'Idle'],
  ['Connecting', 'AcceptingConnecting'],
  ['Active', 'Active'],
  ['Activating', 'Activating'],
  ['Deactivating', 'Deactivating'],
  ['Inactive', 'Inactive'],
];
