// AssociateRouteTable and UnassociateRouteTable: a custom route table serves a vSwitch of its VPC
// (one table per vSwitch; a table may serve many). The vSwitch's System entry moves with it.
// Replacing one custom table by another needs no unassociate; the system table cannot be
// associated (OperationDenied.SwitchToSystemRouteTable: unassociate instead) or unassociated.
// Instant (Alibaba shows the vSwitch Pending for a moment).
import { defineAction, type HandlerContext } from '../../engine/action.js';
import { idempotent } from '../shared/client-token.js';
import { owned } from '../shared/owned.js';
import { getVSwitch, setRouteTable } from '../vswitch/queries.js';
import type { VSwitch } from '../vswitch/model.js';
import type { RouteTable } from './model.js';
import { ROUTE_TABLES } from './storage.js';

async function pair(
  ctx: HandlerContext,
  input: { RegionId: string; RouteTableId: string; VSwitchId: string },
): Promise<{ table: RouteTable; vswitch: VSwitch }> {
  const table = await owned(ctx, ROUTE_TABLES, input.RouteTableId, input.RegionId, 'InvalidRouteTableId.NotFound');
  const vswitch = await getVSwitch(ctx.tx, input.VSwitchId);
  if (!vswitch || vswitch.accountId !== ctx.caller.id || vswitch.regionId !== input.RegionId) throw ctx.error('InvalidVSwitchId.NotFound');
  if (vswitch.status !== 'Available') throw ctx.error('IncorrectVSwitchStatus');
  return { table, vswitch };
}

export const associateRouteTable = defineAction({
  product: 'Vpc',
  name: 'AssociateRouteTable',
  mode: 'write',
  handler: (input, ctx) =>
    idempotent(ctx, 'AssociateRouteTable', input, async () => {
      const { table, vswitch } = await pair(ctx, input);
      if (table.vpcId !== vswitch.vpcId) throw ctx.error('Forbidden.NotInSameVpc');
      if (table.type === 'System') throw ctx.error('OperationDenied.SwitchToSystemRouteTable');
      if (table.status !== 'Available') throw ctx.error('IncorrectStatus.RouteTable');
      if (table.associateType !== 'VSwitch') throw ctx.error('OperationDenied.AssociateGatewayRouteTable');
      if (vswitch.routeTableId === table.id) throw ctx.error('ResourceAlreadyAssociated.RouteTable');
      await setRouteTable(ctx.tx, vswitch, table.id);
      return {};
    }),
});

export const unassociateRouteTable = defineAction({
  product: 'Vpc',
  name: 'UnassociateRouteTable',
  mode: 'write',
  handler: (input, ctx) =>
    idempotent(ctx, 'UnassociateRouteTable', input, async () => {
      const { table, vswitch } = await pair(ctx, input);
      if (table.type === 'System') throw ctx.error('OperationUnsupported.SystemRouteTable');
      if (vswitch.routeTableId !== table.id) throw ctx.error('InvalidBindingStatus.RouteTable');
      await setRouteTable(ctx.tx, vswitch, '');
      return {};
    }),
});
