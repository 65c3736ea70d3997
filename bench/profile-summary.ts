// `node dist/bench/profile-summary.js FILE.cpuprofile [--top N] [--under PATH] [--requests N]`: summarizes a V8 CPU
// profile (from `node --cpu-prof`, or `npm run bench -- --cpu-prof DIR`): self time per function
// and per file, plus inclusive ("total") time of the functions whose file contains --under
// (default `/dist/`: the tsc output dist/src/ and the bundle dist/localvpc.mjs), so one can see
// which of LocalVPC's functions cost what. With --requests (the count the
// bench notes print when profiling), times are also shown in µs per request.
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

function shortUrl(url: string): string {
  const i = url.indexOf('/dist/');
  if (i >= 0) return url.slice(i + 1);
  const n = url.indexOf('/node_modules/');
  if (n >= 0) return url.slice(n + 1);
  return url.replace(/^file:\/\//, '') || '(native)';
}

function label(n: ProfileNode): string {
  const f = n.callFrame;
  return `${f.functionName || '(anonymous)'} ${shortUrl(f.url)}${f.url ? `:${f.lineNumber + 1}` : ''}`;
}

function main(): void {
  const args = process.argv.slice(2);
  const file = args[0];
  if (!file) throw new Error('usage: profile-summary FILE.cpuprofile [--top N] [--under PATH] [--requests N]');
  const top = Number(args[args.indexOf('--top') + 1]) || 25;
  const under = args.includes('--under') ? (args[args.indexOf('--under') + 1] ?? '') : '/dist/';
  const requests = args.includes('--requests') ? Number(args[args.indexOf('--requests') + 1]) : 0;
  const p = JSON.parse(readFileSync(file, 'utf8')) as Profile;
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const selfUs = new Map<number, number>();
  let total = 0;
  p.samples.forEach((id, i) => {
    const dt = p.timeDeltas[i] ?? 0;
    selfUs.set(id, (selfUs.get(id) ?? 0) + dt);
    total += dt;
  });
  const selfBy = new Map<string, number>();
  const fileBy = new Map<string, number>();
  const inclBy = new Map<string, number>();
  for (const [id, us] of selfUs) {
    const n = byId.get(id) as ProfileNode;
    selfBy.set(label(n), (selfBy.get(label(n)) ?? 0) + us);
    const f = shortUrl(n.callFrame.url) || n.callFrame.functionName;
    fileBy.set(f, (fileBy.get(f) ?? 0) + us);
    // Inclusive time: credit each distinct matching function once per stack.
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const c = byId.get(cur) as ProfileNode;
      if (!c.callFrame.url.includes(under)) continue;
      const l = label(c);
      if (seen.has(l)) continue;
      seen.add(l);
      inclBy.set(l, (inclBy.get(l) ?? 0) + us);
    }
  }
  const pct = (us: number): string =>
    `${((100 * us) / total).toFixed(1).padStart(5)}%${requests > 0 ? ` ${(us / requests).toFixed(1).padStart(6)} µs/req` : ''}`;
  const list = (title: string, m: Map<string, number>): void => {
    process.stdout.write(`\n${title}\n`);
    for (const [k, us] of [...m].sort((a, b) => b[1] - a[1]).slice(0, top))
      process.stdout.write(`${pct(us)} ${(us / 1000).toFixed(0).padStart(7)} ms  ${k}\n`);
  };
  process.stdout.write(`${file}: ${(total / 1e6).toFixed(2)} s sampled\n`);
  list('Self time by function', selfBy);
  list('Self time by file', fileBy);
  list(`Total (inclusive) time of functions under ${under}`, inclBy);
}

main();
