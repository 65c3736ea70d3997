// Regenerates the generated parts of README.md from the code: the supported-actions list (from the
// registry) and the configuration table (from config KEYS). `npm run gen:docs`; a test fails when
// README.md is stale.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { Registry } from '../src/engine/module.js';
import { MODULES } from '../src/app/modules.js';
import { DEFAULTS, KEYS } from '../src/config/config.js';
import { vpcFacts } from '../src/spec/vpc-facts.generated.js';

export function actionsBlock(): string {
  const registry = new Registry(MODULES);
  const vpc = registry.actions('Vpc');
  const sts = registry.actions('Sts');
  const total = Object.keys(vpcFacts.actions).length;
  return [
    `Vpc 2016-04-28: ${vpc.length} of the ${total} actions of the published API. Any other action of that API answers \`UnsupportedOperation.LocalVPC\` (400) after its parameters are validated.`,
    '',
    ...vpc.map((a) => `- \`${a.name}\` (${a.mode})`),
    '',
    'STS 2015-04-01 (same endpoint):',
    '',
    ...sts.map((a) => `- \`${a.name}\``),
  ].join('\n');
}

function defaultOf(key: string): string {
  const v = key.split('.').reduce<unknown>((o, p) => (o as Record<string, unknown> | undefined)?.[p], DEFAULTS);
  if (v === undefined) return '(none)';
  return `\`${typeof v === 'string' ? v : JSON.stringify(v)}\``;
}

export function configBlock(): string {
  return [
    '| key (config file) | flag | environment | default | meaning |',
    '| --- | --- | --- | --- | --- |',
    ...KEYS.map((k) => `| \`${k.key}\` | \`${k.flag}\` | \`${k.env}\` | ${defaultOf(k.key)} | ${k.doc.replace(/\|/g, '\\|')} |`),
  ].join('\n');
}

export function renderReadme(readme: string): string {
  const blocks: Record<string, string> = { actions: actionsBlock(), config: configBlock() };
  let out = readme;
  for (const [name, body] of Object.entries(blocks)) {
    const re = new RegExp(`(<!-- ${name}:start -->)[\\s\\S]*?(<!-- ${name}:end -->)`);
    if (!re.test(out)) throw new Error(`README.md has no ${name} markers`);
    out = out.replace(re, (_m, a: string, b: string) => `${a}\n${body}\n${b}`);
  }
  return out;
}

export const README = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'README.md');

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(README, renderReadme(readFileSync(README, 'utf8')));
  console.log('README.md regenerated');
}
