// ClientToken idempotency: a write repeated with the same token by the same account answers what
// the first one answered and changes nothing. Kept in the database, in the write's unit of work.
import type { HandlerContext } from '../../engine/action.js';
import { CLIENT_TOKENS } from './storage.js';

export async function idempotent<O extends object>(
  ctx: HandlerContext,
  action: string,
  token: string | undefined,
  run: () => Promise<O>,
): Promise<O> {
  if (!token) return run();
  const repo = ctx.tx.repo(CLIENT_TOKENS);
  const id = `${ctx.caller.id}:${action}:${token}`;
  const seen = await repo.get(id);
  // The stored answer is the JSON of the first call's result, of the same action (so of type O).
  if (seen) return JSON.parse(seen.result) as O;
  const result = await run();
  await repo.insert({ id, result: JSON.stringify(result), createdAt: ctx.now });
  return result;
}
