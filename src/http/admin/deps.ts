// What the admin routes work on, handed to them explicitly by the composition root.
import type { Store } from '../../store/port.js';
import type { Engine } from '../../engine/invoke.js';
import type { Registry } from '../../engine/module.js';
import type { TransitionEngine } from '../../engine/transitions.js';
import type { ProfilePort } from '../../engine/transition-policy.js';
import type { ClockControl } from '../../runtime/clock.js';
import type { FaultRules } from '../../runtime/faults.js';
import type { JournalPort } from '../../runtime/journal.js';
import type { IdGenerator } from '../../core/ids.js';
import type { Metrics } from '../metrics.js';

export interface AdminDeps {
  store: Store;
  engine: Engine;
  registry: Registry;
  clock: ClockControl;
  ids: IdGenerator;
  profile: ProfilePort;
  transitions: TransitionEngine;
  faults: FaultRules;
  journal: JournalPort;
  metrics: Metrics;
  /** Re-creates the default and configured accounts (after a reset that dropped accounts). */
  ensureAccounts(): Promise<void>;
  /** The AliUid calls run as when none is named. */
  defaultAccount: string;
  startedAt: number;
  /** Where state is kept, in words (a file path, or "memory"). */
  storage: string;
  /** Aborted when the server starts to stop: long-lived streams end. */
  stopping: AbortSignal;
  /** Records an admin action (log and journal, event type `Admin`); absent, nothing is recorded. */
  audit?: (a: AdminAction) => void;
}

/** A change made through the admin API: `ClockAdvance`, `Reset`, `FaultAdd`... */
export interface AdminAction {
  name: string;
  /** What it acted on (a resource id, a fault rule, a snapshot), or ''. */
  resource: string;
  /** The request's parameters, in short (JSON). */
  detail: string;
}
