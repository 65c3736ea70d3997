// The printed report: the machine and date, one Markdown table of every scenario's rows, then the
// section of facts (cold start, memory, targets) with each target met or missed.
import { cpus, totalmem } from 'node:os';
import type { LoadResult } from './load.js';
import type { Fact, Row } from './scenarios.js';
import { relative } from 'node:path';
import { LOCALVPC_MAIN } from './servers.js';

/** The minimum ratio LocalVPC's throughput must reach against the ceiling (unless a row sets its own). */
export const TARGET_RATIO = 0.6;

export function machineLine(): string {
  const c = cpus();
  const model = c[0]?.model.trim() ?? 'unknown CPU';
  const mem = Math.round(totalmem() / 2 ** 30);
  return `Machine: ${model}, ${c.length} cores, ${mem} GiB RAM, Node ${process.version} (${process.platform}/${process.arch}). LocalVPC: ${relative(process.cwd(), LOCALVPC_MAIN)}. Date: ${new Date().toISOString()}.`;
}

const num = (n: number | undefined, digits = 0): string => (n === undefined || Number.isNaN(n) ? '-' : n.toFixed(digits));

function problems(who: string, r: LoadResult | undefined): string[] {
  if (!r || (r.non2xx === 0 && r.errors === 0)) return [];
  return [`${who}: ${r.non2xx} non-2xx, ${r.errors} errors`];
}

/** Does this row carry a failure (non-2xx or errors)? */
export function rowFailed(row: Row): boolean {
  return problems('', row.subject).length + problems('', row.ceiling).length > 0;
}

/** Server CPU microseconds per answered request, when measurable. */
function cpuPerRequest(r: LoadResult | undefined): number | undefined {
  return r?.serverCpu !== undefined && r.rps > 0 ? (r.serverCpu * 1e6) / r.rps : undefined;
}

/** A load generator this busy (cores) is likely what limits the run, not the server. */
const CLIENT_BOUND = 0.9;
/** Other work on the machine (cores) above which figures are flagged as noisy. */
const BUSY_MACHINE = 0.5;

export function markdownTable(rows: Row[]): string {
  const head = ['scenario', 'concurrency', 'LocalVPC req/s', 'p50 ms', 'p99 ms', 'ceiling req/s', 'ratio', 'CPU ratio', 'notes'];
  const lines = [`| ${head.join(' | ')} |`, `| ${head.map((h, i) => (i < 2 || i === 8 ? '---' : '---:')).join(' | ')} |`];
  for (const r of rows) {
    const s = r.subject;
    const c = r.ceiling;
    const ratio = s && c && c.rps > 0 ? s.rps / c.rps : undefined;
    const us = [cpuPerRequest(s), cpuPerRequest(c)];
    const cpuRatio = us[0] !== undefined && us[1] !== undefined ? us[1] / us[0] : undefined;
    const notes = [
      ...(us[0] !== undefined || us[1] !== undefined ? [`server CPU µs/req ${num(us[0])}/${num(us[1])}`] : []),
      ...(s && c
        ? [`client cores ${num(s.clientCpu, 2)}/${num(c.clientCpu, 2)}${c.clientCpu >= CLIENT_BOUND ? ' (ceiling run client-bound)' : ''}`]
        : []),
      ...(s?.otherCpu !== undefined && c?.otherCpu !== undefined
        ? [
            `rest of machine ${num(s.otherCpu, 2)}/${num(c.otherCpu, 2)} cores${Math.max(s.otherCpu, c.otherCpu) >= BUSY_MACHINE ? ' (busy machine: noisy)' : ''}`,
          ]
        : []),
      ...(c ? [`ceiling p50/p99 ${num(c.p50, 2)}/${num(c.p99, 2)} ms`] : []),
      ...problems('LocalVPC', s),
      ...problems('ceiling', c),
      ...(r.targetRatio !== undefined ? [`target ratio ${r.targetRatio}`] : []),
      ...(r.notes ?? []),
    ];
    const target = r.targetRatio ?? TARGET_RATIO;
    const fmtRatio = (x: number | undefined): string => (x === undefined ? '-' : `${x.toFixed(2)}${x < target ? ' ⚠' : ''}`);
    const cells = [
      r.scenario,
      String(r.concurrency),
      num(s?.rps),
      num(s?.p50, 2),
      num(s?.p99, 2),
      num(c?.rps),
      fmtRatio(ratio),
      fmtRatio(cpuRatio),
      notes.join('; '),
    ];
    lines.push(`| ${cells.join(' | ')} |`);
  }
  return lines.join('\n');
}

export const LEGEND = [
  'req/s: answers per second over the measured phase, after a warm-up; p50/p99: LocalVPC latencies.',
  `ratio = LocalVPC req/s / ceiling req/s (target >= ${TARGET_RATIO} unless the notes give another; ⚠ marks a miss).`,
  'CPU ratio = ceiling server CPU per request / LocalVPC server CPU per request: about the ratio both would reach if each, not the load generator, were the bottleneck.',
  'Notes (LocalVPC run/ceiling run): server CPU per request; cores used by the load generator (this process) and by the rest of the machine',
  '(other processes, and kernel networking billed to no process).',
  'When the load generator uses about a whole core it, not the server, limits req/s, and the ratio overstates LocalVPC: read the CPU ratio.',
].join('\n');

/** The section under the table: one line per fact, with its target met or missed. */
export function factsSection(facts: Fact[]): string {
  const lines = facts.map((f) => {
    const verdict = f.target === undefined ? '' : ` (target ${f.target}: **${f.met ? 'met' : 'missed'}**)`;
    return `- ${f.name}: ${f.value}${verdict}${f.notes ? `. ${f.notes}` : ''}`;
  });
  const missed = facts.filter((f) => f.target !== undefined && !f.met).length;
  const withTarget = facts.filter((f) => f.target !== undefined).length;
  return ['### Cold start, memory and targets', '', ...lines, '', `Targets: ${withTarget - missed} of ${withTarget} met.`].join('\n');
}
