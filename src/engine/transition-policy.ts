// How long each kind of transition lasts, by profile:
//   instant   0 ms: done at the next request (tests)
//   fast      `fastDelayMs` for every kind (default 1000 ms)
//   realistic each kind's own figure, declared by its module (none is published by Alibaba)
//   manual    held: a transitional state waits until it is stepped or released (admin API / CLI)
// The profile is runtime state behind a small port: this in-process one keeps it in memory.
import type { TransitionKind } from './action.js';

export const PROFILES = ['instant', 'fast', 'realistic', 'manual'] as const;
export type Profile = (typeof PROFILES)[number];

/** A due time that never comes: the transition waits for step or release. */
export const HELD = 8_000_000_000_000_000;

export interface ProfileSettings {
  profile: Profile;
  fastDelayMs: number;
}

/** The transition profile in force (shared by every node of a deployment that has several). */
export interface ProfilePort {
  current(): ProfileSettings;
  set(next: Partial<ProfileSettings>): Promise<void>;
}

export class MemoryProfile implements ProfilePort {
  private settings: ProfileSettings;

  constructor(initial: ProfileSettings) {
    this.settings = { ...initial };
  }

  current(): ProfileSettings {
    return this.settings;
  }

  set(next: Partial<ProfileSettings>): Promise<void> {
    this.settings = { ...this.settings, ...next };
    return Promise.resolve();
  }
}

/** Delay of a transition of this kind starting now; HELD under `manual`. */
export function delayOf(s: ProfileSettings, kind: TransitionKind): number {
  switch (s.profile) {
    case 'instant':
      return 0;
    case 'fast':
      return s.fastDelayMs;
    case 'realistic':
      return kind.realisticMs;
    case 'manual':
      return HELD;
  }
}

export function dueAtOf(s: ProfileSettings, kind: TransitionKind, now: number): number {
  const d = delayOf(s, kind);
  return d >= HELD ? HELD : Math.max(1, now + d);
}

/** Declares a module's transition kinds: `kinds('RouterInterface', { connect: 10_000 })`. */
export function transitionKinds<K extends string>(resource: string, realisticMs: Record<K, number>): Record<K, TransitionKind> {
  const out = {} as Record<K, TransitionKind>;
  for (const k of Object.keys(realisticMs) as K[]) out[k] = { kind: `${resource}.${k}`, realisticMs: realisticMs[k] };
  return out;
}
