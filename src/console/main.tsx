// The LocalVPC console: sign in with the admin token (from #token=… in the URL printed at start,
// or typed; kept in session storage, never in the page's address), then the topology, live from
// the journal's Server-Sent Events, and the explain, reachability, journal, controls and health
// views. Without a valid token it shows only the sign-in field.
import { render } from 'preact';
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { api, follow, Refused, setToken, signOut, takeTokenFromUrl, token, type JournalEvent } from './api.js';
import { Details } from './details.js';
import { Graph, MAX_DRAWN } from './graph.js';
import { tone, type Selection, type Topology } from './model.js';
import { Controls, Health, Journal, Reachability } from './tools.js';

type Tab = 'topology' | 'reach' | 'journal' | 'controls' | 'health';
const TABS: [Tab, string][] = [
  ['topology', 'Topology'],
  ['reach', 'Reachability'],
  ['journal', 'Journal'],
  ['controls', 'Controls'],
  ['health', 'Health'],
];
/** Calls that only read change nothing the drawing shows. */
const READS = /^(Describe|List|Get)/;

function SignIn({ refused, onToken }: { refused: boolean; onToken: (t: string) => void }) {
  const [value, setValue] = useState('');
  return (
    <main class="signin">
      <h1>LocalVPC console</h1>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          onToken(value.trim());
        }}
      >
        <label for="token">Admin token</label>
        <input id="token" name="token" type="password" autoComplete="off" value={value} onInput={(e) => setValue(e.currentTarget.value)} />
        <button type="submit">Sign in</button>
        {refused && (
          <p class="error" role="alert">
            That token was refused.
          </p>
        )}
        <p class="hint">
          The server prints the console's address with the token when it starts (<code>console: http://…/_localvpc/console/#token=…</code>);
          the token is also in <code>.localvpc/admin-token</code>.
        </p>
      </form>
    </main>
  );
}

function App({ onSignOut }: { onSignOut: () => void }) {
  const [t, setT] = useState<Topology>();
  const [tab, setTab] = useState<Tab>('topology');
  const [sel, setSel] = useState<Selection>();
  const [live, setLive] = useState(false);
  const [events, setEvents] = useState<JournalEvent[]>([]);
  const [version, setVersion] = useState(0);
  const [f, setF] = useState({ account: '', region: '', status: '', q: '' });
  const [dark, setDark] = useState(
    () => (sessionStorage.getItem('localvpc.theme') ?? (matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light')) === 'dark',
  );
  const search = useRef<HTMLInputElement>(null);
  const pending = useRef<number | undefined>(undefined);

  // One topology read at a time: changes that arrive while one is under way ask for one more.
  const reading = useRef<'idle' | 'busy' | 'again'>('idle');
  const reload = useCallback(() => {
    if (reading.current !== 'idle') {
      reading.current = 'again';
      return;
    }
    reading.current = 'busy';
    const done = () => {
      const more = reading.current === 'again';
      reading.current = 'idle';
      if (more) reload();
    };
    api<Topology>('GET', '/_localvpc/topology').then(
      (x) => {
        setT(x);
        setVersion((v) => v + 1);
        done();
      },
      (e: unknown) => {
        done();
        if (e instanceof Refused && e.status === 401) onSignOut();
      },
    );
  }, [onSignOut]);

  useEffect(() => {
    reload();
    // Events come one by one, and all retained ones at once on (re)connecting: batch them, and
    // reload the drawing once per batch that changed something.
    let batch: JournalEvent[] = [];
    let changed = false;
    const flush = () => {
      pending.current = undefined;
      const got = batch;
      batch = [];
      setEvents((list) => [...list, ...got].slice(-1000));
      if (changed) reload();
      changed = false;
    };
    return follow((e) => {
      batch.push(e);
      if (!(e.eventType === 'ApiCall' && (READS.test(e.eventName) || e.errorCode))) changed = true;
      pending.current ??= window.setTimeout(flush, 100);
    }, setLive);
  }, [reload]);

  useEffect(() => {
    document.documentElement.dataset.theme = dark ? 'dark' : 'light';
    sessionStorage.setItem('localvpc.theme', dark ? 'dark' : 'light');
  }, [dark]);

  useEffect(() => {
    const keys = (e: KeyboardEvent) => {
      const typing = e.target instanceof HTMLInputElement || e.target instanceof HTMLSelectElement;
      if (e.key === '/' && !typing) {
        e.preventDefault();
        setTab('topology');
        setTimeout(() => search.current?.focus());
      } else if (e.key === 'Escape') setSel(undefined);
    };
    addEventListener('keydown', keys);
    return () => removeEventListener('keydown', keys);
  }, []);

  const view = useMemo(() => {
    if (!t) return undefined;
    const q = f.q.trim().toLowerCase();
    const routerOk = (r: { accountId: string; regionId: string }) =>
      (!f.account || r.accountId === f.account) && (!f.region || r.regionId === f.region);
    const all = t.interfaces.filter(
      (ri) =>
        routerOk(ri) &&
        (!f.status || ri.status === f.status) &&
        (!q || ri.id.toLowerCase().includes(q) || ri.name.toLowerCase().includes(q) || ri.routerId.includes(q) || ri.vpcId.includes(q)),
    );
    const ifaces = all.slice(0, MAX_DRAWN);
    const withIfaces = new Set(ifaces.map((ri) => ri.routerId));
    const narrowed = Boolean(f.status || q);
    const routers = t.routers.filter((r) => routerOk(r) && (withIfaces.has(r.id) || (!narrowed && withIfaces.size < MAX_DRAWN)));
    return { ifaces, routers, total: all.length };
  }, [t, f]);

  if (!t || !view) return <main class="loading">Loading…</main>;
  const regions = [...new Set(t.routers.map((r) => r.regionId))].sort();
  const statuses = [...new Set(t.interfaces.map((r) => r.status))].sort();
  const counts = t.interfaces.reduce<Record<string, number>>((m, r) => ((m[r.status] = (m[r.status] ?? 0) + 1), m), {});
  return (
    <div class="app">
      <header>
        <h1>LocalVPC</h1>
        <span class={`live ${live ? 'on' : 'off'}`} role="status" data-testid="live">
          {live ? '● live' : '○ offline, reconnecting'}
        </span>
        <span class="counts">
          {Object.entries(counts).map(([s, n]) => (
            <span key={s} class={`badge ${tone(s)}`}>
              {n} {s}
            </span>
          ))}
        </span>
        <button type="button" onClick={() => setDark(!dark)} aria-pressed={dark}>
          {dark ? 'Light' : 'Dark'} theme
        </button>
        <button
          type="button"
          onClick={() => {
            signOut();
            onSignOut();
          }}
        >
          Sign out
        </button>
      </header>
      <nav class="tabs" role="tablist" aria-label="Views">
        {TABS.map(([k, label]) => (
          <button type="button" role="tab" key={k} aria-selected={tab === k} onClick={() => setTab(k)}>
            {label}
          </button>
        ))}
      </nav>
      {tab === 'topology' && (
        <main class="topology">
          <div class="main-col">
            <form class="filters row" onSubmit={(e) => e.preventDefault()} aria-label="Filters">
              <label>
                Account{' '}
                <select name="account" value={f.account} onChange={(e) => setF({ ...f, account: e.currentTarget.value })}>
                  <option value="">all</option>
                  {t.accounts.map((a) => (
                    <option key={a.id} value={a.id}>
                      {a.id} {a.name}
                    </option>
                  ))}
                </select>
              </label>
              <label>
                Region{' '}
                <select name="region" value={f.region} onChange={(e) => setF({ ...f, region: e.currentTarget.value })}>
                  <option value="">all</option>
                  {regions.map((r) => (
                    <option key={r}>{r}</option>
                  ))}
                </select>
              </label>
              <label>
                Status{' '}
                <select name="status" value={f.status} onChange={(e) => setF({ ...f, status: e.currentTarget.value })}>
                  <option value="">all</option>
                  {statuses.map((s) => (
                    <option key={s}>{s}</option>
                  ))}
                </select>
              </label>
              <label>
                Search{' '}
                <input
                  ref={search}
                  name="q"
                  type="search"
                  placeholder="id, name, router, VPC  ( / )"
                  value={f.q}
                  onInput={(e) => setF({ ...f, q: e.currentTarget.value })}
                />
              </label>
            </form>
            {view.total > view.ifaces.length && (
              <p class="notice" role="status">
                Showing {view.ifaces.length} of {view.total} router interfaces: filter or search to see the others.
              </p>
            )}
            <Graph routers={view.routers} ifaces={view.ifaces} selected={sel} onSelect={setSel} />
          </div>
          <Details sel={sel} t={t} version={version} onClose={() => setSel(undefined)} />
        </main>
      )}
      {tab === 'reach' && <Reachability t={t} />}
      {tab === 'journal' && <Journal live={events} />}
      {tab === 'controls' && <Controls t={t} reload={reload} />}
      {tab === 'health' && <Health />}
    </div>
  );
}

function Root() {
  const [state, setState] = useState<'checking' | 'signin' | 'refused' | 'in'>(token() ? 'checking' : 'signin');
  const check = useCallback(() => {
    api('GET', '/_localvpc/status').then(
      () => setState('in'),
      () => {
        signOut();
        setState('refused');
      },
    );
  }, []);
  useEffect(() => {
    if (state === 'checking') check();
  }, [state, check]);
  const out = useCallback(() => setState('signin'), []);
  if (state === 'in') return <App onSignOut={out} />;
  if (state === 'checking') return <main class="loading">Signing in…</main>;
  return (
    <SignIn
      refused={state === 'refused'}
      onToken={(t) => {
        setToken(t);
        setState('checking');
      }}
    />
  );
}

takeTokenFromUrl();
render(<Root />, document.getElementById('root') as HTMLElement);
