// Accounts (Alibaba Cloud accounts, identified by a 16-digit AliUid) and their AccessKey pairs.
// Known gaps: no RAM users, roles or STS tokens; every key acts as its account's root identity.

/** The business site ("bid") of an account: CROSS_BID.FORBIDDEN compares it across the two ends of a link. */
export type Site = 'china' | 'international';
export const SITES: readonly Site[] = ['china', 'international'];

export interface Account {
  id: string;
  name: string;
  site: Site;
  status: 'Active' | 'Disabled';
  /** Drives Forbidden.BillsOutstanding on create/connect. */
  billsOutstanding: boolean;
  /** Drives Forbidden.FinancialLocked and the FinancialLocked business status. */
  financialLocked: boolean;
  createdAt: number;
}

export interface AccessKey {
  id: string;
  accountId: string;
  secret: string;
  status: 'Active' | 'Inactive';
  createdAt: number;
}
