// The topology as an SVG drawing, laid out by hand (no layout library: the shape is fixed): one
// column per region, in it the routers grouped by account, each router a box listing its router
// interfaces, and a line for each pair joining its two ends across columns. Status is colour and
// text; ends in a transitional state and their line move. Arrow keys walk the interfaces (left and
// right jump to the peer), Enter opens one; zoom with the buttons or Ctrl+wheel.
import { useMemo, useState } from 'preact/hooks';
import { MOVING, tone, type Iface, type RouterNode, type Selection } from './model.js';

const COL_W = 360;
const GAP = 130;
const HEAD = 44;
const ROW = 26;
const ACC = 24;
const TOP = 40;
/** Past this many interfaces the drawing shows the first ones and asks for a narrower filter. */
export const MAX_DRAWN = 1500;

interface Box {
  router: RouterNode;
  x: number;
  y: number;
  h: number;
}
interface Row {
  ri: Iface;
  x: number;
  y: number;
  col: number;
}

function layout(routers: RouterNode[], ifaces: Iface[]) {
  const regions = [...new Set(routers.map((r) => r.regionId))].sort();
  const byRouter = new Map<string, Iface[]>();
  for (const ri of ifaces) byRouter.set(ri.routerId, [...(byRouter.get(ri.routerId) ?? []), ri]);
  const boxes: Box[] = [];
  const rows = new Map<string, Row>();
  const labels: { x: number; y: number; text: string; cls: string }[] = [];
  let height = 0;
  regions.forEach((region, col) => {
    const x = col * (COL_W + GAP) + 20;
    labels.push({ x, y: 24, text: region, cls: 'region' });
    let y = TOP;
    let account = '';
    const mine = routers.filter((r) => r.regionId === region).sort((a, b) => a.accountId.localeCompare(b.accountId));
    for (const router of mine) {
      if (router.accountId !== account) {
        account = router.accountId;
        labels.push({ x, y: y + 16, text: `account ${account}`, cls: 'account' });
        y += ACC;
      }
      const list = byRouter.get(router.id) ?? [];
      const h = HEAD + list.length * ROW + 6;
      boxes.push({ router, x, y, h });
      list.forEach((ri, i) => rows.set(ri.id, { ri, x, y: y + HEAD + i * ROW, col }));
      y += h + 14;
    }
    height = Math.max(height, y);
  });
  return { boxes, rows, labels, width: Math.max(1, regions.length * (COL_W + GAP) - GAP + 40), height: height + 20 };
}

function pairPath(a: Row, b: Row): string {
  const ya = a.y + ROW / 2 - 2,
    yb = b.y + ROW / 2 - 2;
  if (a.col === b.col) {
    const x = a.x + COL_W - 8;
    return `M${x} ${ya} C${x + 70} ${ya}, ${x + 70} ${yb}, ${x} ${yb}`;
  }
  const [l, r] = a.col < b.col ? [a, b] : [b, a];
  const x1 = l.x + COL_W - 8,
    x2 = r.x + 8;
  const y1 = l === a ? ya : yb,
    y2 = l === a ? yb : ya;
  const dx = (x2 - x1) / 2;
  return `M${x1} ${y1} C${x1 + dx} ${y1}, ${x2 - dx} ${y2}, ${x2} ${y2}`;
}

function pairTone(a: Iface, b: Iface): string {
  if (MOVING.has(a.status) || MOVING.has(b.status)) return 'moving';
  if (a.status === 'Active' && b.status === 'Active') return 'ok';
  return tone(a.status === 'Idle' ? b.status : a.status);
}

function moveFocus(from: Element, by: number): void {
  const all = [...document.querySelectorAll<SVGGElement>('[data-ri]')];
  const i = all.indexOf(from as SVGGElement);
  all[Math.min(all.length - 1, Math.max(0, i + by))]?.focus();
}

export function Graph(props: { routers: RouterNode[]; ifaces: Iface[]; selected: Selection; onSelect: (s: Selection) => void }) {
  const [zoom, setZoom] = useState(1);
  const { routers, ifaces, selected, onSelect } = props;
  const g = useMemo(() => layout(routers, ifaces), [routers, ifaces]);
  const pairs = useMemo(() => {
    const out: { key: string; a: Row; b: Row; mutual: boolean }[] = [];
    for (const a of g.rows.values()) {
      const b = g.rows.get(a.ri.oppositeInterfaceId);
      if (!b) continue;
      const mutual = b.ri.oppositeInterfaceId === a.ri.id;
      if (mutual && a.ri.id > b.ri.id) continue; // once per pair
      out.push({ key: `${a.ri.id}-${b.ri.id}`, a, b, mutual });
    }
    return out;
  }, [g]);
  const zoomBy = (f: number) => setZoom((z) => Math.min(3, Math.max(0.2, Math.round(z * f * 100) / 100)));
  const keys = (e: KeyboardEvent, ri: Iface) => {
    const el = e.currentTarget as Element;
    if (e.key === 'ArrowDown') moveFocus(el, 1);
    else if (e.key === 'ArrowUp') moveFocus(el, -1);
    else if (e.key === 'ArrowRight' || e.key === 'ArrowLeft')
      document.querySelector<SVGGElement>(`[data-ri="${CSS.escape(ri.oppositeInterfaceId)}"]`)?.focus();
    else if (e.key === 'Enter' || e.key === ' ') onSelect({ kind: 'interface', id: ri.id });
    else return;
    e.preventDefault();
  };
  if (routers.length === 0) return <p class="empty">Nothing to show: no VPC, VBR or router interface matches.</p>;
  return (
    <div class="graph">
      <div class="zoom" role="group" aria-label="Zoom">
        <button type="button" onClick={() => zoomBy(1 / 1.25)} aria-label="Zoom out">
          −
        </button>
        <span aria-live="polite">{Math.round(zoom * 100)}%</span>
        <button type="button" onClick={() => zoomBy(1.25)} aria-label="Zoom in">
          +
        </button>
        <button type="button" onClick={() => setZoom(1)}>
          Reset
        </button>
      </div>
      <div
        class="canvas"
        onWheel={(e) => {
          if (!e.ctrlKey) return;
          e.preventDefault();
          zoomBy(e.deltaY < 0 ? 1.1 : 1 / 1.1);
        }}
      >
        <svg
          width={g.width * zoom}
          height={g.height * zoom}
          viewBox={`0 0 ${g.width} ${g.height}`}
          role="group"
          aria-label={`Topology: ${routers.length} routers, ${ifaces.length} router interfaces`}
        >
          {g.labels.map((l) => (
            <text key={`${l.cls}${l.x}${l.y}`} x={l.x} y={l.y} class={l.cls}>
              {l.text}
            </text>
          ))}
          {g.boxes.map((b) => (
            <g
              key={b.router.id}
              class={`router ${selected?.id === b.router.id ? 'selected' : ''}`}
              role="button"
              tabindex={0}
              data-router={b.router.id}
              aria-label={`${b.router.kind === 'VBR' ? 'VBR' : 'VPC'} ${b.router.name || b.router.vpcId || b.router.id}, router ${b.router.id}`}
              onClick={() => onSelect({ kind: 'router', id: b.router.id })}
              onKeyDown={(e) => {
                if (e.key === 'Enter' || e.key === ' ') {
                  e.preventDefault();
                  onSelect({ kind: 'router', id: b.router.id });
                }
              }}
            >
              <rect x={b.x} y={b.y} width={COL_W} height={b.h} rx={8} />
              <text x={b.x + 10} y={b.y + 18} class="title">
                {b.router.kind === 'VBR' ? 'VBR ' : 'VPC '}
                {b.router.name || (b.router.kind === 'VBR' ? b.router.id : b.router.vpcId)}
              </text>
              <text x={b.x + 10} y={b.y + 34} class="sub">
                {b.router.kind === 'VBR' ? b.router.id : `${b.router.cidrBlock} · ${b.router.name ? b.router.vpcId : b.router.id}`}
              </text>
            </g>
          ))}
          {pairs.map((p) => (
            <path
              key={p.key}
              d={pairPath(p.a, p.b)}
              class={`link ${pairTone(p.a.ri, p.b.ri)} ${p.mutual ? '' : 'one-sided'}`}
              data-pair={p.key}
            >
              <title>{`${p.a.ri.id} (${p.a.ri.status}) — ${p.b.ri.id} (${p.b.ri.status})${p.mutual ? '' : ': only one end names the other'}`}</title>
            </path>
          ))}
          {[...g.rows.values()].map(({ ri, x, y }) => (
            <g
              key={ri.id}
              class={`ri ${tone(ri.status)} ${selected?.id === ri.id ? 'selected' : ''}`}
              role="button"
              tabindex={0}
              data-ri={ri.id}
              data-status={ri.status}
              aria-label={`Router interface ${ri.name || ri.id}, ${ri.role}, status ${ri.status}${ri.held ? ', held' : ''}`}
              onClick={() => onSelect({ kind: 'interface', id: ri.id })}
              onKeyDown={(e) => keys(e, ri)}
            >
              <rect x={x + 6} y={y} width={COL_W - 12} height={ROW - 4} rx={4} class="bg" />
              <rect x={x + 6} y={y} width={6} height={ROW - 4} rx={2} class="stripe" />
              <text x={x + 18} y={y + 15} class="name">
                {ri.role === 'InitiatingSide' ? '→ ' : '← '}
                {ri.name || ri.id}
              </text>
              <title>{`${ri.id}${ri.name ? ` (${ri.name})` : ''}: ${ri.role}, ${ri.status}`}</title>
              <text x={x + COL_W - 12} y={y + 15} class="status" text-anchor="end">
                {ri.status}
                {ri.held ? ' (held)' : MOVING.has(ri.status) ? ' …' : ''}
              </text>
            </g>
          ))}
        </svg>
      </div>
    </div>
  );
}
