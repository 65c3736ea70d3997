// "The caller's resource": looked up by id, and treated as absent (the action's not-found code)
// when it belongs to another account or, when a region is given, lives in another region.
import type { ErrorCode, HandlerContext } from '../../engine/action.js';
import type { TableDef } from '../../store/port.js';

export async function owned<T extends { accountId: string; regionId: string }>(
  ctx: HandlerContext,
  table: TableDef<T>,
  id: string,
  regionId: string | undefined,
  notFound: ErrorCode<'Vpc'>,
  ...args: string[]
): Promise<T> {
  const row = await ctx.tx.repo(table).get(id);
  if (!row || row.accountId !== ctx.caller.id || (regionId !== undefined && row.regionId !== regionId)) throw ctx.error(notFound, ...args);
  return row;
}
