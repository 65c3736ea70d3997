import { defineAction } from '../../actions/registry-types.js';
import { REGIONS } from './data.js';

interface Input {
  AcceptLanguage?: string;
  ProductType?: string;
}

export const describeRegions = defineAction({
  product: 'Vpc',
  name: 'DescribeRegions',
  mode: 'read',
  handler: (input: Input) => {
    const en = input.AcceptLanguage?.toLowerCase().startsWith('en') ?? false;
    return {
      Regions: {
        Region: REGIONS.map((r) => ({ RegionId: r.regionId, RegionEndpoint: r.endpoint, LocalName: en ? r.nameEn : r.nameZh })),
      },
    };
  },
});
