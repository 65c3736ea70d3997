import { defineAction } from '../../engine/action.js';
import { page, pageFields } from '../../core/paging.js';
import { ACCESS_POINTS } from './access-points.js';

export const describeAccessPoints = defineAction({
  product: 'Vpc',
  name: 'DescribeAccessPoints',
  mode: 'read',
  handler: (input) => {
    const p = page(input.PageNumber, input.PageSize);
    const all = ACCESS_POINTS.filter((a) => a.regionId === input.RegionId);
    return Promise.resolve({
      ...pageFields(all.length, p),
      AccessPointSet: {
        AccessPointType: all.slice(p.offset, p.offset + p.pageSize).map((a) => ({
          AccessPointId: a.id,
          Name: a.name,
          Description: a.location,
          Status: a.status,
          Type: 'VPC',
          HostOperator: a.hostOperator,
          Location: a.location,
          AttachedRegionNo: a.regionId,
          AccessPointFeatureModels: { AccessPointFeatureModel: [] },
        })),
      },
    });
  },
});
