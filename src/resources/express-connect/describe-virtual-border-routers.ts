import { defineAction } from '../../engine/action.js';
import { page, pageFields } from '../../core/paging.js';
import { isoSeconds } from '../../core/time.js';
import { readFilters, someOf } from '../shared/filters.js';
import { hasTags, parseTags } from '../shared/validation.js';
import { VBR_STATUSES, type Vbr } from './model.js';
import { VBRS } from './storage.js';

const KEYS = ['PhysicalConnectionId', 'VbrId', 'Status', 'Name', 'AccessPointId', 'eccId', 'type'] as const;

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
    };
    // VBRs this account created for other accounts on its own physical connections, when asked for.
    const cross = input.IncludeCrossAccountVbr
      ? (await vbrs.find({ ...where, accountId: undefined, physicalConnectionOwnerId: ctx.caller.id })).filter(
          (v) => v.accountId !== ctx.caller.id,
        )
      : [];
    const all: Vbr[] = [...(await vbrs.find(where, { orderBy: ['createdAt', 'id'] })), ...cross].filter((v) => hasTags(v.tags, input.Tags));
    return {
      ...pageFields(all.length, p),
      VirtualBorderRouterSet: {
        VirtualBorderRouterType: all.slice(p.offset, p.offset + p.pageSize).map((v) => ({
          VbrId: v.id,
          Name: v.name,
          Description: v.description,
          Status: v.status,
          Type: 'pconnVBR',
          AccessPointId: v.accessPointId,
          PhysicalConnectionId: v.physicalConnectionId,
          PhysicalConnectionOwnerUid: v.physicalConnectionOwnerId,
          PhysicalConnectionStatus: 'Enabled',
          PhysicalConnectionBusinessStatus: 'Normal',
          VlanId: v.vlanId,
          VlanInterfaceId: v.vlanInterfaceId,
          RouteTableId: v.routeTableId,
          LocalGatewayIp: v.localGatewayIp,
          PeerGatewayIp: v.peerGatewayIp,
          PeeringSubnetMask: v.peeringSubnetMask,
          CircuitCode: v.circuitCode,
          Bandwidth: v.bandwidth,
          CreationTime: isoSeconds(v.createdAt),
          ActivationTime: isoSeconds(v.activatedAt),
          EnableIpv6: false,
          MinRxInterval: 200,
          MinTxInterval: 200,
          DetectMultiplier: 3,
          ResourceGroupId: '',
          AssociatedPhysicalConnections: { AssociatedPhysicalConnection: [] },
          AssociatedCens: { AssociatedCen: [] },
          Tags: { Tags: parseTags(v.tags) },
        })),
      },
    };
  },
});
