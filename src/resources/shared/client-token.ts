// ClientToken idempotency: a write repeated with the same token by the same account answers what
// the first one answered and changes nothing. Kept in the database, in the write's transaction.
import type { ActionContext } from '../../actions/registry-types.js';
import type { TableDef } from '../../store/store.js';

interface TokenRow {
  id: string;
  result: string;
  createdAt: number;
}

const TOKENS: TableDef<TokenRow> = { table: 'client_tokens', key: 'id', columns: ['id', 'result', 'createdAt'] };

export function idempotent<O extends object>(ctx: ActionContext, action: string, token: string | undefined, run: () => O): O {
  if (!token) return run();
  const repo = ctx.store.repo(TOKENS);
  const id = `${ctx.account.id}:${action}:${token}`;
  const seen = repo.get(id);
  if (seen) return JSON.parse(seen.result) as O;
  const result = run();
  repo.insert({ id, result: JSON.stringify(result), createdAt: ctx.now });
  return result;
}
