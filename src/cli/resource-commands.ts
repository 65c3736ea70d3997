// `localvpc vpc|ri|vbr list|show`: what exists in every account (the admin's view), through
// GET /_localvpc/resources. A resource that does not exist is exit code 1 with ResourceNotFound,
// distinct from NotInTransition (`transition step` on a resource that exists but is settled).
import { need, num, str, type Parsed } from './args.js';
import { regionIds, type Command } from './commands.js';
import { arr, kv, obj, show, table, type Json } from './format.js';

interface Kind {
  noun: string;
  type: string;
  /** What a person calls it. */
  label: string;
  columns: [header: string, field: (r: Json) => string][];
}

const created = (r: Json): string => show(r.createdAtIso);

const KINDS: Kind[] = [
  {
    noun: 'vpc',
    type: 'vpc',
    label: 'VPC',
    columns: [
      ['ID', (r) => show(r.id)],
      ['ACCOUNT', (r) => show(r.accountId)],
      ['REGION', (r) => show(r.regionId)],
      ['STATUS', (r) => show(r.status)],
      ['CIDR', (r) => show(r.cidrBlock)],
      ['NAME', (r) => show(r.name)],
      ['CREATED', created],
    ],
  },
  {
    noun: 'ri',
    type: 'router_interface',
    label: 'router interface',
    columns: [
      ['ID', (r) => show(r.id)],
      ['ACCOUNT', (r) => show(r.accountId)],
      ['REGION', (r) => show(r.regionId)],
      ['ROLE', (r) => show(r.role)],
      ['SPEC', (r) => show(r.spec)],
      ['STATUS', (r) => show(r.status) + (r.pendingStatus ? `->${show(r.pendingStatus)}` : '')],
      ['OPPOSITE', (r) => show(r.oppositeInterfaceId) || '-'],
      ['OPPOSITE REGION', (r) => show(r.oppositeRegionId)],
      ['NAME', (r) => show(r.name)],
    ],
  },
  {
    noun: 'vbr',
    type: 'vbr',
    label: 'VBR',
    columns: [
      ['ID', (r) => show(r.id)],
      ['ACCOUNT', (r) => show(r.accountId)],
      ['REGION', (r) => show(r.regionId)],
      ['STATUS', (r) => show(r.status)],
      ['VLAN', (r) => show(r.vlanId)],
      ['PHYSICAL CONNECTION', (r) => show(r.physicalConnectionId)],
      ['NAME', (r) => show(r.name)],
    ],
  },
];

const enc = encodeURIComponent;

function listQuery(p: Parsed, type: string): string {
  const q = new URLSearchParams({ type });
  for (const k of ['account', 'region', 'status'] as const) {
    const v = str(p, k);
    if (v !== undefined) q.set(k, v);
  }
  for (const k of ['limit', 'offset'] as const) {
    const v = num(p, k);
    if (v !== undefined) q.set(k, String(v));
  }
  return q.toString();
}

export const RESOURCE_COMMANDS: Command[] = KINDS.flatMap((k): Command[] => [
  {
    noun: k.noun,
    verb: 'list',
    args: '[--account UID] [--region R] [--status S] [--limit N] [--offset N]',
    summary: `List ${k.label}s of every account.`,
    flags: {
      account: { kind: 'text' },
      region: { kind: 'text', choices: regionIds, what: 'region' },
      status: { kind: 'text' },
      limit: { kind: 'int' },
      offset: { kind: 'int' },
    },
    request: (p) => ({ method: 'GET', path: `/_localvpc/resources?${listQuery(p, k.type)}` }),
    print: (r) => {
      const rows = arr(obj(r).resources);
      if (rows.length === 0) return `no ${k.label}s`;
      return `${table([k.columns.map(([h]) => h), ...rows.map((row) => k.columns.map(([, f]) => f(row)))])}\n(${rows.length} of ${show(obj(r).total)})`;
    },
  },
  {
    noun: k.noun,
    verb: 'show',
    args: 'ID',
    summary: `Show one ${k.label}, of any account.`,
    positionals: [{ name: 'ID' }],
    request: (p) => ({ method: 'GET', path: `/_localvpc/resources/${enc(need(p, 0, 'ID'))}?type=${k.type}` }),
    hints: { ResourceNotFound: `localvpc ${k.noun} list shows the ${k.label}s there are` },
    print: (r) => kv(obj(r)),
  },
]);
