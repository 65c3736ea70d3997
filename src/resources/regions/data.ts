// The regions LocalVPC serves: exactly the 32 of the spec's `endpoints`, with their names in both
// languages DescribeRegions speaks, and a documented, plausible set of zones per region.
// Known gaps: zone letters follow public Alibaba listings as of 2026 where known; they are not
// queried live, and a region's zones never change at run time.
import { vpcFacts } from '../../spec/vpc-facts.generated.js';

export interface RegionInfo {
  regionId: string;
  endpoint: string;
  nameZh: string;
  nameEn: string;
  /** City or short name used in zone names. */
  cityEn: string;
  zoneLetters: string;
}

const NAMES: Record<string, [zh: string, en: string, city: string, zones: string]> = {
  'cn-qingdao': ['华北1（青岛）', 'China (Qingdao)', 'Qingdao', 'bc'],
  'cn-beijing': ['华北2（北京）', 'China (Beijing)', 'Beijing', 'acdefghijkl'],
  'cn-zhangjiakou': ['华北3（张家口）', 'China (Zhangjiakou)', 'Zhangjiakou', 'abc'],
  'cn-huhehaote': ['华北5（呼和浩特）', 'China (Hohhot)', 'Hohhot', 'ab'],
  'cn-wulanchabu': ['华北6（乌兰察布）', 'China (Ulanqab)', 'Ulanqab', 'abc'],
  'cn-hangzhou': ['华东1（杭州）', 'China (Hangzhou)', 'Hangzhou', 'bfghijk'],
  'cn-shanghai': ['华东2（上海）', 'China (Shanghai)', 'Shanghai', 'abefglmn'],
  'cn-nanjing': ['华东5（南京-本地地域）', 'China (Nanjing - Local Region)', 'Nanjing', 'a'],
  'cn-fuzhou': ['华东6（福州-本地地域）', 'China (Fuzhou - Local Region)', 'Fuzhou', 'a'],
  'cn-shenzhen': ['华南1（深圳）', 'China (Shenzhen)', 'Shenzhen', 'abcdef'],
  'cn-heyuan': ['华南2（河源）', 'China (Heyuan)', 'Heyuan', 'ab'],
  'cn-guangzhou': ['华南3（广州）', 'China (Guangzhou)', 'Guangzhou', 'ab'],
  'cn-chengdu': ['西南1（成都）', 'China (Chengdu)', 'Chengdu', 'ab'],
  'cn-hongkong': ['中国香港', 'China (Hong Kong)', 'Hong Kong', 'bcd'],
  'cn-wuhan-lr': ['华中1（武汉-本地地域）', 'China (Wuhan - Local Region)', 'Wuhan', 'a'],
  'cn-zhengzhou-jva': ['郑州（联通合营）', 'China (Zhengzhou - China Unicom JV)', 'Zhengzhou', 'a'],
  'cn-beijing-finance-1': ['华北2 金融云（邀测）', 'China North 2 Finance (Preview)', 'Beijing Finance', 'ab'],
  'ap-northeast-1': ['日本（东京）', 'Japan (Tokyo)', 'Tokyo', 'abc'],
  'ap-northeast-2': ['韩国（首尔）', 'South Korea (Seoul)', 'Seoul', 'a'],
  'ap-southeast-1': ['新加坡', 'Singapore', 'Singapore', 'abc'],
  'ap-southeast-2': ['澳大利亚（悉尼）', 'Australia (Sydney)', 'Sydney', 'ab'],
  'ap-southeast-3': ['马来西亚（吉隆坡）', 'Malaysia (Kuala Lumpur)', 'Kuala Lumpur', 'ab'],
  'ap-southeast-5': ['印度尼西亚（雅加达）', 'Indonesia (Jakarta)', 'Jakarta', 'abc'],
  'ap-southeast-6': ['菲律宾（马尼拉）', 'Philippines (Manila)', 'Manila', 'a'],
  'ap-southeast-7': ['泰国（曼谷）', 'Thailand (Bangkok)', 'Bangkok', 'a'],
  'ap-south-1': ['印度（孟买）', 'India (Mumbai)', 'Mumbai', 'ab'],
  'us-east-1': ['美国（弗吉尼亚）', 'US (Virginia)', 'Virginia', 'ab'],
  'us-west-1': ['美国（硅谷）', 'US (Silicon Valley)', 'Silicon Valley', 'ab'],
  'eu-west-1': ['英国（伦敦）', 'UK (London)', 'London', 'ab'],
  'eu-central-1': ['德国（法兰克福）', 'Germany (Frankfurt)', 'Frankfurt', 'abc'],
  'me-east-1': ['阿联酋（迪拜）', 'UAE (Dubai)', 'Dubai', 'a'],
  'me-central-1': ['沙特（利雅得）', 'SAU (Riyadh - Partner Region)', 'Riyadh', 'ab'],
};

export const REGIONS: readonly RegionInfo[] = vpcFacts.endpoints.map(({ regionId, endpoint }) => {
  const [nameZh, nameEn, cityEn, zoneLetters] = NAMES[regionId] ?? [regionId, regionId, regionId, 'a'];
  return { regionId, endpoint, nameZh, nameEn, cityEn, zoneLetters };
});

const BY_ID = new Map(REGIONS.map((r) => [r.regionId, r]));

export function region(regionId: string): RegionInfo | undefined {
  return BY_ID.get(regionId);
}

/** The zone ids of a region, as DescribeZones lists them (`cn-hangzhou-h`). */
export function zonesOf(regionId: string): string[] {
  const r = BY_ID.get(regionId);
  return r ? [...r.zoneLetters].map((l) => `${regionId}-${l}`) : [];
}

export function isZone(regionId: string, zoneId: string): boolean {
  return zonesOf(regionId).includes(zoneId);
}

export function isRegion(regionId: string): boolean {
  return BY_ID.has(regionId);
}

/** Mainland China regions; a link between one of these and any other region is cross-border. */
export function isMainland(regionId: string): boolean {
  return regionId.startsWith('cn-') && regionId !== 'cn-hongkong';
}
