// Strict argument parsing. Each command declares the flags it takes (a switch, or a value of some
// kind, maybe from a closed set) and its positional arguments; anything else is a usage error,
// with a did-you-mean when a known name is close. A mistyped flag is never dropped silently.
import { didYouMean } from '../core/suggest.js';

export interface Parsed {
  positionals: string[];
  flags: Map<string, string | true>;
}

export class UsageError extends Error {}

/** A closed set of values; a function when the set is large or costs something to build. */
export type Choices = readonly string[] | (() => readonly string[]);

export interface ValueSpec {
  /** `text` by default; `int` is a whole number (digits only); `number` any decimal number. */
  kind?: 'text' | 'int' | 'number';
  /** The values it accepts (with a did-you-mean on a near miss). */
  choices?: Choices;
  /** Values outside `choices` it accepts too. */
  pattern?: RegExp;
  /** What a value is ("action", "region"): named in messages instead of listing the choices. */
  what?: string;
}

export interface FlagSpec extends Omit<ValueSpec, 'kind'> {
  /** `bool`: a switch (`--x`, `--x=true|false`, `--x true|false`); otherwise it needs a value of that kind. */
  kind: 'bool' | 'text' | 'int' | 'number';
}

export interface PositionalSpec extends ValueSpec {
  name: string;
  optional?: boolean;
}

export interface Syntax {
  flags?: Readonly<Record<string, FlagSpec>>;
  positionals?: readonly PositionalSpec[];
}

const listOf = (c: Choices): readonly string[] => (typeof c === 'function' ? c() : c);

/** Throws a UsageError when `value` is not of the kind, or not among the choices, `spec` says. */
export function checkValue(label: string, value: string, spec: ValueSpec | FlagSpec): void {
  if (spec.kind === 'int' && !/^\d+$/.test(value)) throw new UsageError(`${label} must be a whole number, got "${value}"`);
  if (spec.kind === 'number' && !/^-?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(value))
    throw new UsageError(`${label} must be a number, got "${value}"`);
  if (!spec.choices || spec.pattern?.test(value)) return;
  const choices = listOf(spec.choices);
  if (choices.includes(value)) return;
  const hint = didYouMean(value, choices);
  throw new UsageError(
    spec.what ? `${label}: unknown ${spec.what} "${value}"${hint}` : `${label} must be one of ${choices.join(', ')}, got "${value}"${hint}`,
  );
}

const isFlag = (a: string): boolean => a.startsWith('--') || /^-[^\d.]/.test(a);

/**
 * Parses `--flag value`, `--flag=value`, switches, and positionals (everything after `--` is
 * positional) against a command's syntax. `alsoKnown` are flags handled elsewhere (the global
 * ones), offered in did-you-mean only.
 */
export function parseArgs(argv: readonly string[], syntax: Syntax, alsoKnown: readonly string[] = []): Parsed {
  const specs = syntax.flags ?? {};
  const positionals: string[] = [];
  const flags = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!isFlag(a)) {
      positionals.push(a);
      continue;
    }
    const eq = a.indexOf('=');
    const name = (eq > 0 ? a.slice(0, eq) : a).replace(/^--?/, '');
    const inline = eq > 0 ? a.slice(eq + 1) : undefined;
    const spec = Object.hasOwn(specs, name) ? specs[name] : undefined;
    if (!a.startsWith('--') || !spec)
      throw new UsageError(
        `unknown option ${eq > 0 ? a.slice(0, eq) : a}${didYouMean(name, [...Object.keys(specs), ...alsoKnown], (s) => `--${s}`)}`,
      );
    let value: string | true;
    if (spec.kind === 'bool') {
      const next = argv[i + 1];
      const v = inline ?? (next === 'true' || next === 'false' ? argv[++i] : undefined);
      if (v !== undefined && v !== 'true' && v !== 'false') throw new UsageError(`--${name} takes true or false, got "${v}"`);
      value = v ?? true;
    } else {
      const next = argv[i + 1];
      const v = inline ?? (next !== undefined && !next.startsWith('--') ? argv[++i] : undefined);
      if (v === undefined || v === '') throw new UsageError(`--${name} needs a value`);
      checkValue(`--${name}`, v, spec);
      value = v;
    }
    const before = flags.get(name);
    if (before !== undefined && before !== value) throw new UsageError(`--${name} is given twice`);
    flags.set(name, value);
  }
  const expected = syntax.positionals ?? [];
  const missing = expected.find((p, k) => !p.optional && positionals[k] === undefined);
  if (missing) throw new UsageError(`missing ${missing.name}`);
  if (positionals.length > expected.length) throw new UsageError(`unexpected argument "${positionals[expected.length]}"`);
  positionals.forEach((v, k) => {
    const p = expected[k] as PositionalSpec;
    checkValue(p.name, v, p);
  });
  return { positionals, flags };
}

export function str(p: Parsed, name: string): string | undefined {
  const v = p.flags.get(name);
  if (v === true) throw new UsageError(`--${name} needs a value`);
  return v;
}

export function num(p: Parsed, name: string): number | undefined {
  const v = str(p, name);
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isFinite(n)) throw new UsageError(`--${name} must be a number, got "${v}"`);
  return n;
}

export function bool(p: Parsed, name: string): boolean | undefined {
  const v = p.flags.get(name);
  if (v === undefined) return undefined;
  if (v === true || v === 'true') return true;
  if (v === 'false') return false;
  throw new UsageError(`--${name} takes true or false, got "${v}"`);
}

export function need(p: Parsed, index: number, what: string): string {
  const v = p.positionals[index];
  if (v === undefined) throw new UsageError(`missing ${what}`);
  return v;
}
