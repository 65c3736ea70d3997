// The side panel for what is selected. An interface: its status, the actions its owner may call
// (connect, activate, deactivate, delete: run as the owner through /_localvpc/call, so through
// the engine like any API call, and journalled as coming from the console), "why" (the explain
// dry run), every field DescribeRouterInterfaceAttribute shows its owner, its tags, the route
// entries through it, and its timeline. A router: its VPC, vSwitches, route entries, interfaces.
import { useEffect, useState } from 'preact/hooks';
import { api, call, type CallAnswer, type JournalEvent } from './api.js';
import { tone, type Iface, type Selection, type Topology } from './model.js';

interface CheckOutcome {
  step: number;
  label: string;
  result: 'passed' | 'failed' | 'not reached';
  error?: { code: string; message: string };
  reason?: string;
}
interface ActionExplained {
  action: string;
  routerInterfaceId: string;
  caller: string;
  answer: { ok: boolean; code?: string; message?: string };
  checks: CheckOutcome[];
}
interface Explained {
  summary: string;
  actions: ActionExplained[];
}

export function Status({ status, held }: { status: string; held?: boolean }) {
  return (
    <span class={`badge ${tone(status)}`} data-status={status}>
      {status}
      {held ? ' (held)' : ''}
    </span>
  );
}

const MARK = { passed: '✓ passed', failed: '✗ failed', 'not reached': '– not reached' };

function Explain({ ri, version }: { ri: Iface; version: number }) {
  const [x, setX] = useState<Explained | string>();
  useEffect(() => {
    api<Explained>('GET', `/_localvpc/explain/${encodeURIComponent(ri.id)}`).then(setX, (e: Error) => setX(e.message));
  }, [ri.id, ri.status, version]);
  if (x === undefined) return <p>Asking…</p>;
  if (typeof x === 'string') return <p class="error">{x}</p>;
  return (
    <div class="explain">
      <p class="summary" data-testid="explain-summary">
        {x.summary}
      </p>
      {x.actions.map((a) => (
        <details key={`${a.action}${a.routerInterfaceId}`} open={!a.answer.ok && a.action === 'ConnectRouterInterface'}>
          <summary>
            <strong>{a.action}</strong> on {a.routerInterfaceId}:{' '}
            {a.answer.ok ? <span class="badge ok">would succeed</span> : <span class="badge bad">{a.answer.code}</span>}
          </summary>
          <ol class="checks">
            {a.checks.map((c) => (
              <li key={c.step} class={`check ${c.result.replace(' ', '-')}`} data-result={c.result}>
                <span class="mark">{MARK[c.result]}</span> {c.label}
                {c.error && (
                  <div class="why">
                    <code>{c.error.code}</code>: {c.error.message}
                  </div>
                )}
              </li>
            ))}
          </ol>
        </details>
      ))}
    </div>
  );
}

function Timeline({ id, version }: { id: string; version: number }) {
  const [events, setEvents] = useState<JournalEvent[] | string>();
  useEffect(() => {
    api<{ events: JournalEvent[] }>('GET', `/_localvpc/timeline/${encodeURIComponent(id)}`).then(
      (r) => setEvents(r.events),
      (e: Error) => setEvents(e.message),
    );
  }, [id, version]);
  if (events === undefined) return <p>Reading the journal…</p>;
  if (typeof events === 'string') return <p class="error">{events}</p>;
  if (events.length === 0) return <p>The journal holds nothing about this pair.</p>;
  return (
    <ol class="timeline" data-testid="timeline">
      {events.map((e) => (
        <li key={e.eventId} class={e.errorCode ? 'err' : ''}>
          <time>{e.eventTime.slice(11, 19)}</time> <code>{e.resourceName}</code>{' '}
          {e.eventType === 'Transition' ? (
            <span>
              {e.from} → <Status status={e.to ?? ''} />
            </span>
          ) : (
            <span>
              {e.eventName} by {e.userIdentity.accountId} ({e.eventSource ?? 'api'}){' '}
              {e.errorCode ? <code class="bad">{e.errorCode}</code> : 'OK'} <small>{e.requestId}</small>
            </span>
          )}
        </li>
      ))}
    </ol>
  );
}

/** What an action shows the owner: asked as the owner, through the engine (journalled as the console's). */
function ApiFields({ account, action, params }: { account: string; action: string; params: Record<string, string> }) {
  const [fields, setFields] = useState<Record<string, unknown> | string>();
  const key = JSON.stringify(params);
  useEffect(() => {
    call(account, action, params).then(
      (r) => setFields(r.error ? `${r.error.code}: ${r.error.message}` : (r.result ?? {})),
      (e: Error) => setFields(e.message),
    );
  }, [account, action, key]);
  if (fields === undefined) return <p>Asking as {account}…</p>;
  if (typeof fields === 'string') return <p class="error">{fields}</p>;
  return (
    <>
      <p class="sub">
        {action} as {account}:
      </p>
      <Fields o={fields} />
    </>
  );
}

function Fields({ o }: { o: Record<string, unknown> }) {
  return (
    <dl class="fields">
      {Object.entries(o).map(([k, v]) => (
        <div key={k}>
          <dt>{k}</dt>
          <dd>{typeof v === 'string' ? v : JSON.stringify(v)}</dd>
        </div>
      ))}
    </dl>
  );
}

const ACTIONS = [
  ['ConnectRouterInterface', 'Connect'],
  ['ActivateRouterInterface', 'Activate'],
  ['DeactivateRouterInterface', 'Deactivate'],
  ['DeleteRouterInterface', 'Delete'],
] as const;

function InterfaceDetails({ ri, t, version }: { ri: Iface; t: Topology; version: number }) {
  const [tab, setTab] = useState<'why' | 'fields' | 'routes' | 'timeline'>('why');
  const [answer, setAnswer] = useState<CallAnswer & { action: string }>();
  const run = async (action: string) => {
    setAnswer(undefined);
    const r = await call(ri.accountId, action, { RegionId: ri.regionId, RouterInterfaceId: ri.id });
    setAnswer({ ...r, action });
  };
  const routes = t.routeEntries.filter((e) => e.hops.some((h) => h.id === ri.id));
  return (
    <section aria-label={`Router interface ${ri.id}`} data-testid="details">
      <h2>
        {ri.name || ri.id} <Status status={ri.status} held={ri.held} />
      </h2>
      <p class="sub">
        {ri.id} · {ri.role} · {ri.spec} · account {ri.accountId} · {ri.regionId} · router {ri.routerId}
        {ri.pendingStatus ? ` · on its way to ${ri.pendingStatus}` : ''}
      </p>
      <div class="actions" role="group" aria-label={`Act as ${ri.accountId}`}>
        {ACTIONS.map(([action, label]) => (
          <button type="button" key={action} onClick={() => void run(action)}>
            {label}
          </button>
        ))}
      </div>
      {answer && (
        <p class={answer.error ? 'error' : 'okmsg'} role="status" data-testid="call-answer">
          {answer.action}: {answer.error ? `${answer.error.code}: ${answer.error.message}` : 'accepted'} <small>({answer.requestId})</small>
        </p>
      )}
      <div class="tabs small" role="tablist">
        {(
          [
            ['why', 'Why this status?'],
            ['fields', 'Fields'],
            ['routes', `Routes & tags`],
            ['timeline', 'Timeline'],
          ] as const
        ).map(([k, label]) => (
          <button type="button" role="tab" key={k} aria-selected={tab === k} onClick={() => setTab(k)}>
            {label}
          </button>
        ))}
      </div>
      {tab === 'why' && <Explain ri={ri} version={version} />}
      {tab === 'fields' && (
        <ApiFields
          key={ri.status}
          account={ri.accountId}
          action="DescribeRouterInterfaceAttribute"
          params={{ RegionId: ri.regionId, InstanceId: ri.id }}
        />
      )}
      {tab === 'routes' && (
        <div>
          <h3>Tags</h3>
          {ri.tags.length ? <Fields o={Object.fromEntries(ri.tags.map((x) => [x.Key, x.Value]))} /> : <p>No tags.</p>}
          <h3>Route entries through it</h3>
          {routes.length ? (
            <ul>
              {routes.map((e) => (
                <li key={e.id}>
                  {e.destinationCidrBlock} in {e.routeTableId} ({e.status})
                </li>
              ))}
            </ul>
          ) : (
            <p>None.</p>
          )}
        </div>
      )}
      {tab === 'timeline' && <Timeline id={ri.id} version={version} />}
    </section>
  );
}

function RouterDetails({ id, t }: { id: string; t: Topology }) {
  const r = t.routers.find((x) => x.id === id);
  if (!r) return <p>{id} is gone.</p>;
  const entries = t.routeEntries.filter((e) => e.routeTableId === r.routeTableId);
  const vsws = t.vswitches.filter((v) => v.vpcId && v.vpcId === r.vpcId);
  return (
    <section aria-label={`Router ${r.id}`} data-testid="details">
      <h2>
        {r.kind === 'VBR' ? 'VBR' : 'VPC'} {r.name || r.vpcId || r.id}
      </h2>
      <Fields
        o={{
          router: r.id,
          vpc: r.vpcId,
          account: r.accountId,
          region: r.regionId,
          cidr: r.cidrBlock,
          status: r.status,
          routeTable: r.routeTableId,
        }}
      />
      {r.kind === 'VRouter' && (
        <details>
          <summary>Every field DescribeVpcAttribute shows its owner</summary>
          <ApiFields account={r.accountId} action="DescribeVpcAttribute" params={{ RegionId: r.regionId, VpcId: r.vpcId }} />
        </details>
      )}
      <h3>vSwitches</h3>
      {vsws.length ? (
        <ul>
          {vsws.map((v) => (
            <li key={v.id}>
              {v.id} {v.cidrBlock} ({v.zoneId}, {v.status})
            </li>
          ))}
        </ul>
      ) : (
        <p>None.</p>
      )}
      <h3>Custom route entries of {r.routeTableId}</h3>
      {entries.length ? (
        <ul>
          {entries.map((e) => (
            <li key={e.id}>
              {e.destinationCidrBlock} → {e.hops.map((h) => `${h.type} ${h.id}`).join(', ')} ({e.status})
            </li>
          ))}
        </ul>
      ) : (
        <p>None.</p>
      )}
    </section>
  );
}

export function Details({ sel, t, version, onClose }: { sel: Selection; t: Topology; version: number; onClose: () => void }) {
  if (!sel) return null;
  const ri = sel.kind === 'interface' ? t.interfaces.find((x) => x.id === sel.id) : undefined;
  return (
    <aside class="details">
      <button type="button" class="close" onClick={onClose} aria-label="Close details">
        ×
      </button>
      {sel.kind === 'router' ? (
        <RouterDetails id={sel.id} t={t} />
      ) : ri ? (
        <InterfaceDetails ri={ri} t={t} version={version} />
      ) : (
        <section data-testid="details">
          <h2>{sel.id}</h2>
          <p>This interface no longer exists.</p>
          <Timeline id={sel.id} version={version} />
        </section>
      )}
    </aside>
  );
}
