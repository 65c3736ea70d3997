// The gateway's view of AccessKeys and their accounts, kept in memory: every signed request needs
// it, and the tables are small. Dropped whenever either table changes (or a transaction rolls
// back), and rebuilt lazily from storage, so it can never serve a stale or uncommitted key.
import type { Store } from '../../store/store.js';
import type { KeyRecord } from '../../protocol/auth.js';
import type { Account } from './model.js';
import type { AccountRepos } from './storage.js';

export interface CallerRecord extends KeyRecord {
  account: Account;
}

export class AccountCache {
  private keys = new Map<string, CallerRecord | null>();
  private accounts = new Map<string, Account | null>();

  constructor(
    store: Store,
    private readonly repos: AccountRepos,
  ) {
    store.onChange((table) => {
      if (table === undefined || table === 'accounts' || table === 'access_keys') {
        this.keys.clear();
        this.accounts.clear();
      }
    });
  }

  /** An account by AliUid (listings show every interface's and its peer's business status). */
  account(id: string): Account | undefined {
    let a = this.accounts.get(id);
    if (a === undefined) {
      if (this.accounts.size > 10_000) this.accounts.clear();
      this.accounts.set(id, (a = this.repos.accounts.get(id) ?? null));
    }
    return a ?? undefined;
  }

  /** The key and its account; usable only while the key is Active and its account enabled. */
  lookup(accessKeyId: string): CallerRecord | undefined {
    const hit = this.keys.get(accessKeyId);
    if (hit !== undefined) return hit ?? undefined;
    const key = this.repos.keys.get(accessKeyId);
    const account = key ? this.repos.accounts.get(key.accountId) : undefined;
    const rec: CallerRecord | null =
      key && account
        ? {
            accessKeyId: key.id,
            secret: key.secret,
            active: key.status === 'Active' && account.status === 'Active',
            accountId: account.id,
            account,
          }
        : null;
    if (this.keys.size > 10_000) this.keys.clear();
    this.keys.set(accessKeyId, rec);
    return rec ?? undefined;
  }
}
