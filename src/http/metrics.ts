// Metrics. Requests, latency, transitions and faults are counted in plain maps on the hot path;
// prom-client (and its process metrics) is loaded on the first scrape of /metrics, which builds a
// registry whose collectors read those maps — start-up and idle memory do not pay for it.
// Exposed: requests by action and code, a latency histogram, resources by type and status
// (counted at scrape time), completed transitions, fired faults, the process defaults.
import type { Registry } from 'prom-client';
import type { AnyTableDef, Store } from '../store/port.js';

const BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1];

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

  /** `tables`: the resource tables with a status column, counted at scrape time. */
  constructor(
    private readonly store: Store,
    private readonly tables: readonly AnyTableDef[],
  ) {}

  observe(action: string, seconds: number): void {
    let l = this.latency.get(action);
    if (!l) this.latency.set(action, (l = { buckets: BUCKETS.map(() => 0), sum: 0, count: 0 }));
    BUCKETS.forEach((le, i) => {
      if (seconds <= le) l.buckets[i] = (l.buckets[i] ?? 0) + 1;
    });
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
      get: () => ({
        name: 'localvpc_request_duration_seconds',
        help: 'API request latency.',
        type: 'histogram',
        aggregator: 'sum',
        values: [...latency].flatMap(([action, l]) => [
          ...BUCKETS.map((le, i) => ({
            metricName: 'localvpc_request_duration_seconds_bucket',
            labels: { action, le },
            value: l.buckets[i] ?? 0,
          })),
          { metricName: 'localvpc_request_duration_seconds_bucket', labels: { action, le: '+Inf' }, value: l.count },
          { metricName: 'localvpc_request_duration_seconds_sum', labels: { action }, value: l.sum },
          { metricName: 'localvpc_request_duration_seconds_count', labels: { action }, value: l.count },
        ]),
      }),
    } as unknown as Parameters<Registry['registerMetric']>[0]);
    const { store, tables } = this;
    new prom.Gauge({
      name: 'localvpc_resources',
      help: 'Stored resources by type and status.',
      labelNames: ['type', 'status'],
      registers: [registry],
      async collect() {
        this.reset();
        for (const t of tables)
          for (const { status, n } of await store.countByStatus(t)) this.set({ type: t.resourceType ?? t.table, status }, n);
      },
    });
    return registry;
  }
}
