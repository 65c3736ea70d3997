// Builds the context an action runs with: the caller, the request's time, the error catalog bound
// to the action, and transition planning (profile delay, injected transition faults).
import type { ActionContext, TransitionPlan } from '../actions/registry-types.js';
import { actionError } from '../errors/catalog.js';
import { HELD, type TransitionKind } from '../core/transition-policy.js';
import type { FaultEffect } from '../core/faults.js';
import type { ActionFacts } from '../spec/types.js';
import type { Account } from '../resources/accounts/model.js';
import type { Services } from './services.js';

export function actionContext(
  services: Services,
  account: Account,
  facts: ActionFacts,
  transitionFault?: FaultEffect['transition'],
): ActionContext {
  const now = services.clock.now();
  return {
    account,
    now,
    ids: services.ids,
    store: services.store,
    services,
    facts,
    error: (code, ...args) => actionError(facts, code, ...args),
    plan(kind: TransitionKind): TransitionPlan {
      const dueAt = transitionFault === 'stuck' ? HELD : services.policy.dueAt(kind, now);
      if (dueAt < HELD) services.transitions.noteDue(dueAt);
      return { dueAt, revert: transitionFault === 'fail-self' ? 'self' : transitionFault === 'fail-peer' ? 'peer' : 'none' };
    },
  };
}
