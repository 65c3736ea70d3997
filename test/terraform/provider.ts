// A small model of terraform-provider-alicloud 1.289.0: the provider (its clients, retries and
// waits) and, in resources.ts, the create / read / update / delete sequences of each resource, as
// /work/notes/terraform-replay.md §3-§5 describe them. Waits poll every `pollMs` instead of 3-10 s
// and give up after `timeoutMs` instead of minutes; nothing else is shortened.
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  notFoundError,
  ProviderCrash,
  sdkParams,
  sdkRpcPost,
  teaRpcPost,
  type CallRecord,
  type Json,
  type WireKey,
  type WireTarget,
} from './wire.js';

/** What a replay collects across its providers: every call, every wait, every mismatch found. */
export class Ledger {
  readonly calls: (CallRecord & { provider: string })[] = [];
  /** Mismatches that would mislead the provider without stopping it (wrong types, drift, missing fields). */
  readonly problems: string[] = [];
  readonly waits: WaitRecord[] = [];
  constructor(
    /** How often a wait polls (the provider: after Delay, then 3 s, 6 s, then every 10 s). */
    readonly pollMs = 20,
    /** How long a wait or a retry loop lasts (the provider: the resource's 5-10 min timeouts). */
    readonly timeoutMs = 5000,
  ) {}

  /** Records a mismatch once (the same one found again by a later Read is not repeated). */
  problem(where: string, what: string): void {
    const line = `${where}: ${what}`;
    if (!this.problems.includes(line)) this.problems.push(line);
  }

  /** Records a new wait, and gives how to note each state it sees (consecutive repeats folded). */
  wait(what: string, target: string[]): { rec: WaitRecord; note: (state: string) => void } {
    const rec: WaitRecord = { what, target, seen: [], ok: false };
    this.waits.push(rec);
    const note = (state: string) => {
      if (rec.seen[rec.seen.length - 1] !== state) rec.seen.push(state);
    };
    return { rec, note };
  }
}

export interface WaitRecord {
  what: string;
  target: string[];
  /** The states the refresh returned, consecutive duplicates folded (`<gone>` for not found). */
  seen: string[];
  ok: boolean;
}

export interface ProviderOptions {
  /** `endpoints { vpc = "127.0.0.1:port", ecs = ..., sts = ... }`: one LocalVPC serves all three. */
  endpoint: string;
  key: WireKey;
  /** `region`: the RegionId of every call, and the only region the old SDK's endpoint mapping knows. */
  region: string;
  /** `account_id`; without it `client.AccountId()` calls STS GetCallerIdentity. */
  accountId?: string;
  /** The provider alias (`provider = alicloud.sh`), for logs. */
  alias?: string;
}

/** The refresh function of a state wait: the object (null = the literal nil of "not found") and its state. */
export interface Refresh {
  obj: unknown;
  state: string;
}

export class WaitTimeout extends Error {
  constructor(what: string, target: string[], last: string) {
    super(`${what}: timeout while waiting for state to become '${target.join(', ')}' (last state: '${last}')`);
    this.name = 'WaitTimeout';
  }
}

export class Provider {
  readonly name: string;
  private account?: string;

  constructor(
    readonly opts: ProviderOptions,
    readonly ledger: Ledger,
  ) {
    this.name = opts.alias ? `alicloud.${opts.alias}` : 'alicloud';
    this.account = opts.accountId;
  }

  get region(): string {
    return this.opts.region;
  }

  private get target(): WireTarget {
    return { endpoint: this.opts.endpoint, key: this.opts.key };
  }

  private readonly log = (rec: CallRecord): void => {
    this.ledger.calls.push({ ...rec, provider: this.name });
  };

  /** `client.RpcPost("Vpc", "2016-04-28", action, query, body, autoRetry)`. */
  rpc(action: string, body: Record<string, unknown>, opts: { query?: Record<string, unknown>; autoRetry?: boolean } = {}): Promise<Json> {
    return teaRpcPost(
      this.target,
      { version: '2016-04-28', action, query: opts.query ?? {}, body, autoRetry: opts.autoRetry ?? true },
      this.log,
    );
  }

  /**
   * An old-SDK Vpc request through `client.WithVpcClient`. Its endpoint is mapped for the provider's
   * region only (`AddEndpointMapping(RegionId, "vpc", endpoint)`): a request for another region
   * would go to the real `vpc.<region>.aliyuncs.com`.
   */
  sdk(action: string, params: Record<string, string | number | boolean | undefined>, regionId = this.region): Promise<Json> {
    if (regionId !== this.region) {
      throw new ProviderCrash(
        `${action} with RegionId=${regionId} from a provider of region ${this.region} would go to the real endpoint vpc.${regionId}.aliyuncs.com`,
      );
    }
    return this.oldSdk('2016-04-28', action, sdkParams({ RegionId: regionId, ...params }));
  }

  /** An ECS (2014-05-26) old-SDK request through `client.WithEcsClient` (`endpoints { ecs = ... }`). */
  ecs(action: string, params: Record<string, string | number | boolean | undefined>): Promise<Json> {
    return this.oldSdk('2014-05-26', action, sdkParams({ RegionId: this.region, ...params }));
  }

  /** An old-SDK request of API `version`, from a client made for the provider's region. */
  private oldSdk(version: string, action: string, params: Record<string, string>): Promise<Json> {
    return sdkRpcPost(this.target, { version, action, params, clientRegion: this.region }, this.log);
  }

  /** `client.AccountId()`: the `account_id` setting, else old-SDK STS GetCallerIdentity (`endpoints { sts = ... }`). */
  async accountId(): Promise<string> {
    if (this.account) return this.account;
    const r = await this.oldSdk('2015-04-01', 'GetCallerIdentity', { RegionId: this.region });
    if (typeof r.AccountId !== 'string')
      this.ledger.problem(`${this.name} GetCallerIdentity`, `AccountId is ${JSON.stringify(r.AccountId)}, not a string`);
    this.account = String(r.AccountId);
    return this.account;
  }

  /** `buildClientToken(action)`: `TF-<action>-<unix>-<uuid>`, at most 64 characters. */
  clientToken(action: string): string {
    return `TF-${action}-${Math.floor(Date.now() / 1000)}-${randomUUID()}`.slice(0, 64);
  }

  /**
   * `resource.Retry(timeout, fn)` with `incrementalWait`: `fn` again while `retryable(err)` holds and
   * the time is not up; the last error otherwise.
   */
  async retry<T>(fn: () => Promise<T>, retryable: (e: unknown) => boolean, timeoutMs = this.ledger.timeoutMs): Promise<T> {
    const until = Date.now() + timeoutMs;
    for (;;) {
      try {
        return await fn();
      } catch (e) {
        if (!retryable(e) || Date.now() > until) throw e;
        await sleep(this.ledger.pollMs);
      }
    }
  }

  /**
   * `BuildStateConf([]string{}, target, timeout, delay, refresh).WaitForState()`: pending is empty
   * everywhere, so any state that is not a target keeps polling. A refresh error aborts. A nil object
   * means "gone": done at once when target is empty, an error after 20 in a row otherwise.
   */
  async waitFor(what: string, target: string[], refresh: () => Promise<Refresh>, timeoutMs = this.ledger.timeoutMs): Promise<void> {
    const { rec, note } = this.ledger.wait(what, target);
    const until = Date.now() + timeoutMs;
    let notFound = 0;
    await sleep(this.ledger.pollMs); // Delay
    for (;;) {
      const r = await refresh();
      if (r.obj === null || r.obj === undefined) {
        note('<gone>');
        if (target.length === 0) {
          rec.ok = true;
          return;
        }
        if (++notFound > 20)
          throw new ProviderCrash(`${what}: the resource was not found 21 times in a row while waiting for ${target.join(', ')}`);
      } else {
        notFound = 0;
        note(r.state);
        if (target.includes(r.state)) {
          rec.ok = true;
          return;
        }
      }
      if (Date.now() > until) throw new WaitTimeout(what, target, rec.seen[rec.seen.length - 1] ?? '');
      await sleep(this.ledger.pollMs);
    }
  }

  /**
   * The legacy `VpcService.WaitFor*` loops: Describe, compare Status, sleep. For `Deleted`, not
   * found is success; for any other status not found keeps polling.
   */
  async legacyWait(
    what: string,
    status: string,
    describe: () => Promise<{ Status: string }>,
    timeoutMs = this.ledger.timeoutMs,
  ): Promise<void> {
    const { rec, note } = this.ledger.wait(what, [status]);
    const until = Date.now() + timeoutMs;
    for (;;) {
      let s: string;
      try {
        s = (await describe()).Status;
      } catch (e) {
        if (!notFoundError(e)) throw e;
        if (status === 'Deleted') {
          rec.seen.push('<gone>');
          rec.ok = true;
          return;
        }
        s = '<gone>';
      }
      note(s);
      if (s === status) {
        rec.ok = true;
        return;
      }
      if (Date.now() > until) throw new WaitTimeout(what, [status], s);
      await sleep(this.ledger.pollMs);
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Reading answers with the types the provider asserts

/**
 * - `string`, `bool`, `int`: the JSON type `d.Set` needs (json.Number for int);
 * - `formatInt`: number or numeric string (`""` is 0); anything else panics;
 * - `boolish`: `formatBool`: bool or a ParseBool string; a number panics;
 * - `strnum`: a TypeString field that also takes a json.Number;
 * - `strings` / `objects`: a list of strings / of maps (an element that is not a map panics);
 * - `tags`: `tagsToMap`: a list of {Key, Value}; a Key that is not a string panics;
 * - `loose*`: an old-SDK struct field (fuzzy decoding: numbers and strings convert).
 */
export type FieldType =
  | 'string'
  | 'bool'
  | 'int'
  | 'formatInt'
  | 'boolish'
  | 'strnum'
  | 'strings'
  | 'objects'
  | 'object'
  | 'tags'
  | 'loose'
  | 'looseInt'
  | 'looseBool';

export interface Field {
  /** Dotted path in the answer (`Tags.Tag`). */
  path: string;
  type: FieldType;
  /** Read by the provider but not in Alibaba's documented answer: checked only when present. */
  optional?: boolean;
}

export function at(obj: unknown, path: string): unknown {
  let v: unknown = obj;
  for (const p of path.split('.')) {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return undefined;
    v = (v as Record<string, unknown>)[p];
  }
  return v;
}

const PARSE_BOOL = ['1', 't', 'T', 'TRUE', 'true', 'True', '0', 'f', 'F', 'FALSE', 'false', 'False'];

/** Why `v` does not fit `t`: undefined when it fits, `{crash}` when the provider would panic. */
function misfit(t: FieldType, v: unknown): { why: string; crash?: boolean } | undefined {
  const show = JSON.stringify(v)?.slice(0, 80);
  switch (t) {
    case 'string':
      return typeof v === 'string' ? undefined : { why: `should be a string, got ${show}` };
    case 'bool':
      return typeof v === 'boolean' ? undefined : { why: `should be a boolean, got ${show}` };
    case 'int':
      return typeof v === 'number' && Number.isInteger(v) ? undefined : { why: `should be an integer, got ${show}` };
    case 'formatInt':
      if ((typeof v === 'number' && Number.isInteger(v)) || (typeof v === 'string' && /^(-?\d+)?$/.test(v))) return undefined;
      return { why: `formatInt panics on ${show}`, crash: true };
    case 'boolish':
      if (typeof v === 'boolean' || (typeof v === 'string' && (v === '' || PARSE_BOOL.includes(v)))) return undefined;
      return { why: `formatBool panics on ${show}`, crash: true };
    case 'strnum':
      return typeof v === 'string' || typeof v === 'number' ? undefined : { why: `should be a string or a number, got ${show}` };
    case 'strings':
      return Array.isArray(v) && v.every((x) => typeof x === 'string') ? undefined : { why: `should be a list of strings, got ${show}` };
    case 'objects':
      if (!Array.isArray(v)) return { why: `should be a list, got ${show}` };
      return v.every((x) => typeof x === 'object' && x !== null && !Array.isArray(x))
        ? undefined
        : { why: `has an element that is not an object (the map assertion panics): ${show}`, crash: true };
    case 'object':
      return typeof v === 'object' && v !== null && !Array.isArray(v) ? undefined : { why: `should be an object, got ${show}` };
    case 'tags': {
      if (!Array.isArray(v)) return { why: `should be a list of tags, got ${show}` };
      for (const x of v) {
        if (typeof x !== 'object' || x === null) return { why: `tag ${JSON.stringify(x)} is not an object (panics)`, crash: true };
        const tag = x as Record<string, unknown>;
        if (typeof tag.Key !== 'string')
          return { why: `tag Key ${JSON.stringify(tag.Key)} is not a string (tagsToMap panics)`, crash: true };
        if (typeof tag.Value !== 'string') return { why: `tag ${tag.Key}'s Value ${JSON.stringify(tag.Value)} is not a string` };
      }
      return undefined;
    }
    case 'loose':
      return typeof v === 'string' || typeof v === 'number' ? undefined : { why: `should be a string, got ${show}` };
    case 'looseInt':
      return (typeof v === 'number' && Number.isInteger(v)) || (typeof v === 'string' && /^-?\d+$/.test(v))
        ? undefined
        : { why: `should be an integer, got ${show}` };
    case 'looseBool':
      return typeof v === 'boolean' || v === 'true' || v === 'false' ? undefined : { why: `should be a boolean, got ${show}` };
  }
}

/**
 * Checks every field a Read takes from `obj`. A missing field, or one of the wrong type, is a
 * problem (the provider would store a wrong value, or nothing); one that makes the provider panic
 * throws.
 */
export function checkFields(ledger: Ledger, where: string, obj: unknown, fields: readonly Field[]): void {
  for (const f of fields) {
    const v = at(obj, f.path);
    if (v === undefined || v === null) {
      if (!f.optional) ledger.problem(where, `${f.path} is missing (${f.type})`);
      continue;
    }
    const m = misfit(f.type, v);
    if (!m) continue;
    if (m.crash) throw new ProviderCrash(`${where}: ${f.path} ${m.why}`);
    ledger.problem(where, `${f.path} ${m.why}`);
  }
}

/** `fmt.Sprint(v)`, as the provider compares ids and states. */
export function sprint(v: unknown): string {
  if (v === undefined || v === null) return '<nil>';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') return v.toString();
  return JSON.stringify(v) ?? '';
}

/** `tagsToMap`: the tags of an answer as a map, leaving out the system tags (`aliyun*`, `acs:*`, ...). */
export function tagsToMap(list: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!Array.isArray(list)) return out;
  for (const t of list as { Key?: unknown; TagKey?: unknown; Value?: unknown; TagValue?: unknown }[]) {
    const key = String(t.TagKey ?? t.Key);
    if (ignoredTag(key)) continue;
    out[key] = sprint(t.TagValue ?? t.Value);
  }
  return out;
}

/** `ignoredTags`: keys the provider never manages. */
export function ignoredTag(key: string): boolean {
  return /^aliyun/.test(key) || /^acs:/.test(key) || /^http:\/\//.test(key) || /^https:\/\//.test(key);
}

/** `parsingTags(d)`: keys to remove (missing or changed), and the whole new map to add. */
export function parsingTags(
  oldTags: Record<string, string> | undefined,
  newTags: Record<string, string> | undefined,
): { added: Record<string, string>; removed: string[] } {
  const o = oldTags ?? {};
  const n = newTags ?? {};
  return { added: n, removed: Object.keys(o).filter((k) => !(k in n) || n[k] !== o[k]) };
}

/** The tags as `Tag.N.Key` / `Tag.N.Value` (expandTagsToMap; N from 1, in map order). */
export function tagParams(tags: Record<string, string> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  Object.entries(tags ?? {}).forEach(([k, v], i) => {
    out[`Tag.${i + 1}.Key`] = k;
    out[`Tag.${i + 1}.Value`] = v;
  });
  return out;
}

/** A JSON list at `path` that the provider's jsonpath requires (`$.X.Y[*]`): missing is a hard error. */
export function requiredList(where: string, obj: Json, path: string): unknown[] {
  const v = at(obj, path);
  if (!Array.isArray(v))
    throw new ProviderCrash(`${where}: $.${path}[*] is ${JSON.stringify(v)} (the provider fails: FailedGetAttributeMsg)`);
  return v;
}
