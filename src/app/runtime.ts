// The runtime state behind ports (clock, transition profile, fault rules, journal, nonces), chosen
// by the store: in-process implementations beside SQLite (one process holds its database alone),
// shared ones in the database beside PostgreSQL, where several nodes must agree on them (see
// docs/architecture.md, "Several nodes on PostgreSQL"). What stays per node: metrics, ids, the
// wake-up timers, each node's nonce cache (in front of the shared table) and its callers' cache
// (dropped when any node changes keys or accounts).
import type { Config } from '../config/config.js';
import type { Store } from '../store/port.js';
import type { NonceStore } from '../protocol/auth.js';
import { ControlledClock, type ClockControl } from '../runtime/clock.js';
import { MemoryProfile, type ProfilePort } from '../engine/transition-policy.js';
import { MemoryFaults, type FaultRules } from '../runtime/faults.js';
import { MemoryJournal, type JournalPort } from '../runtime/journal.js';
import { StoredNonces } from '../runtime/stored-nonces.js';
import type { TransitionEngine } from '../engine/transitions.js';
import { PostgresStore } from '../store/postgres/pg-store.js';
import { SharedClock } from '../store/postgres/shared-clock.js';
import { SharedProfile } from '../store/postgres/shared-profile.js';
import { SharedFaults } from '../store/postgres/shared-faults.js';
import { SharedJournal } from '../store/postgres/shared-journal.js';
import { SharedNonces } from '../store/postgres/shared-nonces.js';

export interface Runtime {
  clock: ClockControl;
  profile: ProfilePort;
  faults: FaultRules;
  journal: JournalPort;
  /** Built once the store serves writes (the SQLite nonces write with them). */
  nonces(windowMs: number, capacity: number): NonceStore & { start(): Promise<void>; stop(): Promise<void> };
  /** Whether write units of this process may run at once (the transition engine keeps due times noted meanwhile). */
  concurrentUnits: boolean;
  /** Lets the transition engine hear of what other nodes changed (nothing to do for one process). */
  watch(transitions: TransitionEngine): void;
  stop(): Promise<void>;
}

/** How often a node looks at due times in the database, besides what NOTIFY tells it (a missed notification). */
const POLL_DUE_MS = 1000;

export async function runtimeFor(store: Store, config: Config): Promise<Runtime> {
  const initial = { profile: config.transitionProfile, fastDelayMs: config.transitionDelayMs };
  if (!(store instanceof PostgresStore)) {
    return {
      clock: new ControlledClock(),
      profile: new MemoryProfile(initial),
      faults: new MemoryFaults(),
      journal: new MemoryJournal(config.journalCapacity),
      nonces: (windowMs, capacity) => new StoredNonces(store, windowMs, capacity),
      concurrentUnits: false,
      watch: () => undefined,
      stop: () => Promise.resolve(),
    };
  }
  const clock = await SharedClock.open(store);
  const profile = await SharedProfile.open(store, initial);
  const faults = await SharedFaults.open(store);
  const journal = new SharedJournal(store, config.journalCapacity);
  await journal.start();
  let poll: NodeJS.Timeout | undefined;
  return {
    clock,
    profile,
    faults,
    journal,
    nonces: (windowMs, capacity) => new SharedNonces(store, windowMs, capacity),
    concurrentUnits: true,
    watch(transitions) {
      let soon: NodeJS.Timeout | undefined;
      const refresh = (): void => {
        if (soon) return;
        soon = setTimeout(() => {
          soon = undefined;
          transitions.refresh().catch(() => undefined);
        }, 20);
        soon.unref();
      };
      store.onRemoteChange(refresh);
      clock.onChange(refresh);
      poll = setInterval(refresh, POLL_DUE_MS);
      poll.unref();
    },
    async stop() {
      if (poll) clearInterval(poll);
      await journal.stop();
    },
  };
}
