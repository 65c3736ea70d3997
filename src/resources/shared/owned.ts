// "The caller's resource": looked up by id, and treated as absent (the action's not-found code)
// when it belongs to another account or, when a region is given, lives in another region.
import type { ActionContext } from '../../actions/registry-types.js';
import type { Repo } from '../../store/store.js';

export function owned<T extends { accountId: string; regionId: string }>(
  ctx: ActionContext,
  repo: Repo<T>,
  id: string,
  regionId: string | undefined,
  notFound: string,
  ...args: string[]
): T {
  const row = repo.get(id);
  if (!row || row.accountId !== ctx.account.id || (regionId !== undefined && row.regionId !== regionId)) throw ctx.error(notFound, ...args);
  return row;
}
