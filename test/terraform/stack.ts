// Runs a replayed configuration the way `terraform apply / refresh / apply / destroy` would, and
// reports everything that went wrong at the end instead of stopping at the first problem: the
// failed phase (with the call that failed), the mismatches the Reads found, the failed calls, and
// whatever is left behind after the destroy.
import { exportedTables } from '../helpers/admin.js';
import { DEFAULT_KEY, type TestServer } from '../helpers/server.js';
import { Ledger, Provider, at, type ProviderOptions } from './provider.js';
import { describeError } from './wire.js';
import type { Resource } from './resources.js';

/** Tables of the emulator's own bookkeeping, not resources of the emulated cloud. */
const BOOKKEEPING_TABLES = new Set(['accounts', 'access_keys', 'client_tokens']);

/** Where each Describe keeps its list, to see that nothing is left. */
const LISTS: [action: string, path: string, body: Record<string, unknown>][] = [
  ['DescribeVpcs', 'Vpcs.Vpc', { PageSize: 50 }],
  ['DescribeVSwitches', 'VSwitches.VSwitch', { PageSize: 50 }],
  ['DescribeRouteTableList', 'RouterTableList.RouterTableListType', { PageSize: 50 }],
  ['DescribeRouterInterfaces', 'RouterInterfaceSet.RouterInterfaceType', { PageSize: 50 }],
  ['DescribeVirtualBorderRouters', 'VirtualBorderRouterSet.VirtualBorderRouterType', { PageSize: 50 }],
  ['DescribePhysicalConnections', 'PhysicalConnectionSet.PhysicalConnectionType', { PageSize: 50 }],
];

export class Replay {
  readonly ledger: Ledger;
  /** Every resource of the configuration, in creation order. */
  readonly resources: Resource<object>[] = [];
  /** Phases that failed (or were skipped after a failure), destroy steps that failed, leftovers. */
  readonly failures: string[] = [];
  private failed = false;

  constructor(
    readonly srv: TestServer,
    opts: { pollMs?: number; timeoutMs?: number } = {},
  ) {
    this.ledger = new Ledger(opts.pollMs, opts.timeoutMs);
  }

  /** A provider block pointing `vpc`, `ecs` and `sts` at the test server, with the development key. */
  provider(region: string, alias?: string): Provider {
    return this.providerOf(region, alias, this.srv.config.defaultAccount.aliUid);
  }

  /** A provider of given options (a block `localvpc env --format terraform` printed). */
  providerFrom(opts: ProviderOptions): Provider {
    return new Provider(opts, this.ledger);
  }

  /** A provider on the test server, with the development key; without `accountId` it asks STS. */
  private providerOf(region: string, alias: string | undefined, accountId?: string): Provider {
    return new Provider({ endpoint: `127.0.0.1:${this.srv.port}`, key: DEFAULT_KEY, region, accountId, alias }, this.ledger);
  }

  /** Runs `fn`, recording its failure as `name: error` without stopping; false when it failed. */
  private async attempt(name: string, fn: () => Promise<void>): Promise<boolean> {
    try {
      await fn();
      return true;
    } catch (e) {
      this.failures.push(`${name}: ${describeError(e)}`);
      return false;
    }
  }

  /** One phase (apply, refresh, update); after a failed phase the following ones are skipped. */
  async phase(name: string, fn: () => Promise<void>): Promise<void> {
    if (this.failed) {
      this.failures.push(`${name}: skipped (an earlier phase failed)`);
      return;
    }
    if (!(await this.attempt(name, fn))) this.failed = true;
  }

  /** Creates a resource (Create, the Update it runs, Read) and checks the plan is then empty. */
  async create<R extends Resource<object>>(r: R): Promise<R> {
    this.resources.push(r);
    await r.create();
    r.checkPlan();
    return r;
  }

  /** `terraform refresh` and an empty plan afterwards. */
  async refresh(): Promise<void> {
    for (const r of this.resources) {
      await r.refresh();
      r.checkPlan();
    }
  }

  /** Applies a changed config to one resource and checks the plan is then empty. */
  async change<C extends object>(r: Resource<C>, next: C): Promise<void> {
    await r.change(next);
    r.checkPlan();
  }

  /** `terraform destroy`: every resource with an id, in reverse order; a failure does not stop the others. */
  async destroy(): Promise<void> {
    for (const r of [...this.resources].reverse()) {
      if (r.id) await this.attempt(`destroy ${r.address}`, () => r.destroy());
    }
  }

  /** Runs a step outside Terraform (a fixture), recording its failure without stopping. */
  async fixture(name: string, fn: () => Promise<void>): Promise<void> {
    await this.attempt(name, fn);
  }

  /** Nothing left: every Describe list is empty in each region, and so is every resource table of a snapshot. */
  async checkLeftovers(regions: string[]): Promise<void> {
    for (const region of regions) {
      const p = this.providerOf(region, `check-${region}`);
      for (const [action, path, body] of LISTS) {
        try {
          const r = await p.rpc(action, { RegionId: region, ...body });
          const list = at(r, path);
          if (!Array.isArray(list)) this.failures.push(`leftovers: ${action} in ${region} has no list at ${path}`);
          else if (list.length) this.failures.push(`leftovers: ${action} in ${region} still lists ${JSON.stringify(list.map(idOf))}`);
        } catch (e) {
          this.failures.push(`leftovers: could not check with ${action} in ${region}: ${describeError(e)}`);
        }
      }
    }
    let tables: Record<string, Record<string, unknown>[]>;
    try {
      tables = await exportedTables(this.srv.url, this.srv.app.adminToken);
    } catch (e) {
      this.failures.push(`leftovers: snapshot export failed: ${describeError(e)}`);
      return;
    }
    for (const [name, rows] of Object.entries(tables)) {
      if (BOOKKEEPING_TABLES.has(name) || rows.length === 0) continue;
      this.failures.push(
        `leftovers: snapshot table ${name} has ${rows.length} row(s): ${JSON.stringify(rows.map((r) => r.id ?? r))}`.slice(0, 400),
      );
    }
  }

  /** The failed calls, folded: `Action (Code, HTTP n) xN`. */
  failedCalls(): string[] {
    const seen = new Map<string, number>();
    for (const c of this.ledger.calls) {
      if (!c.code) continue;
      const k = `${c.action} [${c.form}${c.provider.startsWith('check') ? ', leftover check' : ''}]: ${c.code} (HTTP ${c.status})`;
      seen.set(k, (seen.get(k) ?? 0) + 1);
    }
    return [...seen].map(([k, n]) => (n > 1 ? `${k} x${n}` : k));
  }

  /** Everything that went wrong, or '' when the replay was clean. */
  report(): string {
    const parts: string[] = [];
    if (this.failures.length) parts.push('Failures:', ...this.failures.map((f) => `  - ${f}`));
    if (this.ledger.problems.length) parts.push('Mismatches found by the Reads:', ...this.ledger.problems.map((f) => `  - ${f}`));
    const calls = this.failedCalls();
    if (parts.length && calls.length) parts.push('Failed calls:', ...calls.map((f) => `  - ${f}`));
    return parts.join('\n');
  }

  /** The replayed calls, one line each (printed with TF_REPLAY_LOG=1). */
  transcript(): string {
    return this.ledger.calls
      .map((c) => {
        const id = Object.entries(c.params)
          .filter(([k]) => /Id$|Id\.1$|^Filter\.1\.Value\.1$|^Spec$|^Status$/.test(k) && k !== 'RegionId')
          .map(([k, v]) => `${k}=${v}`)
          .join(' ');
        return `${c.provider} ${c.form} ${c.action} ${id} -> ${c.status}${c.code ? ` ${c.code}` : ''}`;
      })
      .join('\n');
  }

  /** Fails the test with the whole report when anything went wrong. */
  assertClean(): void {
    if (process.env.TF_REPLAY_LOG) console.log(this.transcript());
    const r = this.report();
    if (r) throw new Error(`The Terraform replay found problems:\n${r}`);
  }
}

function idOf(item: unknown): unknown {
  if (typeof item !== 'object' || item === null) return item;
  const o = item as Record<string, unknown>;
  return o.VpcId ?? o.VSwitchId ?? o.RouteTableId ?? o.RouterInterfaceId ?? o.VbrId ?? o.PhysicalConnectionId ?? o;
}
