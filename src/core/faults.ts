// Fault injection: rules matched on action, account, region, resource id, the Nth matching call or
// a seeded probability, each firing at most `count` times. An effect is an Alibaba error (code, and
// status and message defaulting from the spec's catalog), added latency, or a transition that gets
// stuck or fails on one side only.

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

export class FaultInjector {
  private rules: FaultRule[] = [];
  private rngs = new Map<string, () => number>();
  private next = 1;

  add(spec: Omit<FaultRule, 'id' | 'matched' | 'fired' | 'createdAt'>, now: string): FaultRule {
    const rule: FaultRule = { ...spec, id: `fault-${this.next++}`, matched: 0, fired: 0, createdAt: now };
    this.rules.push(rule);
    if (rule.probability !== undefined) this.rngs.set(rule.id, mulberry32(rule.seed ?? 1));
    return rule;
  }

  list(): FaultRule[] {
    return this.rules.map((r) => ({ ...r }));
  }

  remove(id: string): boolean {
    const before = this.rules.length;
    this.rules = this.rules.filter((r) => r.id !== id);
    return this.rules.length < before;
  }

  clear(): void {
    this.rules = [];
    this.rngs.clear();
  }

  /** The first rule that fires for this call, if any (counting matches and firings). */
  match(call: CallFacts): FaultRule | undefined {
    for (const r of this.rules) {
      if (r.count !== undefined && r.fired >= r.count) continue;
      if (r.action !== undefined && r.action !== call.action) continue;
      if (r.accountId !== undefined && r.accountId !== call.accountId) continue;
      if (r.regionId !== undefined && r.regionId !== call.regionId) continue;
      if (r.resourceId !== undefined && !call.values.includes(r.resourceId)) continue;
      r.matched++;
      if (r.nth !== undefined && r.matched !== r.nth) continue;
      if (r.probability !== undefined && (this.rngs.get(r.id) as () => number)() >= r.probability) continue;
      r.fired++;
      return r;
    }
    return undefined;
  }
}
