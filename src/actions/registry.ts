// The registry: every action LocalVPC implements, declared as data. Dispatch is one lookup here;
// the README's supported-actions list is generated from it (npm run gen:docs).
import type { ActionDef, Product } from './registry-types.js';
import type { VpcActionName } from '../spec/vpc-facts.generated.js';
import type { StsActionName } from '../spec/sts-facts.generated.js';
import { describeRegions } from '../resources/regions/describe-regions.js';
import { describeZones } from '../resources/regions/describe-zones.js';
import { getCallerIdentity } from '../resources/sts/get-caller-identity.js';

export const VPC_ACTIONS: Partial<Record<VpcActionName, ActionDef>> = {
  DescribeRegions: describeRegions,
  DescribeZones: describeZones,
};

export const STS_ACTIONS: Partial<Record<StsActionName, ActionDef>> = {
  GetCallerIdentity: getCallerIdentity,
};

export function lookupAction(product: Product, name: string): ActionDef | undefined {
  const table: Record<string, ActionDef | undefined> = product === 'Vpc' ? VPC_ACTIONS : STS_ACTIONS;
  return Object.hasOwn(table, name) ? table[name] : undefined;
}
