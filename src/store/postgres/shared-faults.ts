// Fault rules of a PostgreSQL deployment: the rules, their `matched` and `fired` counters and the
// state of each probability rule's PRNG live in `localvpc_faults`, so `count` and `nth` count the
// calls of every node. A call that may match locks the rules (FOR UPDATE) while it counts: calls
// are counted one at a time across the nodes, as they are in one process. Whether any rule exists
// is known in memory (kept current by NOTIFY), so calls pay nothing while there is none.
import type { CallFacts, FaultRule, FaultRules, FaultSpec } from '../../runtime/faults.js';
import type pg from 'pg';
import type { PostgresStore } from './pg-store.js';
import { isConnectionError, unreachable } from './pg-failure.js';
import { numberAt } from './pg-repo.js';

const CHANNEL = 'localvpc_faults';

/** One step of mulberry32 (the in-process rules' PRNG): the next state and the draw, in [0, 1). */
function draw(state: number): { state: number; value: number } {
  const a = (state + 0x6d2b79f5) >>> 0;
  let t = a;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return { state: a, value: ((t ^ (t >>> 14)) >>> 0) / 4294967296 };
}

interface Row {
  seq: number;
  id: string;
  rule: string;
  rng: number;
}

export class SharedFaults implements FaultRules {
  private rules = 0;

  private constructor(private readonly store: PostgresStore) {}

  static async open(store: PostgresStore): Promise<SharedFaults> {
    const f = new SharedFaults(store);
    await f.recount();
    await store.subscribe(CHANNEL, () => void f.recount().catch(() => undefined));
    return f;
  }

  private async recount(): Promise<void> {
    this.rules = numberAt(await this.store.pool.query('SELECT COUNT(*) AS n FROM localvpc_faults'), 'n');
  }

  private async query(text: string, values: unknown[] = []): Promise<Row[]> {
    try {
      return (await this.store.pool.query(text, values)).rows as Row[];
    } catch (e) {
      throw isConnectionError(e) ? unreachable(e) : e;
    }
  }

  private async announce(): Promise<void> {
    await this.recount();
    await this.store.pool.query(`NOTIFY ${CHANNEL}`).catch(() => undefined);
  }

  async add(spec: FaultSpec, now: string): Promise<FaultRule> {
    const [row] = await this.query(
      `WITH s AS (SELECT nextval(pg_get_serial_sequence('localvpc_faults', 'seq')) AS n)
       INSERT INTO localvpc_faults (seq, id, rule, rng) SELECT n, 'fault-' || n, $1, $2 FROM s RETURNING seq, id, rule, rng`,
      [JSON.stringify({ ...spec, matched: 0, fired: 0, createdAt: now }), (spec.seed ?? 1) >>> 0],
    );
    await this.announce();
    return this.ruleOf(row as Row);
  }

  private ruleOf(r: Row): FaultRule {
    return { ...(JSON.parse(r.rule) as Omit<FaultRule, 'id'>), id: r.id };
  }

  async list(): Promise<FaultRule[]> {
    return (await this.query('SELECT seq, id, rule, rng FROM localvpc_faults ORDER BY seq')).map((r) => this.ruleOf(r));
  }

  async remove(id: string): Promise<boolean> {
    const gone = await this.query('DELETE FROM localvpc_faults WHERE id = $1 RETURNING id', [id]);
    await this.announce();
    return gone.length > 0;
  }

  async clear(): Promise<void> {
    await this.query('DELETE FROM localvpc_faults');
    await this.announce();
  }

  any(): boolean {
    return this.rules > 0;
  }

  async match(call: CallFacts): Promise<FaultRule | undefined> {
    let c: pg.PoolClient;
    try {
      c = await this.store.checkout();
    } catch (e) {
      throw unreachable(e);
    }
    let broken = false;
    try {
      await c.query('BEGIN');
      const rows = (await c.query('SELECT seq, id, rule, rng FROM localvpc_faults ORDER BY seq FOR UPDATE')).rows as Row[];
      let hit: FaultRule | undefined;
      for (const row of rows) {
        const r = this.ruleOf(row);
        if (r.count !== undefined && r.fired >= r.count) continue;
        if (r.action !== undefined && r.action !== call.action) continue;
        if (r.accountId !== undefined && r.accountId !== call.accountId) continue;
        if (r.regionId !== undefined && r.regionId !== call.regionId) continue;
        if (r.resourceId !== undefined && !call.values.includes(r.resourceId)) continue;
        r.matched++;
        let rng = row.rng;
        let fires = r.nth === undefined || r.matched === r.nth;
        if (fires && r.probability !== undefined) {
          const d = draw(rng);
          rng = d.state;
          fires = d.value < r.probability;
        }
        if (fires) r.fired++;
        const { id: _id, ...stored } = r;
        await c.query('UPDATE localvpc_faults SET rule = $2, rng = $3 WHERE seq = $1', [row.seq, JSON.stringify(stored), rng]);
        if (fires) {
          hit = r;
          break;
        }
      }
      await c.query('COMMIT');
      return hit;
    } catch (e) {
      broken = isConnectionError(e);
      if (!broken) await c.query('ROLLBACK').catch(() => undefined);
      throw broken ? unreachable(e) : e;
    } finally {
      c.release(broken);
    }
  }
}
