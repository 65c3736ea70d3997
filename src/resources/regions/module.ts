// Regions and zones: the 32 regions of the spec's endpoints and a fixed set of zones per region.
import { defineModule } from '../../engine/module.js';
import { describeRegions } from './describe-regions.js';
import { describeZones } from './describe-zones.js';

export const regionsModule = defineModule({
  name: 'regions',
  actions: [describeRegions, describeZones],
});
