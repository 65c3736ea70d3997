// Prometheus metrics through prom-client, on a registry of this server's own (several servers can
// live in one process, as in tests): requests by action and code, latency, resources by type and
// status (counted at scrape time), completed transitions, fired faults, and the process defaults.
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { Services } from './services.js';

export interface Metrics {
  registry: Registry;
  requests: Counter<'action' | 'code'>;
  latency: Histogram<'action'>;
  transitions: Counter<'kind' | 'to'>;
  faults: Counter<'fault' | 'code'>;
}

const TABLES: [type: string, table: string][] = [
  ['vpc', 'vpcs'], ['route_entry', 'route_entries'], ['physical_connection', 'physical_connections'],
  ['vbr', 'vbrs'], ['router_interface', 'router_interfaces'],
];

export function createMetrics(services: Services, countByStatus: (table: string) => { status: string; n: number }[]): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'localvpc_' });
  const metrics: Metrics = {
    registry,
    requests: new Counter({ name: 'localvpc_requests_total', help: 'API requests by action and result code (OK for success).', labelNames: ['action', 'code'], registers: [registry] }),
    latency: new Histogram({ name: 'localvpc_request_duration_seconds', help: 'API request latency.', labelNames: ['action'], buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1], registers: [registry] }),
    transitions: new Counter({ name: 'localvpc_transitions_total', help: 'Completed state transitions by resource kind and status reached.', labelNames: ['kind', 'to'], registers: [registry] }),
    faults: new Counter({ name: 'localvpc_faults_fired_total', help: 'Injected faults that fired.', labelNames: ['fault', 'code'], registers: [registry] }),
  };
  new Gauge({
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
  return metrics;
}
