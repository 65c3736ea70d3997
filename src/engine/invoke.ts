// The one way to run an action, whoever calls: the gateway (after authentication), the seed file,
// the admin API, the console, tests. In order:
//   facts of the action -> parameter validation -> region known -> implemented -> injected faults
//   -> due transitions settled -> the handler in a unit of work (writes serialized, reads at once)
//   -> the call's record to the listeners (journal, metrics, log).
// Any ApiError on the way is recorded and rethrown; anything else is logged by the listeners and
// becomes InternalError, so no call can crash the server.
import { ApiError } from '../errors/api-error.js';
import { actionError, asApiError, gatewayError } from '../errors/catalog.js';
import { validate } from '../spec/validate.js';
import type { ActionFacts } from '../spec/types.js';
import type { Pairs } from '../protocol/params.js';
import type { IdGenerator } from '../core/ids.js';
import { StoreUnavailable, type Store, type Tx } from '../store/port.js';
import type { Clock } from '../runtime/clock.js';
import type { FaultRule, FaultRules } from '../runtime/faults.js';
import type { CallSource } from '../runtime/journal.js';
import type { Account } from '../resources/accounts/model.js';
import { isRegion } from '../resources/regions/data.js';
import type { HandlerContext, Product } from './action.js';
import { handlerContext } from './context.js';
import { productInfo, type Registry } from './module.js';
import type { ProfilePort } from './transition-policy.js';
import type { TransitionEngine } from './transitions.js';

export interface Call {
  product: Product;
  action: string;
  /** The business parameters in wire form (`Filter.1.Key`), as the gateway decoded them. */
  params: Pairs;
  caller: Account;
  requestId: string;
  source: CallSource;
  /** When the request began (process.hrtime.bigint()), for the latency the record carries. */
  startedAt?: bigint;
  /**
   * Run inside this write unit instead of one of its own (the seed file applies all its calls in
   * one unit: all or nothing). Faults are not matched for such calls.
   */
  tx?: Tx;
}

/** What happened to one call: the journal's, the metrics' and the log's view of it. */
export interface CallRecord {
  requestId: string;
  source: CallSource;
  product: Product;
  action: string | undefined;
  accountId: string | undefined;
  regionId: string | undefined;
  resource: string | undefined;
  /** Undefined for success. */
  code: string | undefined;
  message: string | undefined;
  status: number;
  seconds: number;
  /** An unexpected error (a bug), for the log. */
  cause?: unknown;
  /** The business parameters, when known (the debug log shows them, secrets redacted). */
  params?: Pairs;
  /** A SignatureDoesNotMatch: what the server signed, for the debug log. */
  signing?: { canonicalRequest: string; stringToSign: string };
}

export interface FaultFired {
  rule: FaultRule;
  requestId: string;
  source: CallSource;
  action: string;
  accountId: string;
  regionId: string;
  resource: string;
  code: string;
}

export interface EngineDeps {
  registry: Registry;
  store: Store;
  clock: Clock;
  ids: IdGenerator;
  profile: ProfilePort;
  faults: FaultRules;
  transitions: TransitionEngine;
}

export class Engine {
  private readonly callListeners: ((r: CallRecord) => void)[] = [];
  private readonly faultListeners: ((f: FaultFired) => void)[] = [];

  constructor(private readonly deps: EngineDeps) {}

  get registry(): Registry {
    return this.deps.registry;
  }

  onCall(fn: (r: CallRecord) => void): void {
    this.callListeners.push(fn);
  }

  onFault(fn: (f: FaultFired) => void): void {
    this.faultListeners.push(fn);
  }

  /** The spec's facts of an action, if the product has it. */
  facts(product: Product, action: string): ActionFacts | undefined {
    const all = productInfo(product).actions;
    return Object.hasOwn(all, action) ? all[action] : undefined;
  }

  /** Records a call refused before it reached invoke (a bad signature, a malformed request). */
  record(r: CallRecord): void {
    for (const l of this.callListeners) l(r);
  }

  /** Runs the call; resolves with the action's result or rejects with an ApiError. */
  async invoke(call: Call): Promise<object> {
    const started = call.startedAt ?? process.hrtime.bigint();
    const rec: CallRecord = {
      requestId: call.requestId,
      source: call.source,
      product: call.product,
      action: call.action,
      accountId: call.caller.id,
      regionId: undefined,
      resource: undefined,
      code: undefined,
      message: undefined,
      status: 200,
      seconds: 0,
      params: call.params,
    };
    try {
      const result = await this.run(call, rec);
      // A create is filed under what it created (a CreateRouterInterface under the new interface,
      // not the router it names), so the resource's timeline starts with its creation.
      const made = rec.resource === undefined || call.action.startsWith('Create');
      if (made) rec.resource = this.resourceOf(Object.fromEntries(Object.entries(result))) ?? rec.resource;
      return result;
    } catch (e) {
      const err = asApiError(e);
      // a failure of the store (full disk, damaged file) is the host's, logged by the store's health, not a bug
      if (!(e instanceof ApiError) && !(e instanceof StoreUnavailable)) rec.cause = e;
      rec.code = err.code;
      rec.message = err.message;
      rec.status = err.status;
      throw err;
    } finally {
      rec.seconds = Number(process.hrtime.bigint() - started) / 1e9;
      this.record(rec);
    }
  }

  /**
   * A dry run: `fn` gets the context `action`'s handler would get if `caller` called it now, inside
   * a write unit that is always rolled back, so nothing it does is kept (the explain view runs an
   * action's own checks this way). Due transitions settle first, as for any call; nothing is
   * recorded (no journal event, no metric) and fault rules are not asked.
   */
  async dryRun<T>(product: Product, action: string, caller: Account, fn: (ctx: HandlerContext<Product>) => Promise<T>): Promise<T> {
    const facts = this.facts(product, action);
    if (!facts) throw gatewayError('InvalidAction.NotFound');
    let out: { value: T } | undefined;
    const rollback = new DryRunRollback();
    await this.deps.store
      .run('write', async (tx) => {
        out = { value: await fn(handlerContext(this.deps, { caller, facts, tx })) };
        throw rollback;
      })
      .catch((e: unknown) => {
        if (e !== rollback) throw e;
      });
    if (!out) throw new Error('dry run: no result');
    return out.value;
  }

  private async run(call: Call, rec: CallRecord): Promise<object> {
    const { registry, store, transitions } = this.deps;
    const facts = this.facts(call.product, call.action);
    if (!facts) throw gatewayError('InvalidAction.NotFound');
    const input = validate(facts, call.params);
    rec.resource = this.resourceOf(input);
    const regionId = input.RegionId;
    if (typeof regionId === 'string') {
      rec.regionId = regionId;
      if (!isRegion(regionId)) {
        const e = facts.errors['InvalidRegionId.NotFound'];
        throw e?.status === 404 ? actionError(facts, 'InvalidRegionId.NotFound') : gatewayError('InvalidRegionId.NotFound');
      }
    }
    const def = registry.action(call.product, call.action);
    if (!def) throw gatewayError('UnsupportedOperation.LocalVPC', call.action);
    const fault =
      call.tx || !this.deps.faults.any()
        ? undefined
        : await this.deps.faults.match({
            action: call.action,
            accountId: call.caller.id,
            regionId: rec.regionId ?? '',
            values: call.params.map(([, v]) => v),
          });
    if (fault) {
      this.fire(fault, call, rec);
      if (fault.effect.latencyMs) await new Promise((r) => setTimeout(r, fault.effect.latencyMs));
      const e = fault.effect.error;
      if (e) {
        const base = actionError(facts, e.code);
        throw new ApiError(e.code, e.status ?? base.status, e.message ?? base.message);
      }
    }
    const transitionFault = fault?.effect.transition;
    const within = call.tx;
    if (within) return def.run(input, handlerContext(this.deps, { caller: call.caller, facts, tx: within, transitionFault }));
    // Due transitions complete before the action sees state: a write unit settles them at its
    // start; a read, when something is due, first waits for a (possibly empty) write unit.
    if (def.mode === 'read' && transitions.isDue()) await store.run('write', () => Promise.resolve(), { lazy: true }); // a settle is redone after a crash: no need to wait for the disk
    return store.run(def.mode, (tx) => def.run(input, handlerContext(this.deps, { caller: call.caller, facts, tx, transitionFault })));
  }

  private fire(rule: FaultRule, call: Call, rec: CallRecord): void {
    const code = rule.effect.error?.code ?? (rule.effect.transition ? `transition:${rule.effect.transition}` : 'latency');
    const f: FaultFired = {
      rule,
      requestId: call.requestId,
      source: call.source,
      action: call.action,
      accountId: call.caller.id,
      regionId: rec.regionId ?? '',
      resource: rec.resource ?? '',
      code,
    };
    for (const l of this.faultListeners) l(f);
  }

  /** The first field (most specific module key first) that names a resource. */
  private resourceOf(src: Record<string, unknown>): string | undefined {
    for (const k of this.deps.registry.resourceKeys) {
      const v = src[k];
      if (typeof v === 'string' && v) return v;
    }
    return undefined;
  }
}

/** Thrown at the end of a dry run's unit of work so that the store rolls it back. */
class DryRunRollback extends Error {
  constructor() {
    super('dry run: rolled back');
  }
}
