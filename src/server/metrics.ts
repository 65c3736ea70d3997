// Metrics. Requests, latency, transitions and faults are counted in plain maps on the hot path;
// prom-client (and its process metrics) is loaded on the first scrape of /metrics, which builds a
// registry whose collectors read those maps — start-up and idle memory do not pay for it.
// Exposed: requests by action and code, a latency histogram, resources by type and status
// (counted at scrape time), completed transitions, fired faults, the process defaults.
import type { Registry } from 'prom-client';
import type { Services } from './services.js';

const BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1];

const TABLES: [type: string, table: string][] = [
  ['vpc', 'vpcs'],
  ['route_entry', 'route_entries'],
  ['physical_connection', 'physical_connections'],
  ['vbr', 'vbrs'],
  ['router_interface', 'router_interfaces'],
];

/** Counts keyed by the JSON of their labels. */
class Counts {
  readonly values = new Map<string, number>();
  inc(labels: Record<string, string>, by = 1): void {
    const k = JSON.stringify(labels);
    this.values.set(k, (this.values.get(k) ?? 0) + by);
  }
}

interface Latency {
  buckets: number[];
  sum: number;
  count: number;
}

export class Metrics {
  readonly requests = new Counts();
  readonly transitions = new Counts();
  readonly faults = new Counts();
  readonly latency = new Map<string, Latency>();
  private registry: Promise<Registry> | undefined;

  constructor(
    private readonly services: Services,
    private readonly countByStatus: (table: string) => { status: string; n: number }[],
  ) {}

  observe(action: string, seconds: number): void {
    let l = this.latency.get(action);
    if (!l) this.latency.set(action, (l = { buckets: BUCKETS.map(() => 0), sum: 0, count: 0 }));
    for (let i = 0; i < BUCKETS.length; i++) if (seconds <= (BUCKETS[i] as number)) l.buckets[i]!++;
    l.sum += seconds;
    l.count++;
  }

  /** The Prometheus text exposition and its content type. */
  async scrape(): Promise<{ contentType: string; text: string }> {
    this.registry ??= this.build();
    const reg = await this.registry;
    return { contentType: reg.contentType, text: await reg.metrics() };
  }

  private async build(): Promise<Registry> {
    const prom = await import('prom-client');
    const registry = new prom.Registry();
    prom.collectDefaultMetrics({ register: registry, prefix: 'localvpc_' });
    const counter = (name: string, help: string, labelNames: string[], counts: Counts) =>
      new prom.Counter({
        name,
        help,
        labelNames,
        registers: [registry],
        collect() {
          this.reset();
          for (const [k, v] of counts.values) this.inc(JSON.parse(k) as Record<string, string>, v);
        },
      });
    counter('localvpc_requests_total', 'API requests by action and result code (OK for success).', ['action', 'code'], this.requests);
    counter(
      'localvpc_transitions_total',
      'Completed state transitions by resource kind and status reached.',
      ['kind', 'to'],
      this.transitions,
    );
    counter('localvpc_faults_fired_total', 'Injected faults that fired.', ['fault', 'code'], this.faults);
    const latency = this.latency;
    registry.registerMetric({
      name: 'localvpc_request_duration_seconds',
      get: async () => ({
        name: 'localvpc_request_duration_seconds',
        help: 'API request latency.',
        type: 'histogram',
        aggregator: 'sum',
        values: [...latency].flatMap(([action, l]) => [
          ...BUCKETS.map((le, i) => ({
            metricName: 'localvpc_request_duration_seconds_bucket',
            labels: { action, le },
            value: l.buckets[i] as number,
          })),
          { metricName: 'localvpc_request_duration_seconds_bucket', labels: { action, le: '+Inf' }, value: l.count },
          { metricName: 'localvpc_request_duration_seconds_sum', labels: { action }, value: l.sum },
          { metricName: 'localvpc_request_duration_seconds_count', labels: { action }, value: l.count },
        ]),
      }),
    } as unknown as Parameters<Registry['registerMetric']>[0]);
    const { services, countByStatus } = this;
    new prom.Gauge({
      name: 'localvpc_resources',
      help: 'Stored resources by type and status.',
      labelNames: ['type', 'status'],
      registers: [registry],
      collect() {
        this.reset();
        for (const [type, table] of TABLES) for (const { status, n } of countByStatus(table)) this.set({ type, status }, n);
        this.set({ type: 'account', status: 'Active' }, services.accounts.accounts.count({ status: 'Active' }));
      },
    });
    return registry;
  }
}

export function createMetrics(services: Services, countByStatus: (table: string) => { status: string; n: number }[]): Metrics {
  return new Metrics(services, countByStatus);
}
