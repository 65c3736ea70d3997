import { defineAction } from '../../actions/registry-types.js';
import { page, pageFields } from '../../core/paging.js';
import { isoSeconds } from '../../core/time.js';
import { readFilters, type FilterInput } from '../shared/filters.js';
import { hasTags, parseTags, type Tag } from '../shared/validation.js';
import type { Vbr } from './model.js';

interface Input {
  RegionId: string;
  PageNumber?: number;
  PageSize?: number;
  Filter?: FilterInput[];
  IncludeCrossAccountVbr?: boolean;
  ResourceGroupId?: string;
  Tags?: Tag[];
}

const KEYS = ['PhysicalConnectionId', 'VbrId', 'Status', 'Name', 'AccessPointId', 'eccId', 'type'] as const;

export const describeVirtualBorderRouters = defineAction({
  product: 'Vpc',
  name: 'DescribeVirtualBorderRouters',
  mode: 'read',
  handler: (input: Input, ctx) => {
    const f = readFilters(ctx, input.Filter, KEYS);
    const p = page(input.PageNumber, input.PageSize);
    const { vbrs } = ctx.services.repos;
    const where = {
      accountId: f.has('eccId') ? [] : ctx.account.id,
      regionId: input.RegionId,
      physicalConnectionId: f.get('PhysicalConnectionId'),
      id: f.get('VbrId'),
      status: f.get('Status') as 'active'[] | undefined,
      name: f.get('Name'),
      accessPointId: f.get('AccessPointId'),
    };
    // VBRs this account created for other accounts on its own physical connections, when asked for.
    const cross = input.IncludeCrossAccountVbr
      ? vbrs
          .find({ ...where, accountId: undefined, physicalConnectionOwnerId: ctx.account.id })
          .filter((v) => v.accountId !== ctx.account.id)
      : [];
    const all: Vbr[] = [...vbrs.find(where, { orderBy: ['createdAt', 'id'] }), ...cross].filter((v) => hasTags(v.tags, input.Tags));
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
