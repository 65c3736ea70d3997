// Account operations other modules and the admin API use: the AliUid rule, reading an account,
// and creating one (with its keys) at start-up or from a seed file.
import type { IdGenerator } from '../../core/ids.js';
import type { AccessKey, Account, Site } from './model.js';
import type { Tx } from '../../store/port.js';
import { ACCESS_KEYS, ACCOUNTS } from './storage.js';

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
export async function ensureAccount(tx: Tx, ids: IdGenerator, seed: AccountSeed, now: number): Promise<Account> {
  const repos = { accounts: tx.repo(ACCOUNTS), keys: tx.repo(ACCESS_KEYS) };
  const id = seed.aliUid ?? ids.digits(16);
  let account = await repos.accounts.get(id);
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
    await repos.accounts.insert(account);
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
      await repos.accounts.update(next);
      account = next;
    }
  }
  for (const k of seed.accessKeys ?? []) {
    const existing = await repos.keys.get(k.accessKeyId);
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
      await repos.keys.insert(key);
    }
  }
  return account;
}

/** An account by AliUid, read in the caller's unit of work. */
export function getAccount(tx: Tx, id: string): Promise<Account | undefined> {
  return tx.repo(ACCOUNTS).get(id);
}
