// What an action is: its name, whether it writes, and a plain handler from typed input to a plain
// result. Handlers never see HTTP, signatures, formats or RequestIds (the protocol layer owns those).
import type { ApiError } from '../errors/api-error.js';
import type { IdGenerator } from '../core/ids.js';
import type { ActionFacts } from '../spec/types.js';
import type { Account } from '../resources/accounts/model.js';
import type { Store } from '../store/store.js';
import type { Services } from '../server/services.js';
import type { TransitionKind } from '../core/transition-policy.js';

/** When a transition started by this call completes, and whether an injected fault reverts one end. */
export interface TransitionPlan {
  dueAt: number;
  revert: 'none' | 'self' | 'peer';
}

export interface ActionContext {
  /** The calling account (the owner of the request's AccessKey). */
  account: Account;
  /** This request's time, read once from the injected clock (epoch ms). */
  now: number;
  ids: IdGenerator;
  store: Store;
  services: Services;
  /** This action's error with the spec's status and message (`%s` filled from args). */
  error(code: string, ...args: string[]): ApiError;
  facts: ActionFacts;
  /** Plans a transition of this kind starting now (profile delay, faults), registered with the engine. */
  plan(kind: TransitionKind): TransitionPlan;
}

export type Product = 'Vpc' | 'Sts';

export interface ActionDef<I = unknown, O extends object = object> {
  product: Product;
  name: string;
  /** 'write' runs inside a group-committed transaction; 'read' runs at once. */
  mode: 'read' | 'write';
  /** Method syntax on purpose: the registry holds handlers of many input types as ActionDef<unknown>. */
  handler(input: I, ctx: ActionContext): O;
}

export function defineAction<I, O extends object>(def: ActionDef<I, O>): ActionDef<I, O> {
  return def;
}
