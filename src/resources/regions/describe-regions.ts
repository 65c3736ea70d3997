import { defineAction } from '../../engine/action.js';
import { REGIONS } from './data.js';

/** The answer never changes: built once per language, frozen (the renderer caches its JSON). */
const answer = (en: boolean) =>
  Object.freeze({
    Regions: { Region: REGIONS.map((r) => ({ RegionId: r.regionId, RegionEndpoint: r.endpoint, LocalName: en ? r.nameEn : r.nameZh })) },
  });
const ZH = answer(false);
const EN = answer(true);

export const describeRegions = defineAction({
  product: 'Vpc',
  name: 'DescribeRegions',
  mode: 'read',
  handler: (input) => Promise.resolve((input.AcceptLanguage?.toLowerCase().startsWith('en') ?? false) ? EN : ZH),
});
