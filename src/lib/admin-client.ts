// A typed client of the admin API (/_localvpc/...), for test suites and scripts: accounts, clock,
// transitions, faults, snapshots, journal, resources, reset. It speaks HTTP to any LocalVPC, the one
// startLocalVpc() started in this process or one started elsewhere (`localvpc serve`, `exec`).
// A refusal throws AdminApiError with the API's code (AccountNotFound, NotInTransition, ...).
// Known gap: snapshot export and import (streamed NDJSON) are not wrapped; use fetch or the CLI.

export class AdminApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(`${code}: ${message}`);
    this.name = 'AdminApiError';
  }
}

export type Site = 'china' | 'international';
export type Profile = 'instant' | 'fast' | 'realistic' | 'manual';

export interface AccountView {
  aliUid: string;
  name: string;
  site: Site;
  status: 'Active' | 'Disabled';
  billsOutstanding: boolean;
  financialLocked: boolean;
  createdAt: string;
  accessKeys: { accessKeyId: string; status: 'Active' | 'Inactive'; createdAt: string }[];
}

export interface NewAccount {
  aliUid?: string;
  name?: string;
  site?: Site;
  billsOutstanding?: boolean;
  financialLocked?: boolean;
  accessKeyId?: string;
  accessKeySecret?: string;
}

export interface AccessKeyPair {
  accessKeyId: string;
  accessKeySecret: string;
}

export interface ClockView {
  now: number;
  iso: string;
  frozen: boolean;
  speed: number;
  offsetMs: number;
}

export interface PendingTransition {
  kind: string;
  id: string;
  status: string;
  pendingStatus: string;
  dueAt: number | null;
  held: boolean;
}

export interface TransitionsView {
  profile: Profile;
  fastDelayMs: number;
  profiles: Profile[];
  realisticDelaysMs: Record<string, number>;
  pending: PendingTransition[];
}

export interface FaultEffect {
  error?: { code: string; message?: string; status?: number };
  latencyMs?: number;
  transition?: 'stuck' | 'fail-self' | 'fail-peer';
}

export interface FaultSpec {
  action?: string;
  accountId?: string;
  regionId?: string;
  resourceId?: string;
  nth?: number;
  probability?: number;
  seed?: number;
  count?: number;
  effect: FaultEffect;
}

export interface FaultRule extends FaultSpec {
  id: string;
  matched: number;
  fired: number;
  createdAt: string;
}

export interface JournalEvent {
  eventId: number;
  eventTime: string;
  eventType: 'ApiCall' | 'Transition' | 'Fault' | 'Admin';
  eventName: string;
  eventSource?: 'api' | 'seed' | 'admin' | 'console';
  requestId: string;
  acsRegion: string;
  userIdentity: { accountId: string };
  resourceName: string;
  errorCode: string;
  errorMessage: string;
  from?: string;
  to?: string;
}

export interface JournalFilter {
  eventType?: JournalEvent['eventType'];
  eventName?: string;
  accountId?: string;
  acsRegion?: string;
  resourceName?: string;
  errorCode?: string;
  after?: number;
  limit?: number;
  offset?: number;
  /** The newest N events (instead of limit and offset). */
  tail?: number;
}

export type ResourceType = 'vpc' | 'vswitch' | 'route_table' | 'route_entry' | 'router_interface' | 'vbr' | 'physical_connection';

export interface ResourceFilter {
  type?: ResourceType;
  account?: string;
  region?: string;
  status?: string;
  limit?: number;
  offset?: number;
}

/** A stored resource: its type, id, owner and region, and every other column of its row. */
export interface Resource {
  type: ResourceType;
  id: string;
  accountId: string;
  regionId?: string;
  status?: string;
  [column: string]: unknown;
}

type Query = Record<string, string | number | boolean | undefined>;

export class AdminClient {
  /** `endpoint`: the server's URL (`http://127.0.0.1:8080`); `token`: its admin token. */
  constructor(
    readonly endpoint: string,
    private readonly token: string,
  ) {}

  /** Any admin route: JSON in and out; a 4xx/5xx throws AdminApiError. */
  async request<T>(method: string, path: string, body?: unknown, query: Query = {}): Promise<T> {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(query)) if (v !== undefined) q.set(k, String(v));
    const url = `${this.endpoint.replace(/\/+$/, '')}${path}${q.size ? `?${q}` : ''}`;
    const res = await fetch(url, {
      method,
      headers: { authorization: `Bearer ${this.token}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    let parsed: unknown;
    try {
      parsed = text === '' ? {} : JSON.parse(text);
    } catch {
      throw new AdminApiError(res.status, 'InvalidResponse', text.slice(0, 200));
    }
    if (!res.ok) {
      const err = (parsed as { error?: { code?: string; message?: string } }).error;
      throw new AdminApiError(res.status, err?.code ?? `HTTP${res.status}`, err?.message ?? text.slice(0, 200));
    }
    return parsed as T;
  }

  private enc = encodeURIComponent;

  readonly accounts = {
    list: async (): Promise<AccountView[]> => (await this.request<{ accounts: AccountView[] }>('GET', '/_localvpc/accounts')).accounts,
    get: (aliUid: string): Promise<AccountView> => this.request('GET', `/_localvpc/accounts/${this.enc(aliUid)}`),
    /** Creates an account with one AccessKey pair; the secret is shown only in this answer. */
    create: (a: NewAccount = {}): Promise<AccountView & { accessKey: AccessKeyPair }> => this.request('POST', '/_localvpc/accounts', a),
    update: (
      aliUid: string,
      change: Partial<Pick<AccountView, 'name' | 'site' | 'status' | 'billsOutstanding' | 'financialLocked'>>,
    ): Promise<AccountView> => this.request('PATCH', `/_localvpc/accounts/${this.enc(aliUid)}`, change),
    /** `force`: also delete every resource the account owns. */
    delete: (aliUid: string, opts: { force?: boolean } = {}): Promise<{ deleted: string; resources: number }> =>
      this.request('DELETE', `/_localvpc/accounts/${this.enc(aliUid)}`, undefined, { force: opts.force ? 'true' : undefined }),
    createKey: (aliUid: string, key: Partial<AccessKeyPair> = {}): Promise<AccessKeyPair & { status: string }> =>
      this.request('POST', `/_localvpc/accounts/${this.enc(aliUid)}/keys`, key),
    setKeyStatus: (aliUid: string, accessKeyId: string, status: 'Active' | 'Inactive'): Promise<{ accessKeyId: string; status: string }> =>
      this.request('PATCH', `/_localvpc/accounts/${this.enc(aliUid)}/keys/${this.enc(accessKeyId)}`, { status }),
    deleteKey: (aliUid: string, accessKeyId: string): Promise<{ deleted: string }> =>
      this.request('DELETE', `/_localvpc/accounts/${this.enc(aliUid)}/keys/${this.enc(accessKeyId)}`),
  };

  readonly clock = {
    get: (): Promise<ClockView> => this.request('GET', '/_localvpc/clock'),
    /** Stops the clock, at `at` (ISO 8601 or epoch ms) if given. */
    freeze: (at?: string | number): Promise<ClockView> => this.request('POST', '/_localvpc/clock/freeze', at === undefined ? {} : { at }),
    resume: (): Promise<ClockView> => this.request('POST', '/_localvpc/clock/resume', {}),
    /** Moves the clock forward ("90s", "5m", "1h", or ms); due transitions complete. */
    advance: (by: string | number): Promise<ClockView> =>
      this.request('POST', '/_localvpc/clock/advance', typeof by === 'number' ? { ms: by } : { duration: by }),
    speed: (factor: number): Promise<ClockView> => this.request('POST', '/_localvpc/clock/speed', { factor }),
    /** Back to the system clock: no offset, speed 1, running. */
    reset: (): Promise<ClockView> => this.request('POST', '/_localvpc/clock/reset', {}),
  };

  readonly transitions = {
    get: (): Promise<TransitionsView> => this.request('GET', '/_localvpc/transitions'),
    setProfile: (profile: Profile, fastDelayMs?: number): Promise<TransitionsView> =>
      this.request('PUT', '/_localvpc/transitions/profile', { profile, ...(fastDelayMs !== undefined ? { fastDelayMs } : {}) }),
    hold: (id: string): Promise<TransitionsView> => this.request('POST', `/_localvpc/transitions/${this.enc(id)}/hold`, {}),
    release: (id: string): Promise<TransitionsView> => this.request('POST', `/_localvpc/transitions/${this.enc(id)}/release`, {}),
    /** Completes the resource's transition now; `stepped` says what completed. */
    step: (id: string): Promise<TransitionsView & { stepped: { kind: string; id: string; from: string; to: string }[] }> =>
      this.request('POST', `/_localvpc/transitions/${this.enc(id)}/step`, {}),
  };

  readonly faults = {
    list: async (): Promise<FaultRule[]> => (await this.request<{ faults: FaultRule[] }>('GET', '/_localvpc/faults')).faults,
    add: (rule: FaultSpec): Promise<FaultRule> => this.request('POST', '/_localvpc/faults', rule),
    remove: (id: string): Promise<{ deleted: string }> => this.request('DELETE', `/_localvpc/faults/${this.enc(id)}`),
    clear: async (): Promise<void> => void (await this.request('DELETE', '/_localvpc/faults')),
  };

  readonly snapshots = {
    list: async (): Promise<{ name: string; createdAt: string; bytes: number }[]> =>
      (await this.request<{ snapshots: { name: string; createdAt: string; bytes: number }[] }>('GET', '/_localvpc/snapshots')).snapshots,
    /** Saves the state under a name; an existing one is replaced only with `force`. */
    save: (name: string, opts: { force?: boolean } = {}): Promise<{ name: string; bytes: number }> =>
      this.request('POST', '/_localvpc/snapshots', { name, ...(opts.force ? { force: true } : {}) }),
    restore: (name: string): Promise<{ restored: string }> => this.request('POST', `/_localvpc/snapshots/${this.enc(name)}/restore`, {}),
    delete: (name: string): Promise<{ deleted: string }> => this.request('DELETE', `/_localvpc/snapshots/${this.enc(name)}`),
  };

  readonly journal = {
    query: (filter: JournalFilter = {}): Promise<{ total: number; events: JournalEvent[] }> =>
      this.request('GET', '/_localvpc/journal', undefined, { ...filter }),
  };

  readonly resources = {
    list: (filter: ResourceFilter = {}): Promise<{ total: number; resources: Resource[] }> =>
      this.request('GET', '/_localvpc/resources', undefined, { ...filter }),
    get: (id: string, type?: ResourceType): Promise<Resource> =>
      this.request('GET', `/_localvpc/resources/${this.enc(id)}`, undefined, { type }),
  };

  /** Empties the state; accounts are kept unless `keepAccounts: false`. The journal is cleared. */
  reset(opts: { keepAccounts?: boolean } = {}): Promise<{ reset: boolean; keptAccounts: boolean }> {
    return this.request('POST', '/_localvpc/reset', { keepAccounts: opts.keepAccounts ?? true });
  }

  status(): Promise<Record<string, unknown>> {
    return this.request('GET', '/_localvpc/status');
  }
}
