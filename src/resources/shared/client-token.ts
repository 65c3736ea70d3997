// ClientToken idempotency: a write repeated with the same token by the same account answers what
// the first one answered and changes nothing. Kept in the database, in the write's unit of work.
// The same token with other parameters is IdempotentParameterMismatch (400), Alibaba's code for it
// (in the published metadata of the gateway-endpoint actions; the VPC documentation describes the
// token as identifying one request, and AWS answers the same code).
// Known gap: tokens are kept for ever (Alibaba keeps them for a limited time it does not state).
import { createHash } from 'node:crypto';
import type { HandlerContext } from '../../engine/action.js';
import { CLIENT_TOKENS } from './storage.js';

/** A stable digest of a request's parameters, the token itself left out. */
function requestDigest(input: Record<string, unknown>): string {
  const stable = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(stable)
      : v !== null && typeof v === 'object'
        ? Object.fromEntries(
            Object.keys(v)
              .sort()
              .map((k) => [k, stable((v as Record<string, unknown>)[k])]),
          )
        : v;
  const { ClientToken: _token, ...rest } = input;
  return createHash('sha256')
    .update(JSON.stringify(stable(rest)))
    .digest('base64url');
}

export async function idempotent<O extends object>(
  ctx: HandlerContext,
  action: string,
  input: { ClientToken?: string | undefined },
  run: () => Promise<O>,
): Promise<O> {
  const token = input.ClientToken;
  if (!token) return run();
  const repo = ctx.tx.repo(CLIENT_TOKENS);
  const id = `${ctx.caller.id}:${action}:${token}`;
  const request = requestDigest(input);
  const seen = await repo.get(id);
  if (seen) {
    // Rows from before digests were kept have none, and match any request.
    if (seen.request && seen.request !== request) throw ctx.error('IdempotentParameterMismatch');
    // The stored answer is the JSON of the first call's result, of the same action (so of type O).
    return JSON.parse(seen.result) as O;
  }
  const result = await run();
  await repo.insert({ id, result: JSON.stringify(result), createdAt: ctx.now, request });
  return result;
}
