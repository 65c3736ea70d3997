// A resource module: everything one folder under src/resources/ brings, declared once. The
// composition root (src/app/modules.ts) lists the modules; the registry, the schema, the settlers,
// the transition kinds and the journal's resource keys are all assembled from that one list, so a
// new resource is a new folder and one line there.
import type { ActionDef, Product, TransitionKind } from './action.js';
import type { Settler } from './transitions.js';
import type { AnyTableDef, Migration, ModuleSchema } from '../store/port.js';
import type { ActionFacts } from '../spec/types.js';
import { vpcFacts } from '../spec/vpc-facts.generated.js';
import { stsFacts } from '../spec/sts-facts.generated.js';

export interface ResourceModule {
  name: string;
  tables?: readonly AnyTableDef[];
  /** Numbered schema changes per dialect (the module's own numbering). */
  migrations?: { sqlite: readonly Migration[]; postgres?: readonly Migration[] };
  actions?: readonly ActionDef[];
  settlers?: readonly Settler[];
  transitions?: readonly TransitionKind[];
  /** Parameter and result fields that name the resource a call is about (journal, faults), most specific first. */
  resourceKeys?: readonly string[];
}

export function defineModule(m: ResourceModule): ResourceModule {
  return m;
}

/** What the products answer: their facts, the versions that reach them, the host in error bodies. */
export interface ProductInfo {
  product: Product;
  host: string;
  actions: Record<string, ActionFacts>;
}

const PRODUCTS: Record<Product, ProductInfo> = {
  Vpc: { product: 'Vpc', host: 'vpc.aliyuncs.com', actions: vpcFacts.actions },
  Sts: { product: 'Sts', host: 'sts.aliyuncs.com', actions: stsFacts.actions },
};

/** Versions each product answers. The Go SDK's ecs package sends the ECS version 2014-05-26 for the same actions. */
const VERSIONS = new Map<string, ProductInfo>([
  ['2016-04-28', PRODUCTS.Vpc],
  ['2014-05-26', PRODUCTS.Vpc],
  ['2015-04-01', PRODUCTS.Sts],
]);

/** The product a request's Version reaches (a Map: `constructor` or `__proto__` find nothing). */
export function productOfVersion(version: string): ProductInfo | undefined {
  return VERSIONS.get(version);
}

export function productInfo(product: Product): ProductInfo {
  return PRODUCTS[product];
}

/** The registry and everything else assembled from the module list. */
export class Registry {
  private readonly byKey = new Map<string, ActionDef>();
  readonly resourceKeys: readonly string[];
  readonly settlers: readonly Settler[];
  readonly transitionKinds: readonly TransitionKind[];
  readonly schema: readonly ModuleSchema[];

  constructor(readonly modules: readonly ResourceModule[]) {
    for (const m of modules) {
      for (const a of m.actions ?? []) {
        const key = `${a.product}:${a.name}`;
        if (this.byKey.has(key)) throw new Error(`${key} is declared twice (module ${m.name})`);
        if (!Object.hasOwn(PRODUCTS[a.product].actions, a.name)) throw new Error(`${key} (module ${m.name}) is not in the spec`);
        this.byKey.set(key, a);
      }
    }
    this.resourceKeys = [...new Set(modules.flatMap((m) => m.resourceKeys ?? []))];
    this.settlers = modules.flatMap((m) => m.settlers ?? []);
    this.transitionKinds = modules.flatMap((m) => m.transitions ?? []);
    this.schema = modules.map((m) => ({
      module: m.name,
      tables: m.tables ?? [],
      migrations: m.migrations?.sqlite ?? [],
      postgresMigrations: m.migrations?.postgres ?? [],
    }));
  }

  action(product: Product, name: string): ActionDef | undefined {
    return this.byKey.get(`${product}:${name}`);
  }

  /** Every implemented action of a product, by name. */
  actions(product: Product): ActionDef[] {
    return [...this.byKey.values()].filter((a) => a.product === product).sort((a, b) => a.name.localeCompare(b.name));
  }

  /** Every table of every module. */
  tables(): AnyTableDef[] {
    return this.modules.flatMap((m) => m.tables ?? []);
  }
}
