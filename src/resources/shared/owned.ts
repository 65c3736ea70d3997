// "The caller's resource": looked up by id, and treated as absent (the action's not-found code)
// when it belongs to another account or, when a region is given, lives in another region.
import type { ErrorCode, HandlerContext } from '../../engine/action.js';
import type { TableDef } from '../../store/port.js';

type Owned = { accountId: string; regionId: string };

/** The row, when it is the caller's (and in `regionId`, when given); undefined otherwise. */
export async function visible<T extends Owned>(
  ctx: HandlerContext,
  table: TableDef<T>,
  id: string,
  regionId: string | undefined,
): Promise<T | undefined> {
  const row = await ctx.tx.repo(table).get(id);
  return row && row.accountId === ctx.caller.id && (regionId === undefined || row.regionId === regionId) ? row : undefined;
}

export async function owned<T extends Owned>(
  ctx: HandlerContext,
  table: TableDef<T>,
  id: string,
  regionId: string | undefined,
  notFound: ErrorCode<'Vpc'>,
  ...args: string[]
): Promise<T> {
  const row = await visible(ctx, table, id, regionId);
  if (!row) throw ctx.error(notFound, ...args);
  return row;
}
