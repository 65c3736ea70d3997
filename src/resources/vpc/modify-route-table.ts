// ModifyRouteTableAttributes: name, description and route propagation of a route table of the
// caller (system or custom). Instant.
import { defineAction } from '../../engine/action.js';
import { isLooseName, isValidDescription } from '../shared/validation.js';
import { ROUTE_TABLES } from './storage.js';

export const modifyRouteTableAttributes = defineAction({
  product: 'Vpc',
  name: 'ModifyRouteTableAttributes',
  mode: 'write',
  handler: async (input, ctx) => {
    if (input.RouteTableName !== undefined && !isLooseName(input.RouteTableName)) throw ctx.error('Abs.InvaliTableName.Malformed');
    if (input.Description !== undefined && !isValidDescription(input.Description)) throw ctx.error('InvalidDescription.Malformed');
    const table = await ctx.tx.repo(ROUTE_TABLES).get(input.RouteTableId);
    if (!table || table.accountId !== ctx.caller.id || table.regionId !== input.RegionId)
      throw ctx.error('Abs.InvalidRouteTableId.NotExist');
    await ctx.tx.repo(ROUTE_TABLES).update({
      ...table,
      name: input.RouteTableName ?? table.name,
      description: input.Description ?? table.description,
      routePropagationEnable: input.RoutePropagationEnable ?? table.routePropagationEnable,
    });
    return {};
  },
});
