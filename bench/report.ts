// The printed report: the machine and date, one Markdown table of every scenario's rows (LocalVPC
// beside its reference: a ceiling, a peer, or LocalVPC itself configured otherwise), any further
// tables (the store-size scaling), then the section of facts (cold start, memory, targets) with
// each target met, missed, or not measured.
// A row's ratio is withheld when a run is client-bound (the load generator's threads were busy
// while the server's event loop was not saturated: the figure is the generator's, not the
// server's), when a run failed (answers outside 2xx, connection errors, a pool run out), or by
// nature (through the official SDK, whose client saturates first).
import { cpus, totalmem } from 'node:os';
import { relative } from 'node:path';
import type { LoadResult } from './wrk.js';
import type { Fact, Row } from './harness.js';
import { LOCALVPC_MAIN } from './servers.js';

/** A load generator this busy (fraction of the cores its sending threads may use) may be the limit. */
export const CLIENT_BUSY = 0.9;
/** A server whose event loop (main thread) is this busy (cores) is saturated: it is the limit. */
export const SERVER_SATURATED = 0.9;
/** Other work on the machine (cores) above which figures are flagged as noisy. */
const BUSY_MACHINE = 0.5;

export function machineLine(): string {
  const c = cpus();
  const model = c[0]?.model.trim() ?? 'unknown CPU';
  const mem = Math.round(totalmem() / 2 ** 30);
  return `Machine: ${model}, ${c.length} cores, ${mem} GiB RAM, Node ${process.version} (${process.platform}/${process.arch}). LocalVPC: ${relative(process.cwd(), LOCALVPC_MAIN)}. Date: ${new Date().toISOString()}.`;
}

export const num = (n: number | undefined, digits = 0): string => (n === undefined || !Number.isFinite(n) ? '-' : n.toFixed(digits));

/** Did this run fail: answers outside 2xx, connection errors, or a pool that ran out? */
export function failed(r: LoadResult | undefined): boolean {
  return r !== undefined && (r.non2xx > 0 || r.errors > 0 || r.exhausted === true);
}

function problems(who: string, r: LoadResult | undefined): string[] {
  if (!r || !failed(r)) return [];
  return [
    `**${who}: ${r.non2xx} answers outside 2xx, ${r.errors} connection errors${r.exhausted ? `, pool of ${r.poolSize} exhausted` : ''}${r.firstBad ? ` (first: ${r.firstBad.slice(0, 160)})` : ''}**`,
  ];
}

/** Does this row carry a failure? */
export function rowFailed(row: Row): boolean {
  return failed(row.subject) || failed(row.reference);
}

/** The server was the limit: its event loop was saturated. */
export function serverSaturated(r: LoadResult): boolean {
  return (r.serverMainCpu ?? r.serverCpu ?? 0) >= SERVER_SATURATED;
}

/** The load generator was busy while the server was not saturated: the figures are the generator's. */
export function clientBound(r: LoadResult | undefined): boolean {
  return r !== undefined && r.clientCpu >= CLIENT_BUSY * r.clientCores && !serverSaturated(r);
}

/** Server CPU microseconds per answered request, when measurable. */
export function cpuPerRequest(r: LoadResult | undefined): number | undefined {
  return r?.serverCpu !== undefined && r.rps > 0 ? (r.serverCpu * 1e6) / r.rps : undefined;
}

export type Verdict = { ratio: number } | { withheld: string };

/** The row's ratio (subject req/s / reference req/s), or why it is withheld. */
export function verdict(row: Row): Verdict {
  if (!row.subject || !row.reference) return { withheld: 'no reference' };
  if (row.noRatio) return { withheld: row.noRatio };
  if (rowFailed(row)) return { withheld: 'failed run' };
  const bound = [clientBound(row.subject) ? (row.subjectName ?? 'LocalVPC') : '', clientBound(row.reference) ? row.referenceName : '']
    .filter(Boolean)
    .join(', ');
  if (bound) return { withheld: `client-bound (${bound} run)` };
  return { ratio: row.subject.rps / row.reference.rps };
}

const lat = (r: LoadResult | undefined): string => (r ? `${num(r.p50, 2)} / ${num(r.p99, 2)}` : '-');

export function markdownTable(rows: Row[]): string {
  const head = [
    'scenario',
    'c',
    'LocalVPC req/s',
    'p50 / p99 ms',
    'CPU µs/req',
    'reference',
    'ref req/s',
    'ref p50 / p99 ms',
    'ref CPU µs/req',
    'ratio',
    'target',
    'notes',
  ];
  const right = new Set([2, 3, 4, 6, 7, 8, 9]);
  const lines = [`| ${head.join(' | ')} |`, `| ${head.map((_, i) => (right.has(i) ? '---:' : '---')).join(' | ')} |`];
  for (const r of rows) {
    const s = r.subject;
    const c = r.reference;
    const v = verdict(r);
    const ratio = 'ratio' in v ? v.ratio.toFixed(2) : v.withheld;
    const target =
      r.target === undefined
        ? '-'
        : 'ratio' in v
          ? `>= ${r.target}: ${v.ratio >= r.target ? 'met' : '**missed**'}`
          : `>= ${r.target}: not measured`;
    const cores = (x: LoadResult | undefined): string =>
      x ? `${num(x.clientCpu, 2)}/${x.clientCores}${clientBound(x) ? ' (client-bound)' : ''}` : '-';
    const server = (x: LoadResult | undefined): string =>
      x ? `${num(x.serverCpu, 2)} (event loop ${num(x.serverMainCpu, 2)}${x && serverSaturated(x) ? ', saturated' : ''})` : '-';
    const notes = [
      ...(s || c ? [`client cores ${cores(s)} | ${cores(c)}`, `server cores ${server(s)} | ${server(c)}`] : []),
      ...(s?.otherCpu !== undefined || c?.otherCpu !== undefined
        ? [
            `rest of machine ${num(s?.otherCpu, 2)} | ${num(c?.otherCpu, 2)} cores${Math.max(s?.otherCpu ?? 0, c?.otherCpu ?? 0) >= BUSY_MACHINE ? ' (busy machine: noisy)' : ''}`,
          ]
        : []),
      ...problems(r.subjectName ?? 'LocalVPC', s),
      ...problems(r.referenceName ?? 'reference', c),
      ...(r.notes ?? []),
    ];
    const cells = [
      r.scenario,
      String(r.concurrency),
      num(s?.rps),
      lat(s),
      num(cpuPerRequest(s)),
      r.referenceName ?? '-',
      num(c?.rps),
      lat(c),
      num(cpuPerRequest(c)),
      ratio,
      target,
      notes.join('; '),
    ];
    lines.push(`| ${cells.join(' | ')} |`);
  }
  return lines.join('\n');
}

export const LEGEND = [
  "req/s: answers per second over the measured phase (after a warm-up run); p50 / p99: latencies as wrk reports them; CPU µs/req: the server process's CPU time per answer.",
  "ratio = LocalVPC req/s / reference req/s, measured in the same run; withheld when a run was client-bound (the load generator's threads used",
  `>= ${CLIENT_BUSY * 100}% of their cores while the server's event loop used < ${SERVER_SATURATED} core), failed, or goes through the SDK.`,
  "Notes (LocalVPC run | reference run): cores used by the load generator's sending threads / cores they may use; cores used by the server",
  'process (its event-loop thread in brackets); cores used by the rest of the machine (other processes, kernel work billed to none).',
].join('\n');

/** Target facts of the rows that have a target. */
export function rowFacts(rows: Row[]): Fact[] {
  return rows
    .filter((r) => r.target !== undefined)
    .map((r) => {
      const v = verdict(r);
      return {
        name: `${r.scenario}, c=${r.concurrency}: ratio to ${r.referenceName}`,
        value:
          'ratio' in v ? `${v.ratio.toFixed(2)} (${num(r.subject?.rps)} vs ${num(r.reference?.rps)} req/s)` : `not measured: ${v.withheld}`,
        target: `>= ${r.target}`,
        met: 'ratio' in v ? v.ratio >= (r.target as number) : undefined,
      };
    });
}

/** The section under the tables: one line per fact, with its target met, missed or not measured. */
export function factsSection(facts: Fact[]): string {
  const lines = facts.map((f) => {
    const verdict =
      f.target === undefined ? '' : ` (target ${f.target}: **${f.met === undefined ? 'not measured' : f.met ? 'met' : 'missed'}**)`;
    return `- ${f.name}: ${f.value}${verdict}${f.notes ? `. ${f.notes}` : ''}`;
  });
  const withTarget = facts.filter((f) => f.target !== undefined);
  const met = withTarget.filter((f) => f.met === true).length;
  const missed = withTarget.filter((f) => f.met === false).length;
  const unmeasured = withTarget.length - met - missed;
  return [
    '### Targets, cold start and memory',
    '',
    ...lines,
    '',
    withTarget.length
      ? `Targets: ${met} met, ${missed} missed${unmeasured ? `, ${unmeasured} not measured` : ''} (of ${withTarget.length}).`
      : 'No targets in this selection.',
  ].join('\n');
}
