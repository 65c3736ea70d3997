// Builds the context one call's handler runs with: the caller, the call's time, ids, the error
// catalog bound to the action, transition planning (profile delay, injected transition faults),
// and the unit of work.
import { actionError } from '../errors/catalog.js';
import type { IdGenerator } from '../core/ids.js';
import type { Tx } from '../store/port.js';
import type { Clock } from '../runtime/clock.js';
import type { FaultEffect } from '../runtime/faults.js';
import type { ActionFacts } from '../spec/types.js';
import type { Account } from '../resources/accounts/model.js';
import type { HandlerContext, Product, TransitionPlan } from './action.js';
import { dueAtOf, HELD, type ProfilePort } from './transition-policy.js';
import type { TransitionEngine } from './transitions.js';

export interface ContextDeps {
  clock: Clock;
  ids: IdGenerator;
  profile: ProfilePort;
  transitions: TransitionEngine;
}

export interface CallScope {
  caller: Account;
  facts: ActionFacts;
  tx: Tx;
  transitionFault?: FaultEffect['transition'];
}

export function handlerContext(deps: ContextDeps, scope: CallScope): HandlerContext<Product> {
  const now = deps.clock.now();
  const { facts, transitionFault } = scope;
  return {
    caller: scope.caller,
    now,
    ids: deps.ids,
    tx: scope.tx,
    error: (code, ...args) => actionError(facts, code, ...args),
    plan(kind): TransitionPlan {
      const dueAt = transitionFault === 'stuck' ? HELD : dueAtOf(deps.profile.current(), kind, now);
      if (dueAt < HELD) deps.transitions.noteDue(dueAt, kind.kind, scope.tx);
      return { dueAt, revert: transitionFault === 'fail-self' ? 'self' : transitionFault === 'fail-peer' ? 'peer' : 'none' };
    },
  };
}
