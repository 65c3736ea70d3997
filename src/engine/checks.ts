// An action's checks as data: an ordered list of named steps a handler runs one after another
// (stopping at the first that throws its Alibaba error), and that the explain view runs in a dry
// run to say which pass and which fail. One list serves both, so the explanation cannot drift
// from what the action does.
// Known gap: after a failure, the explanation goes on with the checks whose inputs are known; the
// action itself stops at the first failure, which is the answer it gives (`answer` below).
import { ApiError } from '../errors/api-error.js';
import type { HandlerContext } from './action.js';

export interface Check<S> {
  /** What is checked, in words. */
  readonly label: string;
  /** The error codes this check may answer with. */
  readonly codes: readonly string[];
  /** State an earlier check finds (the interface, its peer): without it this check cannot run. */
  readonly needs?: readonly (keyof S)[];
  run(s: S, ctx: HandlerContext): Promise<void> | void;
}

/** Runs the checks in order; the first failure is thrown as the action's error. */
export async function runChecks<S>(checks: readonly Check<S>[], s: S, ctx: HandlerContext): Promise<S> {
  for (const c of checks) await c.run(s, ctx);
  return s;
}

export interface CheckOutcome {
  step: number;
  label: string;
  result: 'passed' | 'failed' | 'not reached';
  /** The codes this check may answer with. */
  codes: readonly string[];
  /** A failed check: the error the action would answer with. */
  error?: { code: string; status: number; message: string };
  /** Not reached: which earlier finding it needed. */
  reason?: string;
}

export interface Explained {
  /** The action's answer right now: the first failed check's error, or success. */
  answer: { ok: true } | { ok: false; code: string; status: number; message: string };
  checks: CheckOutcome[];
}

/** Runs every check it can (see the gap above) and records each outcome. Errors other than ApiError are bugs and propagate. */
export async function explainChecks<S>(checks: readonly Check<S>[], s: S, ctx: HandlerContext, first = 1): Promise<Explained> {
  const outcomes: CheckOutcome[] = [];
  let answer: Explained['answer'] = { ok: true };
  for (const [i, c] of checks.entries()) {
    const base = { step: first + i, label: c.label, codes: c.codes };
    const missing = (c.needs ?? []).filter((k) => s[k] === undefined);
    if (missing.length > 0) {
      outcomes.push({
        ...base,
        result: 'not reached',
        reason: `needs ${missing.map(String).join(', ')}, which an earlier check did not find`,
      });
      continue;
    }
    try {
      await c.run(s, ctx);
      outcomes.push({ ...base, result: 'passed' });
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      const error = { code: e.code, status: e.status, message: e.message };
      outcomes.push({ ...base, result: 'failed', error });
      if (answer.ok) answer = { ok: false, ...error };
    }
  }
  return { answer, checks: outcomes };
}

/** A value an earlier check found (the `needs` of a check guarantee it is there). */
export function found<T>(v: T | undefined, what: string): T {
  if (v === undefined) throw new Error(`check order: ${what} is not known yet`);
  return v;
}
