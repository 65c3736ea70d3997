// The access points of each region: a fixed, documented set of two per region, named in the style
// of Alibaba's (`ap-cn-hangzhou-yh-A`). Express Connect physical connections and VBRs hang on them.
import { REGIONS } from '../regions/data.js';

export interface AccessPoint {
  id: string;
  regionId: string;
  name: string;
  location: string;
  hostOperator: string;
  status: 'recommended' | 'hot';
}

export const ACCESS_POINTS: readonly AccessPoint[] = REGIONS.flatMap((r) => [
  {
    id: `ap-${r.regionId}-xa-A`,
    regionId: r.regionId,
    name: `${r.cityEn}-A`,
    location: `${r.cityEn} data centre A`,
    hostOperator: 'Alibaba Cloud',
    status: 'recommended' as const,
  },
  {
    id: `ap-${r.regionId}-xb-B`,
    regionId: r.regionId,
    name: `${r.cityEn}-B`,
    location: `${r.cityEn} data centre B`,
    hostOperator: 'Alibaba Cloud',
    status: 'hot' as const,
  },
]);

const BY_ID = new Map(ACCESS_POINTS.map((a) => [a.id, a]));

export function accessPoint(id: string): AccessPoint | undefined {
  return BY_ID.get(id);
}
