// DescribeVirtualBorderRouters: the caller's VBRs in the region (and, with IncludeCrossAccountVbr,
// those it made on its physical connections for other accounts), by the filter keys, tags and
// resource group, with the status of each VBR's physical connection.
import { defineAction } from '../../engine/action.js';
import { page, pageFields } from '../../core/paging.js';
import { isoSeconds } from '../../core/time.js';
import { readFilters, someOf } from '../shared/filters.js';
import { hasTags, parseTags } from '../shared/validation.js';
import { VBR_STATUSES, type PcStatus, type Vbr } from './model.js';
import { PHYSICAL_CONNECTIONS, VBRS } from './storage.js';

const KEYS = ['PhysicalConnectionId', 'VbrId', 'Status', 'Name', 'AccessPointId', 'eccId', 'type'] as const;

function time(ms: number): string {
  return ms ? isoSeconds(ms) : '';
}

export const describeVirtualBorderRouters = defineAction({
  product: 'Vpc',
  name: 'DescribeVirtualBorderRouters',
  mode: 'read',
  handler: async (input, ctx) => {
    const f = readFilters(ctx, input.Filter, KEYS);
    const p = page(input.PageNumber, input.PageSize);
    const vbrs = ctx.tx.repo(VBRS);
    const where = {
      accountId: f.has('eccId') ? [] : ctx.caller.id,
      regionId: input.RegionId,
      physicalConnectionId: f.get('PhysicalConnectionId'),
      id: f.get('VbrId'),
      status: someOf(VBR_STATUSES, f.get('Status')),
      name: f.get('Name'),
      accessPointId: f.get('AccessPointId'),
      resourceGroupId: input.ResourceGroupId,
    };
    // VBRs this account created for other accounts on its own physical connections, when asked for.
    const cross = input.IncludeCrossAccountVbr
      ? (await vbrs.find({ ...where, accountId: undefined, physicalConnectionOwnerId: ctx.caller.id })).filter(
          (v) => v.accountId !== ctx.caller.id,
        )
      : [];
    const all: Vbr[] = [...(await vbrs.find(where, { orderBy: ['createdAt', 'id'] })), ...cross].filter((v) => hasTags(v.tags, input.Tags));
    const shown = all.slice(p.offset, p.offset + p.pageSize);
    const pcStatus = new Map<string, PcStatus | undefined>();
    for (const v of shown) {
      if (!pcStatus.has(v.physicalConnectionId)) {
        pcStatus.set(v.physicalConnectionId, (await ctx.tx.repo(PHYSICAL_CONNECTIONS).get(v.physicalConnectionId))?.status);
      }
    }
    return {
      ...pageFields(all.length, p),
      VirtualBorderRouterSet: {
        VirtualBorderRouterType: shown.map((v) => ({
          VbrId: v.id,
          Name: v.name,
          Description: v.description,
          Status: v.status,
          Type: 'pconnVBR',
          AccessPointId: v.accessPointId,
          PhysicalConnectionId: v.physicalConnectionId,
          PhysicalConnectionOwnerUid: v.physicalConnectionOwnerId,
          PhysicalConnectionStatus: pcStatus.get(v.physicalConnectionId) ?? '',
          PhysicalConnectionBusinessStatus: 'Normal',
          VlanId: v.vlanId,
          VlanInterfaceId: v.vlanInterfaceId,
          RouteTableId: v.routeTableId,
          LocalGatewayIp: v.localGatewayIp,
          PeerGatewayIp: v.peerGatewayIp,
          PeeringSubnetMask: v.peeringSubnetMask,
          LocalIpv6GatewayIp: v.localIpv6GatewayIp,
          PeerIpv6GatewayIp: v.peerIpv6GatewayIp,
          PeeringIpv6SubnetMask: v.peeringIpv6SubnetMask,
          EnableIpv6: v.enableIpv6,
          CircuitCode: v.circuitCode,
          Bandwidth: v.bandwidth,
          CreationTime: isoSeconds(v.createdAt),
          ActivationTime: isoSeconds(v.activatedAt),
          TerminationTime: time(v.terminatedAt),
          RecoveryTime: time(v.recoveredAt),
          MinRxInterval: v.minRxInterval,
          MinTxInterval: v.minTxInterval,
          DetectMultiplier: v.detectMultiplier,
          Mtu: v.mtu,
          SitelinkEnable: v.sitelinkEnable,
          ResourceGroupId: v.resourceGroupId,
          AssociatedPhysicalConnections: { AssociatedPhysicalConnection: [] },
          AssociatedCens: { AssociatedCen: [] },
          Tags: { Tags: parseTags(v.tags) },
        })),
      },
    };
  },
});
