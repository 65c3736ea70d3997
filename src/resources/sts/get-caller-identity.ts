// STS GetCallerIdentity (2015-04-01), served on the same endpoint; Terraform's alicloud provider
// calls it first. Known gaps: every key is its account's root identity (no RAM users or roles).
import { defineAction } from '../../engine/action.js';

export const getCallerIdentity = defineAction({
  product: 'Sts',
  name: 'GetCallerIdentity',
  mode: 'read',
  handler: (_input, ctx) =>
    Promise.resolve({
      AccountId: ctx.caller.id,
      UserId: ctx.caller.id,
      PrincipalId: ctx.caller.id,
      Arn: `acs:ram::${ctx.caller.id}:root`,
      IdentityType: 'Account',
    }),
});
