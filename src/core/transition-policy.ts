// How long each kind of transition lasts, by profile:
//   instant   0 ms: done at the next request (tests)
//   fast      `transitionDelayMs` for every kind (default 1000 ms)
//   realistic per-kind figures close to the real service (see REALISTIC for where each comes from)
//   manual    held: a transitional state waits until it is stepped or released (admin API / CLI)

export const PROFILES = ['instant', 'fast', 'realistic', 'manual'] as const;
export type Profile = (typeof PROFILES)[number];

export type TransitionKind =
  | 'Vpc.create'
  | 'RouteEntry.create'
  | 'PhysicalConnection.enable'
  | 'RouterInterface.connect'
  | 'RouterInterface.activate'
  | 'RouterInterface.deactivate'
  | 'RouterInterface.modifySpec'
  | 'RouterInterface.delete';

/** A due time that never comes: the transition waits for step or release. */
export const HELD = 8_000_000_000_000_000;

/**
 * Per-kind delays of the `realistic` profile, in ms. None of these is published by Alibaba; all are
 * guesses from public material: the SDK docs tell clients to poll CreateVpc for a few seconds;
 * Terraform's alicloud provider waits up to 300 s for a new interface and polls every 5 s for
 * Active after connect/activate (it usually sees the change within one or two polls); a physical
 * connection takes days of carrier work in reality, compressed here to a minute.
 */
export const REALISTIC: Record<TransitionKind, number> = {
  'Vpc.create': 3_000,
  'RouteEntry.create': 2_000,
  'PhysicalConnection.enable': 60_000,
  'RouterInterface.connect': 10_000,
  'RouterInterface.activate': 8_000,
  'RouterInterface.deactivate': 8_000,
  'RouterInterface.modifySpec': 10_000,
  'RouterInterface.delete': 5_000,
};

export class TransitionPolicy {
  constructor(
    public profile: Profile,
    public fastDelayMs: number,
  ) {}

  /** Delay of a transition of this kind starting now; HELD under `manual`. */
  delay(kind: TransitionKind): number {
    switch (this.profile) {
      case 'instant':
        return 0;
      case 'fast':
        return this.fastDelayMs;
      case 'realistic':
        return REALISTIC[kind];
      case 'manual':
        return HELD;
    }
  }

  dueAt(kind: TransitionKind, now: number): number {
    const d = this.delay(kind);
    return d >= HELD ? HELD : Math.max(1, now + d);
  }
}
