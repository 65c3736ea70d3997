// What an action is, and what its handler gets. A handler is a plain async function from the typed
// input (generated from the spec) and an explicit context to a plain result: it never sees HTTP,
// signatures, formats or RequestIds, and reaches storage only through `ctx.tx`.
import type { ApiError } from '../errors/api-error.js';
import type { GatewayCode } from '../errors/catalog.js';
import type { IdGenerator } from '../core/ids.js';
import type { Tx } from '../store/port.js';
import type { Account } from '../resources/accounts/model.js';
import type { VpcActionName, VpcInputs, VpcSpecErrorCode } from '../spec/vpc-facts.generated.js';
import type { StsActionName, StsInputs, StsSpecErrorCode } from '../spec/sts-facts.generated.js';

/** The products LocalVPC answers, with their generated action names, inputs and error codes. */
export interface Products {
  Vpc: { action: VpcActionName; inputs: VpcInputs; code: VpcSpecErrorCode | GatewayCode };
  Sts: { action: StsActionName; inputs: StsInputs; code: StsSpecErrorCode | GatewayCode };
}

export type Product = keyof Products;
export type ErrorCode<P extends Product> = Products[P]['code'];
export type ActionName<P extends Product> = Products[P]['action'];
export type InputOf<P extends Product, A extends ActionName<P>> = Products[P]['inputs'][A & keyof Products[P]['inputs']];

/** A kind of transition a module starts (`RouterInterface.connect`), with its `realistic` duration. */
export interface TransitionKind {
  readonly kind: string;
  /** How long it lasts under the `realistic` profile, in ms. No figure is published by Alibaba. */
  readonly realisticMs: number;
}

/** When a transition started by this call completes, and whether an injected fault reverts one end. */
export interface TransitionPlan {
  dueAt: number;
  revert: 'none' | 'self' | 'peer';
}

export interface HandlerContext<P extends Product = 'Vpc'> {
  /** The calling account (the owner of the request's AccessKey). */
  caller: Account;
  /** This call's time, read once from the emulator clock (epoch ms). */
  now: number;
  ids: IdGenerator;
  /** The unit of work this call runs in: every repository, scoped to it. */
  tx: Tx;
  /** This action's error with the spec's status and message (`%s` filled from args). */
  error(code: ErrorCode<P>, ...args: string[]): ApiError;
  /** Plans a transition of this kind starting now (profile delay, injected transition faults). */
  plan(kind: TransitionKind): TransitionPlan;
}

export type Mode = 'read' | 'write';

/** An action as the registry holds it, whatever its input type. */
export interface ActionDef {
  readonly product: Product;
  readonly name: string;
  /** 'write' runs in a serialized (group-committed) unit of work; 'read' at once. */
  readonly mode: Mode;
  run(input: Record<string, unknown>, ctx: HandlerContext<Product>): Promise<object>;
}

export interface ActionSpec<P extends Product, A extends ActionName<P>, O extends object> {
  product: P;
  name: A;
  mode: Mode;
  handler: (input: InputOf<P, A>, ctx: HandlerContext<P>) => Promise<O>;
}

export function defineAction<P extends Product, A extends ActionName<P>, O extends object>(spec: ActionSpec<P, A, O>): ActionDef {
  return {
    product: spec.product,
    name: spec.name,
    mode: spec.mode,
    // The validator built `input` from the same spec facts InputOf<P, A> is generated from.
    run: (input, ctx) => spec.handler(input as InputOf<P, A>, ctx),
  };
}
