// The console's other views: reachability, the journal, the controls of the admin API, health.
import { useEffect, useState } from 'preact/hooks';
import { api, call, token, type JournalEvent } from './api.js';
import type { Topology } from './model.js';

function useAsync<T>(load: () => Promise<T>, deps: unknown[]): [T | undefined, string | undefined, () => void] {
  const [v, setV] = useState<T>();
  const [err, setErr] = useState<string>();
  const [n, setN] = useState(0);
  useEffect(() => {
    load().then(
      (x) => (setV(x), setErr(undefined)),
      (e: Error) => setErr(e.message),
    );
  }, [...deps, n]);
  return [v, err, () => setN((x) => x + 1)];
}

/** A form field's current text. */
const val = (e: Event) => (e.currentTarget as HTMLInputElement).value;

interface Hop {
  step: number;
  leg: string;
  kind: string;
  result: string;
  detail: string;
}

export function Reachability({ t }: { t: Topology }) {
  const sources = [
    ...t.routers
      .filter((r) => r.kind === 'VRouter')
      .map((r) => ({ id: r.vpcId, label: `${r.vpcId} ${r.name} (${r.cidrBlock}, ${r.regionId})` })),
    ...t.vswitches.map((v) => ({ id: v.id, label: `${v.id} ${v.name} (${v.cidrBlock}, ${v.regionId})` })),
  ];
  const [source, setSource] = useState('');
  const [dest, setDest] = useState('');
  const [res, setRes] = useState<{ reachable: boolean; summary: string; hops: Hop[] } | string>();
  const ask = async (e: Event) => {
    e.preventDefault();
    setRes(undefined);
    try {
      setRes(await api('POST', '/_localvpc/reachability', { source: source || sources[0]?.id, destination: dest }));
    } catch (err) {
      setRes((err as Error).message);
    }
  };
  return (
    <section aria-label="Reachability" class="panel">
      <h2>Reachability</h2>
      <form onSubmit={(e) => void ask(e)} class="row">
        <label>
          From{' '}
          <select value={source} onChange={(e) => setSource(val(e))} name="source">
            {sources.map((s) => (
              <option key={s.id} value={s.id}>
                {s.label}
              </option>
            ))}
          </select>
        </label>
        <label>
          to address <input name="destination" value={dest} onInput={(e) => setDest(val(e))} placeholder="10.2.1.5" required />
        </label>
        <button type="submit">Walk the path</button>
      </form>
      {typeof res === 'string' && <p class="error">{res}</p>}
      {res && typeof res === 'object' && (
        <div data-testid="reach-result">
          <p class={res.reachable ? 'okmsg' : 'error'}>
            <strong>{res.reachable ? 'Reachable' : 'Not reachable'}</strong>: {res.summary}
          </p>
          <ol class="checks">
            {res.hops.map((h) => (
              <li key={h.step} class={`check ${h.result.replace(' ', '-')}`} data-result={h.result}>
                <span class="mark">
                  {h.result === 'passed' ? '✓' : h.result === 'failed' ? '✗' : '?'} {h.result}
                </span>{' '}
                {h.leg} · {h.kind}: {h.detail}
              </li>
            ))}
          </ol>
        </div>
      )}
    </section>
  );
}

const JOURNAL_FILTERS = ['eventType', 'eventName', 'accountId', 'resourceName', 'errorCode'] as const;

export function Journal({ live }: { live: JournalEvent[] }) {
  const [f, setF] = useState<Record<string, string>>({});
  const query = () => {
    const q = new URLSearchParams();
    for (const k of JOURNAL_FILTERS) if (f[k]) q.set(k, f[k]);
    return q;
  };
  const [page] = useAsync(async () => {
    const q = query();
    q.set('limit', '1');
    const { total } = await api<{ total: number }>('GET', `/_localvpc/journal?${q}`);
    q.set('limit', '200');
    q.set('offset', String(Math.max(0, total - 200)));
    return (await api<{ events: JournalEvent[] }>('GET', `/_localvpc/journal?${q}`)).events;
  }, [JSON.stringify(f)]);
  const matches = (e: JournalEvent) =>
    (!f.eventType || e.eventType === f.eventType) &&
    (!f.eventName || e.eventName === f.eventName) &&
    (!f.accountId || e.userIdentity.accountId === f.accountId) &&
    (!f.resourceName || e.resourceName === f.resourceName) &&
    (!f.errorCode || e.errorCode === f.errorCode);
  const last = page?.[page.length - 1]?.eventId ?? 0;
  const events = [...(page ?? []), ...live.filter((e) => e.eventId > last && matches(e))].reverse();
  return (
    <section aria-label="Journal" class="panel">
      <h2>Journal</h2>
      <form class="row" onSubmit={(e) => e.preventDefault()}>
        {JOURNAL_FILTERS.map((k) => (
          <label key={k}>
            {k}{' '}
            {k === 'eventType' ? (
              <select value={f[k] ?? ''} onChange={(e) => setF({ ...f, [k]: val(e) })}>
                <option value="">any</option>
                <option>ApiCall</option>
                <option>Transition</option>
                <option>Fault</option>
                <option>Admin</option>
              </select>
            ) : (
              <input value={f[k] ?? ''} onChange={(e) => setF({ ...f, [k]: val(e) })} size={14} />
            )}
          </label>
        ))}
      </form>
      <table class="journal" data-testid="journal">
        <thead>
          <tr>
            <th>#</th>
            <th>time</th>
            <th>type</th>
            <th>name</th>
            <th>by</th>
            <th>resource</th>
            <th>result</th>
          </tr>
        </thead>
        <tbody>
          {events.slice(0, 300).map((e) => (
            <tr key={e.eventId}>
              <td>{e.eventId}</td>
              <td>{e.eventTime.slice(11, 19)}</td>
              <td>{e.eventType}</td>
              <td>
                {e.eventType === 'Transition'
                  ? `${e.from ?? ''} → ${e.to ?? ''}`
                  : e.eventType === 'Admin'
                    ? `${e.eventName} ${e.errorMessage}`
                    : e.eventName}
              </td>
              <td>
                {e.userIdentity.accountId} {e.eventSource ? `(${e.eventSource})` : ''}
              </td>
              <td>{e.resourceName}</td>
              <td class={e.errorCode ? 'bad' : ''}>{e.errorCode || (e.eventType === 'ApiCall' ? 'OK' : '')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

interface Clock {
  iso: string;
  frozen: boolean;
  speed: number;
}
interface Transitions {
  profile: string;
  profiles: string[];
  fastDelayMs: number;
  pending: { kind: string; id: string; status: string; pendingStatus: string; held: boolean; dueAt: number }[];
}
interface Fault {
  id: string;
  action?: string;
  effect: { error?: { code: string } };
  fired: number;
}

function Answer({ msg }: { msg: string | undefined }) {
  return msg ? (
    <p role="status" class={msg.startsWith('✗') ? 'error' : 'okmsg'}>
      {msg}
    </p>
  ) : null;
}

export function Controls({ t, reload }: { t: Topology; reload: () => void }) {
  const [msg, setMsg] = useState<string>();
  const [clock, , reClock] = useAsync(() => api<Clock>('GET', '/_localvpc/clock'), []);
  const [tr, , reTr] = useAsync(() => api<Transitions>('GET', '/_localvpc/transitions'), [t]);
  const [faults, , reFaults] = useAsync(() => api<{ faults: Fault[] }>('GET', '/_localvpc/faults'), []);
  const [snaps, , reSnaps] = useAsync(() => api<{ snapshots: { name: string; createdAt: string }[] }>('GET', '/_localvpc/snapshots'), []);
  const [form, setForm] = useState<Record<string, string>>({
    advance: '5m',
    speed: '1',
    cidr: '10.0.0.0/16',
    role: 'InitiatingSide',
    spec: 'Mini.2',
  });
  const set = (k: string) => (e: Event) => setForm({ ...form, [k]: val(e) });
  const admin = async (what: string, method: string, path: string, body?: unknown) => {
    try {
      await api(method, path, body);
      setMsg(`✓ ${what}`);
    } catch (e) {
      setMsg(`✗ ${what}: ${(e as Error).message}`);
    }
    reClock();
    reTr();
    reFaults();
    reSnaps();
    reload();
  };
  const as = form.account || t.accounts[0]?.id || '';
  const act = async (action: string, params: Record<string, unknown>) => {
    try {
      const r = await call(as, action, params);
      setMsg(r.error ? `✗ ${action}: ${r.error.code}: ${r.error.message}` : `✓ ${action} as ${as}: ${JSON.stringify(r.result)}`);
    } catch (e) {
      setMsg(`✗ ${action}: ${(e as Error).message}`);
    }
    reload();
  };
  const regions = [...new Set(t.routers.map((r) => r.regionId).concat(['cn-hangzhou', 'cn-shanghai', 'cn-beijing']))].sort();
  const region = form.region || 'cn-hangzhou';
  const exportState = async () => {
    const res = await fetch('/_localvpc/snapshots/export', { headers: { authorization: `Bearer ${token() ?? ''}` } });
    const a = document.createElement('a');
    a.href = URL.createObjectURL(await res.blob());
    a.download = 'localvpc-state.ndjson';
    a.click();
    setMsg('✓ exported');
  };
  return (
    <section aria-label="Controls" class="panel controls">
      <h2>Controls</h2>
      <Answer msg={msg} />
      <fieldset>
        <legend>Clock</legend>
        <p data-testid="clock">{clock ? `${clock.iso}${clock.frozen ? ' (frozen)' : ''}, speed ${clock.speed}` : '…'}</p>
        <button type="button" onClick={() => void admin('clock frozen', 'POST', '/_localvpc/clock/freeze', {})}>
          Freeze
        </button>
        <button type="button" onClick={() => void admin('clock resumed', 'POST', '/_localvpc/clock/resume', {})}>
          Resume
        </button>
        <label>
          by <input value={form.advance} onInput={set('advance')} size={5} name="advance" />
        </label>
        <button type="button" onClick={() => void admin('clock advanced', 'POST', '/_localvpc/clock/advance', { duration: form.advance })}>
          Advance
        </button>
        <label>
          speed <input value={form.speed} onInput={set('speed')} size={4} name="speed" />
        </label>
        <button type="button" onClick={() => void admin('speed set', 'POST', '/_localvpc/clock/speed', { factor: Number(form.speed) })}>
          Set speed
        </button>
      </fieldset>
      <fieldset>
        <legend>Transitions</legend>
        <label>
          profile{' '}
          <select
            name="profile"
            value={tr?.profile}
            onChange={(e) => void admin('profile set', 'PUT', '/_localvpc/transitions/profile', { profile: val(e) })}
          >
            {(tr?.profiles ?? []).map((p) => (
              <option key={p}>{p}</option>
            ))}
          </select>
        </label>
        {tr?.pending.length ? (
          <table>
            <tbody>
              {tr.pending.map((p) => (
                <tr key={p.id} data-pending={p.id}>
                  <td>{p.id}</td>
                  <td>
                    {p.status} → {p.pendingStatus} {p.held ? '(held)' : ''}
                  </td>
                  <td>
                    {(['hold', 'release', 'step'] as const).map((v) => (
                      <button
                        type="button"
                        key={v}
                        onClick={() => void admin(`${v} ${p.id}`, 'POST', `/_localvpc/transitions/${p.id}/${v}`, {})}
                      >
                        {v[0]?.toUpperCase() + v.slice(1)}
                      </button>
                    ))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p>Nothing is in a transitional state.</p>
        )}
      </fieldset>
      <fieldset>
        <legend>Fault rules</legend>
        <ul>
          {(faults?.faults ?? []).map((f) => (
            <li key={f.id}>
              {f.id}: {f.action ?? 'any action'} → {f.effect.error?.code ?? JSON.stringify(f.effect)} (fired {f.fired}){' '}
              <button type="button" onClick={() => void admin(`removed ${f.id}`, 'DELETE', `/_localvpc/faults/${f.id}`)}>
                Remove
              </button>
            </li>
          ))}
        </ul>
        <label>
          action{' '}
          <input value={form.faultAction ?? ''} onInput={set('faultAction')} name="faultAction" placeholder="ConnectRouterInterface" />
        </label>
        <label>
          error code <input value={form.faultCode ?? ''} onInput={set('faultCode')} name="faultCode" placeholder="Throttling.User" />
        </label>
        <button
          type="button"
          onClick={() =>
            void admin('fault added', 'POST', '/_localvpc/faults', {
              ...(form.faultAction ? { action: form.faultAction } : {}),
              effect: { error: { code: form.faultCode || 'Throttling.User' } },
            })
          }
        >
          Add fault
        </button>
        <button type="button" onClick={() => void admin('faults cleared', 'DELETE', '/_localvpc/faults')}>
          Clear all
        </button>
      </fieldset>
      <fieldset>
        <legend>Snapshots</legend>
        <ul>
          {(snaps?.snapshots ?? []).map((s) => (
            <li key={s.name}>
              {s.name} ({s.createdAt}){' '}
              <button
                type="button"
                onClick={() => void admin(`restored ${s.name}`, 'POST', `/_localvpc/snapshots/${encodeURIComponent(s.name)}/restore`, {})}
              >
                Restore
              </button>
            </li>
          ))}
        </ul>
        <label>
          name <input value={form.snapshot ?? ''} onInput={set('snapshot')} name="snapshot" />
        </label>
        <button
          type="button"
          onClick={() => void admin(`saved ${form.snapshot ?? ''}`, 'POST', '/_localvpc/snapshots', { name: form.snapshot })}
        >
          Save
        </button>
        <button type="button" onClick={() => void exportState()}>
          Export
        </button>
      </fieldset>
      <fieldset>
        <legend>Accounts and billing</legend>
        <table>
          <tbody>
            {t.accounts.map((a) => (
              <tr key={a.id}>
                <td>
                  {a.id} {a.name}
                </td>
                {(['billsOutstanding', 'financialLocked'] as const).map((k) => (
                  <td key={k}>
                    <label>
                      <input
                        type="checkbox"
                        name={`${k}-${a.id}`}
                        checked={a[k]}
                        onChange={(e) =>
                          void admin(`${k} ${a.id}`, 'PATCH', `/_localvpc/accounts/${a.id}`, {
                            [k]: e.currentTarget.checked,
                          })
                        }
                      />{' '}
                      {k === 'billsOutstanding' ? 'bills outstanding' : 'financially locked'}
                    </label>
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </fieldset>
      <fieldset>
        <legend>Act as an account</legend>
        <label>
          account{' '}
          <select name="account" value={as} onChange={set('account')}>
            {t.accounts.map((a) => (
              <option key={a.id} value={a.id}>
                {a.id} {a.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          region{' '}
          <select name="region" value={region} onChange={set('region')}>
            {regions.map((r) => (
              <option key={r}>{r}</option>
            ))}
          </select>
        </label>
        <div class="row">
          <label>
            CIDR <input name="cidr" value={form.cidr} onInput={set('cidr')} size={14} />
          </label>
          <button type="button" onClick={() => void act('CreateVpc', { RegionId: region, CidrBlock: form.cidr })}>
            Create VPC
          </button>
        </div>
        <div class="row">
          <label>
            router{' '}
            <select name="router" value={form.router} onChange={set('router')}>
              <option value="">choose</option>
              {t.routers
                .filter((r) => r.accountId === as && r.regionId === region)
                .map((r) => (
                  <option key={r.id} value={r.id}>
                    {r.id} {r.name}
                  </option>
                ))}
            </select>
          </label>
          <label>
            role{' '}
            <select name="role" value={form.role} onChange={set('role')}>
              <option>InitiatingSide</option>
              <option>AcceptingSide</option>
            </select>
          </label>
          <label>
            opposite region{' '}
            <select name="oppositeRegion" value={form.oppositeRegion ?? region} onChange={set('oppositeRegion')}>
              {regions.map((r) => (
                <option key={r}>{r}</option>
              ))}
            </select>
          </label>
          <button
            type="button"
            onClick={() =>
              void act('CreateRouterInterface', {
                RegionId: region,
                RouterId: form.router,
                RouterType: form.router?.startsWith('vbr-') ? 'VBR' : 'VRouter',
                Role: form.role,
                Spec: form.role === 'AcceptingSide' ? 'Negative' : form.spec,
                OppositeRegionId: form.oppositeRegion ?? region,
              })
            }
          >
            Create router interface
          </button>
        </div>
        <div class="row">
          <label>
            pair initiator <input name="pairIni" value={form.pairIni ?? ''} onInput={set('pairIni')} placeholder="ri-…" />
          </label>
          <label>
            with acceptor <input name="pairAcc" value={form.pairAcc ?? ''} onInput={set('pairAcc')} placeholder="ri-…" />
          </label>
          <button type="button" onClick={() => void pair(t, form.pairIni ?? '', form.pairAcc ?? '', setMsg).then(reload)}>
            Point them at each other
          </button>
        </div>
      </fieldset>
    </section>
  );
}

/** Sets each end's opposite fields to the other end, as each end's owner (ModifyRouterInterfaceAttribute). */
async function pair(t: Topology, a: string, b: string, say: (m: string) => void): Promise<void> {
  const x = t.interfaces.find((i) => i.id === a);
  const y = t.interfaces.find((i) => i.id === b);
  if (!x || !y) return say('✗ both interfaces must exist');
  for (const [self, other] of [
    [y, x],
    [x, y],
  ] as const) {
    const r = await call(self.accountId, 'ModifyRouterInterfaceAttribute', {
      RegionId: self.regionId,
      RouterInterfaceId: self.id,
      OppositeInterfaceId: other.id,
      OppositeRouterId: other.routerId,
      OppositeRouterType: other.routerType,
      OppositeInterfaceOwnerId: other.accountId,
    });
    if (r.error) return say(`✗ ModifyRouterInterfaceAttribute ${self.id}: ${r.error.code}: ${r.error.message}`);
  }
  say(`✓ ${x.id} and ${y.id} point at each other`);
}

/** Requests per second and errors by code, from two scrapes of /metrics. */
function parseRequests(text: string): { total: number; byCode: Record<string, number> } {
  let total = 0;
  const byCode: Record<string, number> = {};
  for (const line of text.split('\n')) {
    const m = /^localvpc_requests_total\{([^}]*)\} ([\d.e+]+)$/.exec(line);
    if (!m) continue;
    const n = Number(m[2]);
    total += n;
    const code = /code="([^"]*)"/.exec(m[1] ?? '')?.[1] ?? '';
    if (code !== 'OK') byCode[code] = (byCode[code] ?? 0) + n;
  }
  return { total, byCode };
}

export function Health() {
  const [h, setH] = useState<{
    health?: Record<string, unknown>;
    status?: Record<string, unknown>;
    rps?: number;
    errors?: Record<string, number>;
  }>({});
  useEffect(() => {
    let prev: { total: number; at: number } | undefined;
    const tick = async () => {
      try {
        await once();
      } catch {
        // the server went away: the header shows it; try again at the next tick
      }
    };
    const once = async () => {
      const [health, status, metrics] = await Promise.all([
        fetch('/_localvpc/health').then((r) => r.json() as Promise<Record<string, unknown>>),
        api<Record<string, unknown>>('GET', '/_localvpc/status'),
        fetch('/metrics').then((r) => r.text()),
      ]);
      const m = parseRequests(metrics);
      const now = performance.now();
      const rps = prev ? ((m.total - prev.total) * 1000) / (now - prev.at) : undefined;
      prev = { total: m.total, at: now };
      setH({ health, status, rps, errors: m.byCode });
    };
    void tick();
    const timer = setInterval(() => void tick(), 2000);
    return () => clearInterval(timer);
  }, []);
  return (
    <section aria-label="Health" class="panel">
      <h2>Health and metrics</h2>
      <p data-testid="health">
        {h.health ? `${String(h.health.status)} · store ${String(h.health.store)}` : '…'}
        {h.status
          ? ` · ${String(h.status.storage)} · up ${String(h.status.uptimeSeconds)} s · ${String(h.status.pendingTransitions)} pending transitions`
          : ''}
      </p>
      <p>Requests per second: {h.rps === undefined ? '…' : h.rps.toFixed(1)}</p>
      <h3>Errors by code (since start)</h3>
      {h.errors && Object.keys(h.errors).length ? (
        <table>
          <tbody>
            {Object.entries(h.errors)
              .sort((a, b) => b[1] - a[1])
              .map(([code, n]) => (
                <tr key={code}>
                  <td>
                    <code>{code}</code>
                  </td>
                  <td>{n}</td>
                </tr>
              ))}
          </tbody>
        </table>
      ) : (
        <p>None.</p>
      )}
      {h.status && (
        <details>
          <summary>Counts</summary>
          <pre>{JSON.stringify(h.status.counts, null, 2)}</pre>
        </details>
      )}
    </section>
  );
}
