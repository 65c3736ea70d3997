// The transition profile of a PostgreSQL deployment, shared by every node: a transition's delay
// does not depend on the node that started it. The first node to start on a database stores its
// configured profile; later nodes take the stored one (a change goes through the admin API).
import type { ProfilePort, ProfileSettings } from '../../engine/transition-policy.js';
import type { PostgresStore } from './pg-store.js';
import { SharedValue } from './shared-state.js';

export class SharedProfile implements ProfilePort {
  private constructor(private readonly shared: SharedValue<ProfileSettings>) {}

  static async open(store: PostgresStore, initial: ProfileSettings): Promise<SharedProfile> {
    return new SharedProfile(await SharedValue.open(store, 'profile', initial));
  }

  current(): ProfileSettings {
    return this.shared.get();
  }

  async set(next: Partial<ProfileSettings>): Promise<void> {
    await this.shared.update((s) => ({ ...s, ...next }));
  }
}
