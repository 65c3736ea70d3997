// Fault injection: rules matched on action, account, region, resource id, the Nth matching call or
// a seeded probability, each firing at most `count` times. An effect is an Alibaba error (code, and
// status and message defaulting from the spec's catalog), added latency, or a transition that gets
// stuck or fails on one side only. The port is asynchronous so that several nodes can share the
// rules and count `nth` and `count` across all of them; this in-process store keeps them in memory.

export interface FaultEffect {
  error?: { code: string; message?: string; status?: number };
  latencyMs?: number;
  /** 'stuck': the action's transitions are held; 'fail-self' / 'fail-peer': that end returns to its former status. */
  transition?: 'stuck' | 'fail-self' | 'fail-peer';
}

export interface FaultRule {
  id: string;
  action?: string;
  accountId?: string;
  regionId?: string;
  resourceId?: string;
  /** Fire on the Nth matching call only (1-based). */
  nth?: number;
  /** Fire with this probability (0..1), drawn from a PRNG seeded with `seed`. */
  probability?: number;
  seed?: number;
  /** How many times it may fire; unlimited when absent. */
  count?: number;
  effect: FaultEffect;
  matched: number;
  fired: number;
  createdAt: string;
}

export interface CallFacts {
  action: string;
  accountId: string;
  regionId: string;
  /** Every parameter value of the call, for matching resource ids. */
  values: string[];
}

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type FaultSpec = Omit<FaultRule, 'id' | 'matched' | 'fired' | 'createdAt'>;

export interface FaultRules {
  add(spec: FaultSpec, now: string): Promise<FaultRule>;
  list(): Promise<FaultRule[]>;
  remove(id: string): Promise<boolean>;
  clear(): Promise<void>;
  /** The first rule that fires for this call, if any (counting matches and firings). */
  match(call: CallFacts): Promise<FaultRule | undefined>;
  /** A cheap hint: false when no rule exists, so no call needs to ask `match`. */
  any(): boolean;
}

export class MemoryFaults implements FaultRules {
  private rules: FaultRule[] = [];
  private rngs = new Map<string, () => number>();
  private next = 1;

  private draw(id: string): number {
    const rng = this.rngs.get(id);
    return rng ? rng() : 0;
  }

  add(spec: FaultSpec, now: string): Promise<FaultRule> {
    const rule: FaultRule = { ...spec, id: `fault-${this.next++}`, matched: 0, fired: 0, createdAt: now };
    this.rules.push(rule);
    if (rule.probability !== undefined) this.rngs.set(rule.id, mulberry32(rule.seed ?? 1));
    return Promise.resolve({ ...rule });
  }

  list(): Promise<FaultRule[]> {
    return Promise.resolve(this.rules.map((r) => ({ ...r })));
  }

  remove(id: string): Promise<boolean> {
    const before = this.rules.length;
    this.rules = this.rules.filter((r) => r.id !== id);
    return Promise.resolve(this.rules.length < before);
  }

  clear(): Promise<void> {
    this.rules = [];
    this.rngs.clear();
    return Promise.resolve();
  }

  any(): boolean {
    return this.rules.length > 0;
  }

  match(call: CallFacts): Promise<FaultRule | undefined> {
    return Promise.resolve(this.matchNow(call));
  }

  private matchNow(call: CallFacts): FaultRule | undefined {
    for (const r of this.rules) {
      if (r.count !== undefined && r.fired >= r.count) continue;
      if (r.action !== undefined && r.action !== call.action) continue;
      if (r.accountId !== undefined && r.accountId !== call.accountId) continue;
      if (r.regionId !== undefined && r.regionId !== call.regionId) continue;
      if (r.resourceId !== undefined && !call.values.includes(r.resourceId)) continue;
      r.matched++;
      if (r.nth !== undefined && r.matched !== r.nth) continue;
      if (r.probability !== undefined && this.draw(r.id) >= r.probability) continue;
      r.fired++;
      return { ...r };
    }
    return undefined;
  }
}
