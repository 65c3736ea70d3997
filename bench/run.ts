// `npm run bench [-- --only <substring>] [--seconds N] [--warmup N] [--warm-requests N] [--cpu-prof DIR] [--list]`:
// runs the registered scenarios one after another (one server at a time), prints progress on
// stderr and the report (machine, date, one Markdown table, the scaling table, then the section of
// facts: targets met or missed, cold start, memory) on stdout, then exits, killing any child
// process and removing any temporary folder left. Exit code 1 on an error or when a run saw
// non-2xx answers or failures; 2 on a usage error or when wrk, the load generator, is missing.
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { factsSection, LEGEND, machineLine, markdownTable, rowFacts, rowFailed } from './report.js';
import { needsWrk, SCENARIOS, type BenchOptions, type Fact, type Row } from './scenarios.js';
import { rssAfterLoadFact } from './scenarios-start.js';
import { killAll } from './servers.js';
import { stopBenchPostgres } from './scenarios-postgres.js';
import { WRK_MISSING, wrkInstalled } from './wrk.js';

const USAGE = 'usage: npm run bench -- [--only <substring>]... [--seconds N] [--warmup N] [--warm-requests N] [--cpu-prof DIR] [--list]';

class UsageError extends Error {}

interface Args extends BenchOptions {
  only: string[];
  list: boolean;
}

function parseArgs(argv: string[]): Args {
  const a: Args = { seconds: 5, warmupSeconds: 1, warmRequests: 1_000_000, only: [], list: false };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = (): string => {
      const v = argv[++i];
      if (v === undefined) throw new UsageError(`${flag} needs a value`);
      return v;
    };
    const seconds = (): number => {
      const n = Number(value());
      if (!Number.isFinite(n) || n < 0 || n > 600) throw new UsageError(`${flag} takes seconds between 0 and 600`);
      return n;
    };
    if (flag === '--only') a.only.push(value());
    else if (flag === '--seconds') a.seconds = Math.max(1, Math.round(seconds()));
    else if (flag === '--warmup') a.warmupSeconds = Math.round(seconds());
    else if (flag === '--warm-requests') {
      const n = Number(value());
      if (!Number.isInteger(n) || n < 0 || n > 10_000_000) throw new UsageError('--warm-requests takes a whole number up to 10000000');
      a.warmRequests = n;
    } else if (flag === '--cpu-prof') a.cpuProfDir = resolve(value());
    else if (flag === '--list') a.list = true;
    else throw new UsageError(`unknown argument ${flag}`);
  }
  return a;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const chosen = SCENARIOS.filter((s) => args.only.length === 0 || args.only.some((o) => s.id.toLowerCase().includes(o.toLowerCase())));
  if (args.list || chosen.length === 0) {
    process.stdout.write(
      `${chosen.length === 0 ? 'no scenario matches --only; ' : ''}scenarios:\n${SCENARIOS.map((s) => `  ${s.id}`).join('\n')}\n`,
    );
    if (chosen.length === 0) process.exitCode = 2;
    return;
  }
  if (chosen.some(needsWrk) && !wrkInstalled()) {
    process.stderr.write(WRK_MISSING);
    process.exitCode = 2;
    return;
  }
  if (args.cpuProfDir) mkdirSync(args.cpuProfDir, { recursive: true });
  const rows: Row[] = [];
  const facts: Fact[] = [];
  const tables: string[] = [];
  const started = Date.now();
  for (const s of chosen) {
    const t0 = Date.now();
    process.stderr.write(`bench: ${s.id} ...`);
    const r = await s.run(args);
    if ('rows' in r) {
      rows.push(...r.rows);
      facts.push(...r.facts);
      tables.push(...(r.tables ?? []));
    } else {
      rows.push(r);
    }
    process.stderr.write(` ${((Date.now() - t0) / 1000).toFixed(1)} s\n`);
  }
  process.stderr.write(`bench: done in ${((Date.now() - started) / 1000).toFixed(0)} s\n`);
  const table = rows.length ? `${markdownTable(rows)}\n\n${LEGEND}\n` : '';
  const more = tables.map((t) => `\n${t}\n`).join('');
  const rss = rssAfterLoadFact();
  const all = [...rowFacts(rows), ...facts, ...(rss ? [rss] : [])];
  process.stdout.write(`\n${machineLine()}\n\n${table}${more}${all.length ? `\n${factsSection(all)}\n` : ''}`);
  if (rows.some(rowFailed)) {
    process.stderr.write('bench: some runs saw non-2xx answers or connection errors (see notes)\n');
    process.exitCode = 1;
  }
}

for (const sig of ['SIGINT', 'SIGTERM'] as const) {
  process.once(sig, () => {
    killAll();
    process.exit(130);
  });
}

main()
  .catch((e: unknown) => {
    if (e instanceof UsageError) {
      process.stderr.write(`bench: ${e.message}\n${USAGE}\n`);
      process.exitCode = 2;
    } else {
      process.stderr.write(`\nbench: ${(e as Error).stack ?? String(e)}\n`);
      process.exitCode = 1;
    }
  })
  .finally(async () => {
    killAll();
    await stopBenchPostgres().catch(() => undefined);
    process.exit();
  });
