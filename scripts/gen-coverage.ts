// Renders docs/coverage.md: how much of each product's published API LocalVPC implements (from
// the registry and the spec's facts), and which Terraform resources and data sources it serves
// (from scripts/coverage-data.ts). `npm run gen:coverage`; test/unit/coverage.test.ts fails when
// docs/coverage.md is stale.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { productOfVersion, Registry } from '../src/engine/module.js';
import { MODULES } from '../src/app/modules.js';
import type { Product } from '../src/engine/action.js';
import type { ProductFacts } from '../src/spec/types.js';
import { vpcFacts } from '../src/spec/vpc-facts.generated.js';
import { stsFacts } from '../src/spec/sts-facts.generated.js';
import { TERRAFORM, type ActionRef, type TerraformEntry } from './coverage-data.js';

/** Every product LocalVPC answers, with its spec's facts (all the actions of its published API). */
const FACTS: Record<Product, ProductFacts<string>> = { Vpc: vpcFacts, Sts: stsFacts };

export const COVERAGE = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'docs', 'coverage.md');

type Served = (ref: ActionRef) => boolean;

/** An action counts as served when its version reaches a product of LocalVPC that implements it. */
function servedBy(registry: Registry): Served {
  return (ref) => {
    const info = productOfVersion(ref.api.version);
    return info !== undefined && registry.action(info.product, ref.action) !== undefined;
  };
}

/** A misspelt action of a product whose spec we have would read as "missing" forever: refuse it. */
function checkNames(entries: readonly TerraformEntry[]): void {
  for (const e of entries) {
    for (const ref of [...e.always, ...e.conditional]) {
      const facts = (FACTS as Partial<Record<string, ProductFacts<string>>>)[ref.api.product];
      if (facts && facts.version === ref.api.version && !Object.hasOwn(facts.actions, ref.action)) {
        throw new Error(`${e.name}: ${ref.api.product} ${ref.api.version} has no action ${ref.action}`);
      }
    }
  }
}

function pct(n: number, total: number): string {
  return `${total ? ((100 * n) / total).toFixed(1) : '0.0'} %`;
}

function label(ref: ActionRef): string {
  return `\`${ref.action}\`${ref.oldSdk ? ' (old SDK)' : ''}`;
}

/** Actions by API: Vpc ones as they are, the others after their product and version. */
function labels(refs: ActionRef[], mark: (ref: ActionRef) => string = () => ''): string {
  const groups = new Map<string, string[]>();
  for (const ref of refs) {
    const api = ref.api.product === 'Vpc' ? '' : `${ref.api.product} ${ref.api.version}: `;
    groups.set(api, [...(groups.get(api) ?? []), label(ref) + mark(ref)]);
  }
  return [...groups].map(([api, list]) => api + list.join(', ')).join('; ');
}

type Status = 'fully served' | 'partly served' | 'not served';

function statusOf(e: TerraformEntry, served: Served): { status: Status; missingAlways: ActionRef[]; missingConditional: ActionRef[] } {
  const missingAlways = e.always.filter((r) => !served(r));
  const missingConditional = e.conditional.filter((r) => !served(r));
  const status: Status = missingAlways.length ? 'not served' : missingConditional.length ? 'partly served' : 'fully served';
  return { status, missingAlways, missingConditional };
}

function productsSection(registry: Registry): string[] {
  const out = [
    '## Actions per product',
    '',
    '| product | version | implemented | actions in the spec | share |',
    '| --- | --- | ---: | ---: | ---: |',
  ];
  for (const [product, facts] of Object.entries(FACTS) as [Product, ProductFacts<string>][]) {
    const n = registry.actions(product).length;
    const total = Object.keys(facts.actions).length;
    out.push(`| ${product} | ${facts.version} | ${n} | ${total} | ${pct(n, total)} |`);
  }
  for (const [product, facts] of Object.entries(FACTS) as [Product, ProductFacts<string>][]) {
    const actions = registry.actions(product);
    out.push('', `### ${product} ${facts.version}: implemented actions (${actions.length})`, '');
    out.push(actions.map((a) => `\`${a.name}\``).join(', ') || '(none)');
  }
  return out;
}

function terraformSection(registry: Registry): string[] {
  const served = servedBy(registry);
  const rows = TERRAFORM.map((e) => ({ e, ...statusOf(e, served) }));
  const count = (s: Status) => rows.filter((r) => r.status === s).length;
  const out = [
    '## Terraform (terraform-provider-alicloud 1.289.0)',
    '',
    'What each resource and data source of the VPC / Express Connect area calls, from a trace of the provider ' +
      '(`scripts/coverage-data.ts`). **Fully served**: every action it calls, always and conditionally, is implemented. ' +
      '**Partly served**: a plain create, refresh and destroy works (every action it always calls is implemented); ' +
      'the missing actions are reached only by some arguments or updates. **Not served**: an action it always calls is missing. ' +
      'Actions of other products count as served only where LocalVPC answers their version (ECS 2014-05-26 reaches the ' +
      'Vpc actions of the same name; STS 2015-04-01 is served); BssOpenApi and ExpressConnectRouter are not.',
    '',
    `${rows.length} resources and data sources: ${count('fully served')} fully served, ${count('partly served')} partly served, ${count('not served')} not served.`,
    '',
    '| resource / data source | kind | status | missing actions |',
    '| --- | --- | --- | --- |',
  ];
  for (const r of rows) {
    const missing: string[] = [
      ...(r.missingAlways.length ? [`always: ${labels(r.missingAlways)}`] : []),
      ...(r.missingConditional.length ? [`conditional: ${labels(r.missingConditional)}`] : []),
    ];
    out.push(`| \`${r.e.name}\` | ${r.e.kind} | ${r.status} | ${missing.join('; ') || '–'} |`);
  }
  out.push('', '### The actions each one calls', '', 'A ✓ marks an action LocalVPC implements, a ✗ one it does not.');
  for (const r of rows) {
    const list = (refs: ActionRef[]) => labels(refs, (ref) => (served(ref) ? ' ✓' : ' ✗')) || '–';
    out.push('', `#### \`${r.e.name}\` (${r.e.kind}): ${r.status}`, '');
    out.push(`- always: ${list(r.e.always)}`);
    out.push(`- conditional: ${list(r.e.conditional)}`);
    if (r.e.note) out.push(`- note: ${r.e.note}`);
  }
  return out;
}

/** The whole of docs/coverage.md. */
export function renderCoverage(): string {
  checkNames(TERRAFORM);
  const registry = new Registry(MODULES);
  return (
    [
      '# Coverage',
      '',
      '<!-- Generated by scripts/gen-coverage.ts (`npm run gen:coverage`) from the action registry, the spec facts and',
      'scripts/coverage-data.ts. Do not edit by hand: test/unit/coverage.test.ts fails when this file is stale. -->',
      '',
      ...productsSection(registry),
      '',
      ...terraformSection(registry),
    ].join('\n') + '\n'
  );
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(COVERAGE, renderCoverage());
  console.log('docs/coverage.md regenerated');
}
