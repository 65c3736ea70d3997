// DescribePhysicalConnections: the caller's connections in the region, by the filter keys, tags
// and resource group, in creation order. `Allocation Failed` (the spelling of Alibaba's status
// enum here) filters as AllocationFailed.
import { defineAction } from '../../engine/action.js';
import { listPage, page, pageFields } from '../../core/paging.js';
import { isoSeconds, NEVER_EXPIRES } from '../../core/time.js';
import { readFilters, someOf } from '../shared/filters.js';
import { hasTags, parseTags } from '../shared/validation.js';
import { PC_STATUSES } from './model.js';
import { PHYSICAL_CONNECTIONS } from './storage.js';

const KEYS = ['PhysicalConnectionId', 'AccessPointId', 'Type', 'Status', 'Name', 'ProductType'] as const;

export const describePhysicalConnections = defineAction({
  product: 'Vpc',
  name: 'DescribePhysicalConnections',
  mode: 'read',
  handler: async (input, ctx) => {
    const f = readFilters(ctx, input.Filter, KEYS);
    const p = page(input.PageNumber, input.PageSize);
    const productType = f.get('ProductType');
    const where = {
      accountId:
        productType && !productType.includes('VirtualPhysicalConnection') && !productType.includes('PhysicalConnection')
          ? []
          : ctx.caller.id,
      regionId: input.RegionId,
      id: f.get('PhysicalConnectionId'),
      accessPointId: f.get('AccessPointId'),
      type: f.get('Type'),
      status: someOf(
        PC_STATUSES,
        f.get('Status')?.map((s) => (s === 'Allocation Failed' ? 'AllocationFailed' : s)),
      ),
      name: f.get('Name'),
      resourceGroupId: input.ResourceGroupId,
    };
    const keep = input.Tags?.length ? (pc: { tags: string }) => hasTags(pc.tags, input.Tags) : undefined;
    const { total, rows } = await listPage(ctx.tx.repo(PHYSICAL_CONNECTIONS), where, p, keep);
    return {
      ...pageFields(total, p),
      PhysicalConnectionSet: {
        PhysicalConnectionType: rows.map((pc) => ({
          PhysicalConnectionId: pc.id,
          AccessPointId: pc.accessPointId,
          AccessPointType: 'VPC',
          Type: pc.type,
          Status: pc.status,
          BusinessStatus: 'Normal',
          LineOperator: pc.lineOperator,
          PortType: pc.portType,
          PortNumber: '',
          Bandwidth: pc.bandwidth,
          Spec: '',
          Name: pc.name,
          Description: pc.description,
          CircuitCode: pc.circuitCode,
          PeerLocation: pc.peerLocation,
          AdLocation: '',
          RedundantPhysicalConnectionId: pc.redundantId,
          CreationTime: isoSeconds(pc.createdAt),
          EnabledTime: pc.enabledAt ? isoSeconds(pc.enabledAt) : '',
          EndTime: NEVER_EXPIRES,
          ChargeType: 'PrePaid',
          ProductType: 'PhysicalConnection',
          HasReservationData: 'false',
          LoaStatus: '',
          VirtualPhysicalConnectionCount: 0,
          ResourceGroupId: pc.resourceGroupId,
          Tags: { tags: parseTags(pc.tags) },
        })),
      },
    };
  },
});
