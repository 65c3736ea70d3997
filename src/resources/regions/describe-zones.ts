import { defineAction } from '../../engine/action.js';
import { region } from './data.js';

export const describeZones = defineAction({
  product: 'Vpc',
  name: 'DescribeZones',
  mode: 'read',
  handler: (input) => {
    const r = region(input.RegionId);
    const en = input.AcceptLanguage?.toLowerCase().startsWith('en') ?? false;
    // Only availability zones exist here; a request for another ZoneType (e.g. "EdgeZone") gets none.
    const zoneType = input.ZoneType ?? 'AvailabilityZone';
    const letters = r && zoneType === 'AvailabilityZone' ? [...r.zoneLetters] : [];
    const zh = r?.nameZh.replace(/（.*$/, '') ?? '';
    return Promise.resolve({
      Zones: {
        Zone: letters.map((l) => ({
          ZoneId: `${input.RegionId}-${l}`,
          LocalName: en ? `${r?.cityEn} Zone ${l.toUpperCase()}` : `${zh} 可用区${l.toUpperCase()}`,
          ZoneType: 'AvailabilityZone',
        })),
      },
    });
  },
});
