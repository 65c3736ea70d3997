// Account operations shared by start-up (default and configured accounts), the gateway (key
// lookup) and, later, the admin API.
import type { IdGenerator } from '../../core/ids.js';
import type { AccessKey, Account, Site } from './model.js';
import type { AccountRepos } from './storage.js';

export interface AccountSeed {
  aliUid?: string;
  name?: string;
  site?: Site;
  billsOutstanding?: boolean;
  financialLocked?: boolean;
  accessKeys?: { accessKeyId: string; accessKeySecret: string; active?: boolean }[];
}

export function isAliUid(s: string): boolean {
  return /^[1-9]\d{15}$/.test(s);
}

/**
 * Creates the account if it does not exist and adds missing keys. For an existing account, the
 * site and billing flags the seed states are applied (configuration is authoritative for what it
 * says); what it leaves out stays as stored.
 */
export function ensureAccount(repos: AccountRepos, ids: IdGenerator, seed: AccountSeed, now: number): Account {
  const id = seed.aliUid ?? ids.digits(16);
  let account = repos.accounts.get(id);
  if (!account) {
    account = {
      id,
      name: seed.name ?? `account-${id}`,
      site: seed.site ?? 'china',
      status: 'Active',
      billsOutstanding: seed.billsOutstanding ?? false,
      financialLocked: seed.financialLocked ?? false,
      createdAt: now,
    };
    repos.accounts.insert(account);
  } else {
    const next: Account = {
      ...account,
      site: seed.site ?? account.site,
      billsOutstanding: seed.billsOutstanding ?? account.billsOutstanding,
      financialLocked: seed.financialLocked ?? account.financialLocked,
    };
    if (
      next.site !== account.site ||
      next.billsOutstanding !== account.billsOutstanding ||
      next.financialLocked !== account.financialLocked
    ) {
      repos.accounts.update(next);
      account = next;
    }
  }
  for (const k of seed.accessKeys ?? []) {
    const existing = repos.keys.get(k.accessKeyId);
    if (existing && existing.accountId !== id) {
      throw new Error(`AccessKeyId ${k.accessKeyId} already belongs to account ${existing.accountId}`);
    }
    if (!existing) {
      const key: AccessKey = {
        id: k.accessKeyId,
        accountId: id,
        secret: k.accessKeySecret,
        status: k.active === false ? 'Inactive' : 'Active',
        createdAt: now,
      };
      repos.keys.insert(key);
    }
  }
  return account;
}
