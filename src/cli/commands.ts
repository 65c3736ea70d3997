// The admin commands of the CLI, noun then verb, declared as data: each declares the flags and
// positional arguments it takes (main.ts parses them strictly against that), turns them into one
// admin API request and, without --json, prints the answer for a person.
import { existsSync } from 'node:fs';
import { bool, need, num, str, UsageError, type FlagSpec, type Parsed, type Syntax } from './args.js';
import { vpcFacts } from '../spec/vpc-facts.generated.js';
import { stsFacts } from '../spec/sts-facts.generated.js';
import { REGIONS } from '../resources/regions/data.js';
import { SITES } from '../resources/accounts/model.js';
import { PROFILES } from '../engine/transition-policy.js';
import { INSPECT_COMMANDS } from './inspect-commands.js';
import type { Target } from './client.js';
import { parseDuration } from '../http/admin/clock.js';
import { followJournal, journalCode, journalLine, journalQuery } from './follow.js';
import { arr, kv, obj, show, table } from './format.js';

export interface Request {
  method: string;
  path: string;
  body?: unknown;
  /** Stream the answer into this file (`-`: standard output) instead of reading it as JSON. */
  download?: string;
  /** Stream this file as the body (a snapshot). */
  upload?: string;
}

export interface Command extends Syntax {
  noun: string;
  verb: string;
  /** The usage line after the command's name; every flag and positional it mentions is declared. */
  args: string;
  summary: string;
  request(p: Parsed): Request;
  print?(result: unknown, p: Parsed): string;
  /** Reshapes the API's answer before it is printed, as a table or as --json (the journal, newest first). */
  answer?(result: unknown, p: Parsed): unknown;
  /** Hints for refusals, by error code: said in CLI terms (flags), not the API's (query parameters, body fields). */
  hints?: Readonly<Record<string, string>>;
  /** A command that is more than one request (env, journal --follow): does it all and answers the exit code. */
  run?(p: Parsed, ctx: RunContext): Promise<number | undefined>;
}

export interface RunContext {
  target: Target;
  json: boolean;
}

type Json = Record<string, unknown>;
const enc = encodeURIComponent;

let actions: readonly string[] | undefined;
/** Every action of the products the gateway serves (Vpc and Sts), implemented or not. */
export const actionNames = (): readonly string[] => (actions ??= [...Object.keys(vpcFacts.actions), ...Object.keys(stsFacts.actions)]);
export const regionIds = (): readonly string[] => REGIONS.map((r) => r.regionId);

const text: FlagSpec = { kind: 'text' };
const int: FlagSpec = { kind: 'int' };
const flag: FlagSpec = { kind: 'bool' };
const action: FlagSpec = { kind: 'text', choices: actionNames, what: 'action' };
const region: FlagSpec = { kind: 'text', choices: regionIds, what: 'region' };
const site: FlagSpec = { kind: 'text', choices: SITES };
const FAULT_TRANSITIONS = ['stuck', 'fail-self', 'fail-peer'] as const;
const JOURNAL_TYPES = ['ApiCall', 'Transition', 'Fault', 'Admin'] as const;
/** The names of Admin events (the admin routes' `audit` names). */
const ADMIN_EVENTS = [
  'ClockAdvance',
  'ClockFreeze',
  'ClockReset',
  'ClockResume',
  'ClockSpeed',
  'FaultAdd',
  'FaultClear',
  'FaultRemove',
  'ProfileSet',
  'Reset',
  'SnapshotDelete',
  'SnapshotImport',
  'SnapshotRestore',
  'SnapshotSave',
  'TransitionHold',
  'TransitionRelease',
  'TransitionStep',
];

function accountFlags(p: Parsed): Json {
  const body: Json = {};
  const bills = bool(p, 'bills-outstanding');
  const locked = bool(p, 'financial-locked');
  if (bills !== undefined) body.billsOutstanding = bills;
  if (locked !== undefined) body.financialLocked = locked;
  const site = str(p, 'site');
  if (site !== undefined) body.site = site;
  const name = str(p, 'name');
  if (name !== undefined) body.name = name;
  return body;
}

function printAccounts(r: unknown): string {
  const list = arr(obj(r).accounts);
  return table([
    ['ALIUID', 'NAME', 'SITE', 'STATUS', 'BILLS', 'LOCKED', 'KEYS'],
    ...list.map((a) => [
      show(a.aliUid),
      show(a.name),
      show(a.site),
      show(a.status),
      show(a.billsOutstanding),
      show(a.financialLocked),
      arr(a.accessKeys)
        .map((k) => `${show(k.accessKeyId)}(${show(k.status)})`)
        .join(','),
    ]),
  ]);
}

/** A fault's effect for a person: `error Throttling.User`, `latency 500 ms`, `transition stuck`. */
const effectText = (v: unknown): string => {
  const e = obj(v);
  const err = obj(e.error);
  return [
    ...(e.error !== undefined
      ? [
          [
            'error',
            show(err.code),
            ...(err.status !== undefined ? [show(err.status)] : []),
            ...(err.message !== undefined ? [JSON.stringify(err.message)] : []),
          ].join(' '),
        ]
      : []),
    ...(e.latencyMs !== undefined ? [`latency ${show(e.latencyMs)} ms`] : []),
    ...(e.transition !== undefined ? [`transition ${show(e.transition)}`] : []),
  ].join(', ');
};

const clockLine = (r: unknown): string => {
  const c = obj(r);
  return `${show(c.iso)}${c.frozen ? ' (frozen)' : ''} speed ${show(c.speed)}`;
};

const transitionsText = (r: unknown): string => {
  const t = obj(r);
  const pending = arr(t.pending);
  const head = `profile: ${show(t.profile)} (fast delay ${show(t.fastDelayMs)} ms)`;
  if (pending.length === 0) return `${head}\nno resource is in a transitional state`;
  return `${head}\n${table([['KIND', 'ID', 'STATUS', 'TO', 'DUE'], ...pending.map((x) => [show(x.kind), show(x.id), show(x.status), show(x.pendingStatus), x.held ? 'held' : new Date(Number(x.dueAt)).toISOString()])])}`;
};

export const COMMANDS: Command[] = [
  {
    noun: 'status',
    verb: '',
    args: '',
    summary: 'What the server is: storage, clock, profile, counts.',
    request: () => ({ method: 'GET', path: '/_localvpc/status' }),
    print: (r) => kv(obj(r)),
  },

  {
    noun: 'account',
    verb: 'list',
    args: '',
    summary: 'List accounts.',
    request: () => ({ method: 'GET', path: '/_localvpc/accounts' }),
    print: printAccounts,
  },
  {
    noun: 'account',
    verb: 'create',
    args: '[--aliuid UID] [--name N] [--site china|international] [--bills-outstanding] [--financial-locked]',
    summary: 'Create an account with an AccessKey pair.',
    flags: { aliuid: text, name: text, site, 'bills-outstanding': flag, 'financial-locked': flag },
    request: (p) => ({
      method: 'POST',
      path: '/_localvpc/accounts',
      body: { ...accountFlags(p), ...(str(p, 'aliuid') ? { aliUid: str(p, 'aliuid') } : {}) },
    }),
    print: (r) => {
      const a = obj(r);
      const key = obj(a.accessKey);
      return `created account ${show(a.aliUid)} (${show(a.site)})\nAccessKeyId:     ${show(key.accessKeyId)}\nAccessKeySecret: ${show(key.accessKeySecret)}`;
    },
  },
  {
    noun: 'account',
    verb: 'show',
    args: 'UID',
    summary: 'Show one account.',
    positionals: [{ name: 'UID' }],
    request: (p) => ({ method: 'GET', path: `/_localvpc/accounts/${enc(need(p, 0, 'UID'))}` }),
    print: (r) => kv(obj(r)),
  },
  {
    noun: 'account',
    verb: 'delete',
    args: 'UID [--force]',
    summary: 'Delete an account (--force: and its resources).',
    positionals: [{ name: 'UID' }],
    flags: { force: flag },
    request: (p) => ({ method: 'DELETE', path: `/_localvpc/accounts/${enc(need(p, 0, 'UID'))}${bool(p, 'force') ? '?force=true' : ''}` }),
    hints: { AccountHasResources: 'add --force to delete them too' },
    print: (r) =>
      `deleted account ${show(obj(r).deleted)}${Number(obj(r).resources) > 0 ? ` and its ${show(obj(r).resources)} resources` : ''}`,
  },
  {
    noun: 'account',
    verb: 'billing',
    args: 'UID [--bills-outstanding true|false] [--financial-locked true|false]',
    summary: 'Set billing flags (drive Forbidden.BillsOutstanding / Forbidden.FinancialLocked).',
    positionals: [{ name: 'UID' }],
    flags: { 'bills-outstanding': flag, 'financial-locked': flag },
    request: (p) => ({ method: 'PATCH', path: `/_localvpc/accounts/${enc(need(p, 0, 'UID'))}`, body: accountFlags(p) }),
    print: (r) =>
      `${show(obj(r).aliUid)}: billsOutstanding ${show(obj(r).billsOutstanding)}, financialLocked ${show(obj(r).financialLocked)}`,
  },
  {
    noun: 'account',
    verb: 'site',
    args: 'UID china|international',
    summary: 'Move an account to a site (drives CROSS_BID.FORBIDDEN).',
    positionals: [{ name: 'UID' }, { name: 'site', choices: SITES }],
    request: (p) => ({ method: 'PATCH', path: `/_localvpc/accounts/${enc(need(p, 0, 'UID'))}`, body: { site: need(p, 1, 'site') } }),
  },
  {
    noun: 'account',
    verb: 'key',
    args: 'create|enable|disable|delete UID [KEYID]',
    summary: 'Manage AccessKeys.',
    positionals: [
      { name: 'operation', choices: ['create', 'enable', 'disable', 'delete'] },
      { name: 'UID' },
      { name: 'KEYID', optional: true },
    ],
    request: (p) => {
      const op = need(p, 0, 'create|enable|disable|delete');
      const uid = enc(need(p, 1, 'UID'));
      if (op === 'create') {
        if (p.positionals[2] !== undefined) throw new UsageError(`unexpected argument "${p.positionals[2]}": key create makes a new key`);
        return { method: 'POST', path: `/_localvpc/accounts/${uid}/keys`, body: {} };
      }
      const key = enc(need(p, 2, 'KEYID'));
      if (op === 'enable' || op === 'disable')
        return {
          method: 'PATCH',
          path: `/_localvpc/accounts/${uid}/keys/${key}`,
          body: { status: op === 'enable' ? 'Active' : 'Inactive' },
        };
      if (op === 'delete') return { method: 'DELETE', path: `/_localvpc/accounts/${uid}/keys/${key}` };
      throw new UsageError(`unknown key operation "${op}"`);
    },
    print: (r) => kv(obj(r)),
  },

  {
    noun: 'clock',
    verb: 'show',
    args: '',
    summary: 'Show the emulator clock.',
    request: () => ({ method: 'GET', path: '/_localvpc/clock' }),
    print: clockLine,
  },
  {
    noun: 'clock',
    verb: 'freeze',
    args: '[AT]',
    summary: 'Stop the clock (at an ISO 8601 time if given).',
    positionals: [{ name: 'AT', optional: true }],
    request: (p) => ({ method: 'POST', path: '/_localvpc/clock/freeze', body: p.positionals[0] ? { at: p.positionals[0] } : {} }),
    print: clockLine,
  },
  {
    noun: 'clock',
    verb: 'resume',
    args: '',
    summary: 'Let a frozen clock run again.',
    request: () => ({ method: 'POST', path: '/_localvpc/clock/resume', body: {} }),
    print: clockLine,
  },
  {
    noun: 'clock',
    verb: 'advance',
    args: 'DURATION',
    summary: 'Move the clock forward ("90s", "5m", "1h"); due transitions complete.',
    positionals: [{ name: 'DURATION' }],
    request: (p) => {
      const duration = need(p, 0, 'DURATION');
      if (parseDuration(duration) === undefined)
        throw new UsageError(`DURATION is a number and a unit (ms, s, m, h, d), as in 90s, 5m or 1h30m; got "${duration}"`);
      return { method: 'POST', path: '/_localvpc/clock/advance', body: { duration } };
    },
    print: clockLine,
  },
  {
    noun: 'clock',
    verb: 'speed',
    args: 'FACTOR',
    summary: 'Run the clock at a speed factor.',
    positionals: [{ name: 'FACTOR', kind: 'number' }],
    request: (p) => ({ method: 'POST', path: '/_localvpc/clock/speed', body: { factor: Number(need(p, 0, 'FACTOR')) } }),
    print: clockLine,
  },

  {
    noun: 'clock',
    verb: 'reset',
    args: '',
    summary: 'Back to the system clock: no offset, speed 1, running.',
    request: () => ({ method: 'POST', path: '/_localvpc/clock/reset', body: {} }),
    print: clockLine,
  },

  {
    noun: 'transition',
    verb: 'show',
    args: '',
    summary: 'The profile and the resources in transitional states.',
    request: () => ({ method: 'GET', path: '/_localvpc/transitions' }),
    print: transitionsText,
  },
  {
    noun: 'transition',
    verb: 'profile',
    args: 'instant|fast|realistic|manual [--fast-delay MS]',
    summary: 'Set the transition profile.',
    positionals: [{ name: 'profile', choices: PROFILES }],
    flags: { 'fast-delay': int },
    request: (p) => ({
      method: 'PUT',
      path: '/_localvpc/transitions/profile',
      body: { profile: need(p, 0, 'profile'), ...(num(p, 'fast-delay') !== undefined ? { fastDelayMs: num(p, 'fast-delay') } : {}) },
    }),
    print: transitionsText,
  },
  ...(['hold', 'release', 'step'] as const).map((verb): Command => ({
    noun: 'transition',
    verb,
    args: 'RESOURCE_ID',
    summary: {
      hold: 'Hold a resource in its transitional state.',
      release: 'Let a held transition go on.',
      step: 'Complete a transition now.',
    }[verb],
    positionals: [{ name: 'RESOURCE_ID' }],
    request: (p) => ({ method: 'POST', path: `/_localvpc/transitions/${enc(need(p, 0, 'RESOURCE_ID'))}/${verb}`, body: {} }),
    hints: { NotInTransition: 'localvpc transition show lists the resources in transitional states' },
    print: (r, p) => {
      const id = need(p, 0, 'RESOURCE_ID');
      const done =
        verb === 'step'
          ? arr(obj(r).stepped).map((x) => `stepped ${show(x.id)}: ${show(x.from)} -> ${show(x.to)} (${show(x.kind)})`)
          : [`${verb === 'hold' ? 'held' : 'released'} ${id}`];
      return `${done.join('\n')}\n${transitionsText(r)}`;
    },
  })),

  {
    noun: 'fault',
    verb: 'add',
    args: '[--action A] [--account UID] [--region R] [--resource ID] [--nth N] [--probability P] [--seed S] [--count C] (--error CODE [--message M] [--status S] | --latency MS | --transition stuck|fail-self|fail-peer)',
    summary: 'Add a fault rule.',
    flags: {
      action,
      account: text,
      region,
      resource: text,
      nth: int,
      probability: { kind: 'number' },
      seed: int,
      count: int,
      error: text,
      message: text,
      status: int,
      latency: int,
      transition: { kind: 'text', choices: FAULT_TRANSITIONS },
    },
    request: (p) => {
      if (!p.flags.has('error') && !p.flags.has('latency') && !p.flags.has('transition'))
        throw new UsageError('a fault needs an effect: --error CODE, --latency MS or --transition stuck|fail-self|fail-peer');
      for (const f of ['message', 'status']) if (p.flags.has(f) && !p.flags.has('error')) throw new UsageError(`--${f} goes with --error`);
      if (p.flags.has('seed') && !p.flags.has('probability')) throw new UsageError('--seed goes with --probability');
      const effect: Json = {};
      const code = str(p, 'error');
      if (code)
        effect.error = {
          code,
          ...(str(p, 'message') ? { message: str(p, 'message') } : {}),
          ...(num(p, 'status') !== undefined ? { status: num(p, 'status') } : {}),
        };
      if (num(p, 'latency') !== undefined) effect.latencyMs = num(p, 'latency');
      if (str(p, 'transition')) effect.transition = str(p, 'transition');
      const body: Json = { effect };
      for (const [flag, key] of [
        ['action', 'action'],
        ['account', 'accountId'],
        ['region', 'regionId'],
        ['resource', 'resourceId'],
      ] as const)
        if (str(p, flag)) body[key] = str(p, flag);
      for (const [flag, key] of [
        ['nth', 'nth'],
        ['probability', 'probability'],
        ['seed', 'seed'],
        ['count', 'count'],
      ] as const)
        if (num(p, flag) !== undefined) body[key] = num(p, flag);
      return { method: 'POST', path: '/_localvpc/faults', body };
    },
    print: (r) => `added ${show(obj(r).id)}`,
  },
  {
    noun: 'fault',
    verb: 'list',
    args: '',
    summary: 'List fault rules.',
    request: () => ({ method: 'GET', path: '/_localvpc/faults' }),
    print: (r) => {
      const list = arr(obj(r).faults);
      return list.length === 0
        ? 'no fault rules'
        : table([
            ['ID', 'ACTION', 'ACCOUNT', 'REGION', 'RESOURCE', 'NTH', 'PROBABILITY', 'SEED', 'COUNT', 'EFFECT', 'MATCHED', 'FIRED'],
            ...list.map((f) => [
              show(f.id),
              show(f.action ?? '*'),
              show(f.accountId ?? '*'),
              show(f.regionId ?? '*'),
              show(f.resourceId ?? '*'),
              show(f.nth ?? '-'),
              show(f.probability ?? '-'),
              show(f.seed ?? '-'),
              show(f.count ?? '∞'),
              effectText(f.effect),
              show(f.matched),
              show(f.fired),
            ]),
          ]);
    },
  },
  {
    noun: 'fault',
    verb: 'remove',
    args: 'ID',
    summary: 'Remove one fault rule.',
    positionals: [{ name: 'ID' }],
    request: (p) => ({ method: 'DELETE', path: `/_localvpc/faults/${enc(need(p, 0, 'ID'))}` }),
  },
  {
    noun: 'fault',
    verb: 'clear',
    args: '',
    summary: 'Remove every fault rule.',
    request: () => ({ method: 'DELETE', path: '/_localvpc/faults' }),
    print: () => 'no fault rules',
  },

  {
    noun: 'snapshot',
    verb: 'list',
    args: '',
    summary: 'List saved snapshots.',
    request: () => ({ method: 'GET', path: '/_localvpc/snapshots' }),
    print: (r) =>
      table([['NAME', 'CREATED', 'BYTES'], ...arr(obj(r).snapshots).map((s) => [show(s.name), show(s.createdAt), show(s.bytes)])]),
  },
  {
    noun: 'snapshot',
    verb: 'save',
    args: 'NAME [--force]',
    summary: 'Save the current state under a name (--force: replace a snapshot of that name).',
    positionals: [{ name: 'NAME' }],
    flags: { force: flag },
    request: (p) => ({
      method: 'POST',
      path: '/_localvpc/snapshots',
      body: { name: need(p, 0, 'NAME'), ...(bool(p, 'force') ? { force: true } : {}) },
    }),
    hints: { SnapshotExists: 'add --force to replace it' },
    print: (r) => `saved ${show(obj(r).name)}`,
  },
  {
    noun: 'snapshot',
    verb: 'restore',
    args: 'NAME',
    summary: 'Restore a saved snapshot.',
    positionals: [{ name: 'NAME' }],
    request: (p) => ({ method: 'POST', path: `/_localvpc/snapshots/${enc(need(p, 0, 'NAME'))}/restore`, body: {} }),
    print: (r) => `restored ${show(obj(r).restored)}`,
  },
  {
    noun: 'snapshot',
    verb: 'delete',
    args: 'NAME',
    summary: 'Delete a saved snapshot.',
    positionals: [{ name: 'NAME' }],
    request: (p) => ({ method: 'DELETE', path: `/_localvpc/snapshots/${enc(need(p, 0, 'NAME'))}` }),
  },
  {
    noun: 'snapshot',
    verb: 'export',
    args: '[FILE]',
    summary: 'Export the whole state, streamed (NDJSON, format version 3), to FILE or standard output.',
    positionals: [{ name: 'FILE', optional: true }],
    request: (p) => ({ method: 'GET', path: '/_localvpc/snapshots/export', download: p.positionals[0] ?? '-' }),
    print: (r, p) => (p.positionals[0] ? `exported ${show(r)} bytes to ${p.positionals[0]}` : ''),
  },
  {
    noun: 'snapshot',
    verb: 'import',
    args: 'FILE',
    summary: 'Replace the whole state with an export (streamed; any format version, an older schema migrated).',
    positionals: [{ name: 'FILE' }],
    request: (p) => {
      const file = need(p, 0, 'FILE');
      if (!existsSync(file)) throw new UsageError(`cannot read ${file}: no such file`);
      return { method: 'POST', path: '/_localvpc/snapshots/import', upload: file };
    },
    print: (r) => `imported ${JSON.stringify(obj(r).imported)}`,
  },

  {
    noun: 'reset',
    verb: '',
    args: '[--drop-accounts]',
    summary: 'Reset to empty, keeping accounts unless --drop-accounts.',
    flags: { 'drop-accounts': flag },
    request: (p) => ({ method: 'POST', path: '/_localvpc/reset', body: { keepAccounts: !bool(p, 'drop-accounts') } }),
    print: () => 'reset',
  },
  {
    noun: 'journal',
    verb: '',
    args: '[--type ApiCall|Transition|Fault|Admin] [--action A] [--account UID] [--region R] [--resource ID] [--code C] [--after ID] [--tail N] [--follow] [--limit N] [--offset N]',
    summary: 'Journal events, newest first (the last 20, or --tail N); --follow: then each new event as it happens.',
    flags: {
      type: { kind: 'text', choices: JOURNAL_TYPES },
      // A Transition event is named kind:from->to; an Admin event by its change; every other event by its action.
      action: { ...action, choices: () => [...actionNames(), ...ADMIN_EVENTS], pattern: /:.*->/ },
      account: text,
      region,
      resource: text,
      code: text,
      after: int,
      tail: int,
      follow: flag,
      limit: int,
      offset: int,
    },
    request: (p) => ({ method: 'GET', path: `/_localvpc/journal?${journalQuery(p, bool(p, 'follow') === true)}` }),
    answer: (r, p) => (bool(p, 'follow') ? r : { ...obj(r), events: arr(obj(r).events).reverse() }),
    print: (r, p) => {
      const j = obj(r);
      const events = arr(j.events);
      if (bool(p, 'follow')) return events.map(journalLine).join('\n');
      return (
        table([
          ['ID', 'TIME', 'TYPE', 'NAME', 'ACCOUNT', 'REGION', 'RESOURCE', 'CODE'],
          ...events.map((e) => [
            show(e.eventId),
            show(e.eventTime),
            show(e.eventType),
            show(e.eventName),
            show(obj(e.userIdentity).accountId),
            show(e.acsRegion),
            show(e.resourceName),
            journalCode(e),
          ]),
        ]) + `\n(${events.length} of ${show(j.total)}, newest first)`
      );
    },
    run: (p, ctx) => (bool(p, 'follow') ? followJournal(p, ctx) : Promise.resolve(undefined)),
  },
  ...INSPECT_COMMANDS,
];
