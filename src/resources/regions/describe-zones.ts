import { defineAction } from '../../actions/registry-types.js';
import { region } from './data.js';

interface Input {
  RegionId: string;
  ZoneType?: string;
  AcceptLanguage?: string;
}

export const describeZones = defineAction({
  product: 'Vpc',
  name: 'DescribeZones',
  mode: 'read',
  handler: (input: Input) => {
    const r = region(input.RegionId);
    const en = input.AcceptLanguage?.toLowerCase().startsWith('en') ?? false;
    // Only availability zones exist here; a request for another ZoneType (e.g. "EdgeZone") gets none.
    const zoneType = input.ZoneType ?? 'AvailabilityZone';
    const letters = r && zoneType === 'AvailabilityZone' ? [...r.zoneLetters] : [];
    const zh = r?.nameZh.replace(/（.*$/, '') ?? '';
    return {
      Zones: {
        Zone: letters.map((l) => ({
          ZoneId: `${input.RegionId}-${l}`,
          LocalName: en ? `${r?.cityEn} Zone ${l.toUpperCase()}` : `${zh} 可用区${l.toUpperCase()}`,
          ZoneType: 'AvailabilityZone',
        })),
      },
    };
  },
});
