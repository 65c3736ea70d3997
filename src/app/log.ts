// The server's logger: pino, writing JSON lines (for machines) or, with `--log-format pretty`, one
// short line per event for a person at a terminal (time, level, message, then key=value; a value
// of several lines, such as a canonical request, follows on indented lines). Also what a debug log
// must not show: secrets and signatures among a call's parameters are redacted.
// Known gap: pretty lines are written synchronously (a terminal is slow anyway); JSON lines go
// through pino's buffered asynchronous destination, flushed at shutdown.
import { pino, type Logger } from 'pino';
import type { LogFormat } from '../config/config.js';

export interface AppLogger {
  logger: Logger;
  /** Writes out whatever is buffered (at shutdown). */
  flush(): void;
}

const LEVELS: Record<number, string> = { 10: 'TRACE', 20: 'DEBUG', 30: 'INFO', 40: 'WARN', 50: 'ERROR', 60: 'FATAL' };
const COLORS: Record<number, string> = { 10: '90', 20: '36', 30: '32', 40: '33', 50: '31', 60: '35' };

const scalar = (v: unknown): string => {
  if (typeof v === 'string') return /^[^\s"=]*$/.test(v) && v !== '' ? v : JSON.stringify(v);
  if (typeof v === 'number' || typeof v === 'boolean' || v === null) return String(v);
  return JSON.stringify(v) ?? '';
};

/** One pino JSON line as a line (or a few) for a person. */
export function prettyLine(json: string, color: boolean): string {
  let o: Record<string, unknown>;
  try {
    o = JSON.parse(json) as Record<string, unknown>;
  } catch {
    return json;
  }
  const { time, level, msg, ...rest } = o;
  const at = typeof time === 'number' ? new Date(time).toISOString().slice(11, 23) : '';
  const n = typeof level === 'number' ? level : 30;
  const name = (LEVELS[n] ?? String(level)).padEnd(5);
  const head = `${at} ${color ? `\u001b[${COLORS[n] ?? '0'}m${name}\u001b[0m` : name} ${typeof msg === 'string' ? msg : ''}`;
  const inline: string[] = [];
  const blocks: string[] = [];
  for (const [k, v] of Object.entries(rest)) {
    if (v === undefined) continue;
    if (typeof v === 'string' && v.includes('\n')) blocks.push(`  ${k}:\n${v.replace(/^/gm, '    | ')}`);
    else if (k === 'err' && typeof v === 'object' && v !== null && typeof (v as { stack?: unknown }).stack === 'string')
      blocks.push((v as { stack: string }).stack.replace(/^/gm, '    '));
    else inline.push(`${k}=${scalar(v)}`);
  }
  return [head + (inline.length ? ` ${inline.join(' ')}` : ''), ...blocks].join('\n') + '\n';
}

export function createLogger(level: string, format: LogFormat): AppLogger {
  if (level === 'silent') return { logger: pino({ level: 'silent' }), flush: () => undefined };
  if (format === 'pretty') {
    const color = process.stdout.isTTY && !process.env.NO_COLOR;
    const stream = { write: (line: string) => void process.stdout.write(prettyLine(line, color)) };
    return { logger: pino({ level, base: undefined }, stream), flush: () => undefined };
  }
  // Log lines leave through an asynchronous, buffered destination (pino's sonic-boom): a
  // synchronous write per request cost 12% of a read's throughput. Flushed at shutdown; a crash
  // may lose the last few lines.
  const destination = pino.destination({ dest: 1, sync: false, minLength: 4096 });
  return {
    logger: pino({ level, base: undefined }, destination),
    flush: () => {
      try {
        destination.flushSync();
      } catch {
        // nothing buffered, or stdout is gone
      }
    },
  };
}

/** Parameter names whose values a log must not show. */
const SECRET = /secret|password|passwd|token|signature|credential|privatekey|authkey/i;

/** A call's parameters for a debug line: wire names to values, secrets and signatures redacted. */
export function redactedParams(params: readonly (readonly [string, string])[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of params) if (!Object.hasOwn(out, k)) out[k] = SECRET.test(k) ? '[redacted]' : v;
  return out;
}
