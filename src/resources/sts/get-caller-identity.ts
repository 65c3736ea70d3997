// STS GetCallerIdentity (2015-04-01), served on the same endpoint; Terraform's alicloud provider
// calls it first. Known gaps: every key is its account's root identity (no RAM users or roles).
import { defineAction } from '../../actions/registry-types.js';

export const getCallerIdentity = defineAction({
  product: 'Sts',
  name: 'GetCallerIdentity',
  mode: 'read',
  handler: (_input: Record<string, never>, ctx) => ({
    AccountId: ctx.account.id,
    UserId: ctx.account.id,
    PrincipalId: ctx.account.id,
    Arn: `acs:ram::${ctx.account.id}:root`,
    IdentityType: 'Account',
  }),
});
