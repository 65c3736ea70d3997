// The provider blocks `localvpc env --format terraform` prints, read back the way Terraform reads
// the settings the replay needs (region, keys, account_id, endpoints), and turned into the replay's
// providers: stack 3 runs on exactly what the command prints.
import { execFile } from 'node:child_process';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestServer } from '../helpers/server.js';
import type { ProviderOptions } from './provider.js';

const CLI = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'localvpc.mjs');

export interface ProviderBlock {
  settings: Record<string, string | boolean>;
  endpoints: Record<string, string>;
}

/** The `provider "alicloud" { ... }` blocks of a configuration: `key = "text"|true|false` and an `endpoints` block. */
export function providerBlocks(hcl: string): ProviderBlock[] {
  const blocks: ProviderBlock[] = [];
  let current: ProviderBlock | undefined;
  let inEndpoints = false;
  for (const raw of hcl.split('\n')) {
    const line = raw.replace(/\s+#.*$/, '').trim();
    if (line === '' || line.startsWith('#')) continue;
    if (/^provider "alicloud" \{$/.test(line)) {
      if (current) throw new Error('a provider block inside another');
      current = { settings: {}, endpoints: {} };
      continue;
    }
    if (!current) throw new Error(`outside a provider block: ${line}`);
    if (line === 'endpoints {') {
      inEndpoints = true;
      continue;
    }
    if (line === '}') {
      if (inEndpoints) inEndpoints = false;
      else {
        blocks.push(current);
        current = undefined;
      }
      continue;
    }
    const m = /^([a-z_]+)\s*=\s*(?:"([^"]*)"|(true|false))$/.exec(line);
    if (!m) throw new Error(`not a setting: ${line}`);
    const [, key, text, flag] = m as unknown as [string, string, string | undefined, string | undefined];
    if (inEndpoints) current.endpoints[key] = text ?? '';
    else current.settings[key] = text ?? flag === 'true';
  }
  if (current) throw new Error('an unclosed provider block');
  return blocks;
}

/** Runs `localvpc env --format terraform --region <regions>` against the server; answers its output. */
export function envTerraform(srv: TestServer, regions: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [CLI, 'env', '--format', 'terraform', '--region', regions.join(','), '--url', srv.url, '--token', srv.app.adminToken],
      { timeout: 30_000 },
      (err, stdout, stderr) => (err ? reject(new Error(`localvpc env failed: ${stderr}`)) : resolve(stdout)),
    );
  });
}

/**
 * A block as the replay's provider options, after checking it has what keeps the provider on
 * LocalVPC: HTTP, no BssOpenApi call (account_type), no STS call (account_id), every endpoint the
 * provider uses pointing at one server.
 */
export function providerOptions(block: ProviderBlock, alias?: string): ProviderOptions {
  const s = block.settings;
  const e = block.endpoints;
  const want: [string, unknown][] = [
    ['protocol', 'HTTP'],
    ['account_type', 'Domestic'],
    ['skip_region_validation', true],
  ];
  for (const [k, v] of want) if (s[k] !== v) throw new Error(`${k} is ${String(s[k])}, not ${String(v)}`);
  for (const k of ['ecs', 'sts', 'location'])
    if (e[k] !== e.vpc) throw new Error(`endpoints.${k} (${e[k]}) is not endpoints.vpc (${e.vpc})`);
  const text = (k: string): string => {
    const v = s[k];
    if (typeof v !== 'string' || v === '') throw new Error(`the block has no ${k}`);
    return v;
  };
  return {
    endpoint: e.vpc ?? '',
    key: { id: text('access_key'), secret: text('secret_key') },
    region: text('region'),
    accountId: text('account_id'),
    ...(alias ? { alias } : {}),
  };
}
