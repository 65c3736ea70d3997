// Account operations other modules and the admin API use: the AliUid rule, reading an account,
// and creating one (with its keys) at start-up or from a seed file.
import type { IdGenerator } from '../../core/ids.js';
import { SITES, type AccessKey, type Account, type Site } from './model.js';
import { didYouMean } from '../../core/suggest.js';
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

/** A value as a message shows it: `the string "8094"`, `the number 1`, `a list`. */
export function describeValue(v: unknown): string {
  if (typeof v === 'string') return `the string ${JSON.stringify(v)}`;
  if (typeof v === 'number') return `the number ${v}`;
  if (typeof v === 'boolean' || v === null || v === undefined) return String(v);
  return Array.isArray(v) ? 'a list' : 'a mapping';
}

/**
 * Checks host-side account definitions (configuration `accounts`, a seed file's `accounts`): a list
 * of AccountSeed, every field known and of the right type. Throws an Error naming the first problem
 * (with the closest known key for a mistyped one).
 */
export function checkAccountSeeds(v: unknown, where: string): AccountSeed[] {
  if (!Array.isArray(v)) throw new Error(`${where}: expected a list of accounts, got ${describeValue(v)}`);
  const q = (s: string): string => `"${s}"`;
  const mapping = (x: unknown, at: string): Record<string, unknown> => {
    if (typeof x !== 'object' || x === null || Array.isArray(x)) throw new Error(`${at}: expected a mapping, got ${describeValue(x)}`);
    return Object.fromEntries(Object.entries(x));
  };
  const str = (x: unknown, at: string): void => {
    if (typeof x !== 'string')
      throw new Error(`${at}: expected a string, got ${describeValue(x)}${typeof x === 'number' ? ' (quote it)' : ''}`);
  };
  const bool = (x: unknown, at: string): void => {
    if (typeof x !== 'boolean') throw new Error(`${at}: expected true or false, got ${describeValue(x)}`);
  };
  const unknown = (at: string, k: string, known: readonly string[]): Error =>
    new Error(`${at}: unknown key "${k}"${didYouMean(k, known, q)}`);
  const fields = ['aliUid', 'name', 'site', 'billsOutstanding', 'financialLocked', 'accessKeys'];
  const keyFields = ['accessKeyId', 'accessKeySecret', 'active'];
  v.forEach((item: unknown, i) => {
    const at = `${where}[${i}]`;
    for (const [k, x] of Object.entries(mapping(item, at))) {
      if (k === 'aliUid') {
        str(x, `${at}.aliUid`);
        if (!isAliUid(x as string)) throw new Error(`${at}.aliUid: expected 16 digits, not starting with 0, got "${String(x)}"`);
      } else if (k === 'name') str(x, `${at}.name`);
      else if (k === 'site') {
        str(x, `${at}.site`);
        if (!SITES.includes(x as Site))
          throw new Error(`${at}.site: expected one of ${SITES.join(', ')}, got "${String(x)}"${didYouMean(String(x), SITES, q)}`);
      } else if (k === 'billsOutstanding' || k === 'financialLocked') bool(x, `${at}.${k}`);
      else if (k === 'accessKeys') {
        if (!Array.isArray(x)) throw new Error(`${at}.accessKeys: expected a list, got ${describeValue(x)}`);
        x.forEach((key: unknown, j) => {
          const kat = `${at}.accessKeys[${j}]`;
          const m = mapping(key, kat);
          for (const [kk, kx] of Object.entries(m)) {
            if (kk === 'active') bool(kx, `${kat}.active`);
            else if (kk === 'accessKeyId' || kk === 'accessKeySecret') str(kx, `${kat}.${kk}`);
            else throw unknown(kat, kk, keyFields);
          }
          for (const required of ['accessKeyId', 'accessKeySecret'])
            if (m[required] === undefined) throw new Error(`${kat}: "${required}" is required`);
        });
      } else throw unknown(at, k, fields);
    }
  });
  return v as AccountSeed[];
}
