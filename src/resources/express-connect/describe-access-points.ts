import { defineAction } from '../../actions/registry-types.js';
import { page, pageFields } from '../../core/paging.js';
import { ACCESS_POINTS } from './access-points.js';

interface Input {
  RegionId: string;
  PageNumber?: number;
  PageSize?: number;
  AcceptLanguage?: string;
}

export const describeAccessPoints = defineAction({
  product: 'Vpc',
  name: 'DescribeAccessPoints',
  mode: 'read',
  handler: (input: Input) => {
    const p = page(input.PageNumber, input.PageSize);
    const all = ACCESS_POINTS.filter((a) => a.regionId === input.RegionId);
    return {
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
    };
  },
});
