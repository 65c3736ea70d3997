// What the admin routes work on.
import type { Services } from '../server/services.js';
import type { Metrics } from '../server/metrics.js';

export interface AdminDeps {
  services: Services;
  metrics: Metrics;
  /** Re-creates the default and configured accounts (after a reset that dropped accounts). */
  ensureAccounts(): void;
  startedAt: number;
  storage: string;
}
