// The CLI's questions about links: `explain` (why an interface is in its status, check by check),
// `reach` (a path hop by hop) and `timeline` (what happened to an interface or a pair). Each is one
// admin API request; without --json the answer is printed for a person.
import { bool, need, type FlagSpec } from './args.js';
import type { Command } from './commands.js';

type Json = Record<string, unknown>;
const obj = (v: unknown): Json => (typeof v === 'object' && v !== null && !Array.isArray(v) ? Object.fromEntries(Object.entries(v)) : {});
const arr = (v: unknown): Json[] => (Array.isArray(v) ? v.map(obj) : []);
const show = (v: unknown): string =>
  typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : (JSON.stringify(v) ?? '');
const enc = encodeURIComponent;
const MARK: Record<string, string> = { passed: 'ok  ', failed: 'FAIL', 'not reached': ' -- ' };

function printReach(r: unknown): string {
  const x = obj(r);
  const lines = [show(x.summary)];
  for (const h of arr(x.hops))
    lines.push(
      `  ${MARK[show(h.result)] ?? show(h.result)} ${String(show(h.step)).padStart(2)} ${show(h.leg).padEnd(7)} ${show(h.kind).padEnd(9)} ${show(h.detail)}`,
    );
  return lines.join('\n');
}

function printTimeline(r: unknown): string {
  const x = obj(r);
  const events = arr(x.events);
  const head = `${show(x.routerInterfaceId)}${x.peerId ? ` and its peer ${show(x.peerId)}` : ''}: ${events.length} events${x.truncated ? ' (the oldest are not shown)' : ''}`;
  return [
    head,
    ...events.map((e) =>
      [
        show(e.eventTime),
        show(e.resourceName).padEnd(24),
        e.eventType === 'Transition' ? `${show(e.from)} -> ${show(e.to)}` : show(e.eventName),
        e.eventType === 'Transition' ? '' : `by ${show(obj(e.userIdentity).accountId)} (${show(e.eventSource ?? 'api')})`,
        e.requestId ? show(e.requestId) : '',
        show(e.errorCode) || (e.eventType === 'ApiCall' ? 'OK' : ''),
      ]
        .filter(Boolean)
        .join('  '),
    ),
  ].join('\n');
}

function printExplain(r: unknown): string {
  const x = obj(r);
  const lines = [
    `${show(x.routerInterfaceId)}: ${show(x.status)} (${show(x.role)}, ${show(x.accountId)}, ${show(x.regionId)})`,
    show(x.summary),
  ];
  for (const a of arr(x.actions)) {
    const ans = obj(a.answer);
    lines.push(
      '',
      `${show(a.action)} ${show(a.routerInterfaceId)} as ${show(a.caller)}: ${ans.ok ? 'would succeed' : `would fail: ${show(ans.code)} (HTTP ${show(ans.status)})`}`,
    );
    for (const c of arr(a.checks)) {
      const err = obj(c.error);
      const why = c.result === 'failed' ? `  -> ${show(err.code)}: ${show(err.message)}` : '';
      lines.push(`  ${MARK[show(c.result)] ?? show(c.result)} ${String(show(c.step)).padStart(2)} ${show(c.label)}${why}`);
    }
  }
  return lines.join('\n');
}

const flag: FlagSpec = { kind: 'bool' };

export const INSPECT_COMMANDS: Command[] = [
  {
    noun: 'explain',
    verb: '',
    args: 'ROUTER_INTERFACE_ID',
    summary: 'Why an interface is in its status: what connect, activate, deactivate and delete would answer now, check by check.',
    positionals: [{ name: 'ROUTER_INTERFACE_ID' }],
    request: (p) => ({ method: 'GET', path: `/_localvpc/explain/${enc(need(p, 0, 'ROUTER_INTERFACE_ID'))}` }),
    print: printExplain,
  },
  {
    noun: 'reach',
    verb: '',
    args: 'SOURCE DESTINATION',
    summary: 'Walk the path from a VPC or vSwitch (SOURCE) to an IPv4 address and back, hop by hop.',
    positionals: [{ name: 'SOURCE' }, { name: 'DESTINATION' }],
    request: (p) => ({
      method: 'POST',
      path: '/_localvpc/reachability',
      body: { source: need(p, 0, 'SOURCE'), destination: need(p, 1, 'DESTINATION') },
    }),
    print: printReach,
  },
  {
    noun: 'timeline',
    verb: '',
    args: 'ROUTER_INTERFACE_ID [--single]',
    summary: 'Every transition and API call that touched an interface and its peer (--single: this end only), from the journal.',
    positionals: [{ name: 'ROUTER_INTERFACE_ID' }],
    flags: { single: flag },
    request: (p) => ({
      method: 'GET',
      path: `/_localvpc/timeline/${enc(need(p, 0, 'ROUTER_INTERFACE_ID'))}${bool(p, 'single') ? '?pair=false' : ''}`,
    }),
    print: printTimeline,
  },
];
