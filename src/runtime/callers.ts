// Who may call: AccessKeys and their accounts as the gateway needs them for every signed request.
// This in-process directory caches them in memory (the tables are small) and drops the cache
// whenever either table changes or a unit of work rolls back, rebuilding lazily from storage, so it
// never serves a stale or uncommitted key. A deployment of several nodes needs every node to learn
// of a change (a disabled key) within a second: see docs/architecture.md.
import type { Store } from '../store/port.js';
import type { KeyRecord } from '../protocol/auth.js';
import type { Account } from '../resources/accounts/model.js';
import { ACCESS_KEYS, ACCOUNTS } from '../resources/accounts/storage.js';

export interface CallerRecord extends KeyRecord {
  account: Account;
}

export interface CallerDirectory {
  /** The key and its account; usable only while the key is Active and its account enabled. */
  lookup(accessKeyId: string): Promise<CallerRecord | undefined>;
}

export class CachedCallers implements CallerDirectory {
  private keys = new Map<string, CallerRecord | null>();

  constructor(private readonly store: Store) {
    store.onChange((table) => {
      if (table === undefined || table === ACCOUNTS.table || table === ACCESS_KEYS.table) this.keys.clear();
    });
  }

  async lookup(accessKeyId: string): Promise<CallerRecord | undefined> {
    const hit = this.keys.get(accessKeyId);
    if (hit !== undefined) return hit ?? undefined;
    const rec = await this.store.run('read', async (tx) => {
      const key = await tx.repo(ACCESS_KEYS).get(accessKeyId);
      const account = key ? await tx.repo(ACCOUNTS).get(key.accountId) : undefined;
      if (!key || !account) return null;
      return {
        accessKeyId: key.id,
        secret: key.secret,
        active: key.status === 'Active' && account.status === 'Active',
        accountId: account.id,
        account,
      };
    });
    if (this.keys.size > 10_000) this.keys.clear();
    this.keys.set(accessKeyId, rec);
    return rec ?? undefined;
  }
}
