// `localvpc env`: the settings each kind of client needs to reach a running server (SDK
// environment variables as shell exports or JSON, a Terraform provider block, an aliyun CLI
// profile). `localvpc version`. Both are commands of more than one request or of none.
import { str, UsageError, type Parsed } from './args.js';
import { call } from './client.js';
import { regionIds, type Command, type RunContext } from './commands.js';
import { obj, show } from './format.js';
import { aliyunCliProfile, clientEnv, shellExports, terraformBlock, type ClientSettings } from '../app/client-settings.js';
import { packageVersion } from './version.js';

const FORMATS = ['sh', 'json', 'terraform', 'aliyun-cli'] as const;

/** `--region a,b`: the regions, each one LocalVPC knows, the first the default. */
function regionsOf(p: Parsed): string[] {
  const list = (str(p, 'region') ?? 'cn-hangzhou').split(',').map((r) => r.trim());
  const known = regionIds();
  for (const r of list) if (!known.includes(r)) throw new UsageError(`--region: unknown region "${r}"`);
  return list;
}

async function env(p: Parsed, ctx: RunContext): Promise<number> {
  const format = ctx.json ? 'json' : (str(p, 'format') ?? 'sh');
  const regions = regionsOf(p);
  const key = obj(await call(ctx.target, 'GET', '/_localvpc/env'));
  const settings: ClientSettings = {
    endpoint: ctx.target.url,
    aliUid: show(key.aliUid),
    accessKeyId: show(key.accessKeyId),
    accessKeySecret: show(key.accessKeySecret),
    region: regions[0] ?? 'cn-hangzhou',
    ...(ctx.target.token ? { adminToken: ctx.target.token } : {}),
  };
  const vars = clientEnv(settings);
  const out =
    format === 'json'
      ? JSON.stringify(vars, null, 2)
      : format === 'terraform'
        ? terraformBlock(settings, regions)
        : format === 'aliyun-cli'
          ? aliyunCliProfile(settings)
          : shellExports(vars);
  process.stdout.write(`${out}\n`);
  return 0;
}

export const ENV_COMMANDS: Command[] = [
  {
    noun: 'env',
    verb: '',
    args: '[--format sh|json|terraform|aliyun-cli] [--region R[,R...]]',
    summary:
      'Print the settings clients need to reach the server: sh (exports; eval "$(localvpc env)"), json, terraform (provider blocks, one per region), aliyun-cli (a profile).',
    flags: { format: { kind: 'text', choices: FORMATS }, region: { kind: 'text' } },
    request: () => ({ method: 'GET', path: '/_localvpc/env' }),
    run: env,
  },
  {
    noun: 'version',
    verb: '',
    args: '',
    summary: 'Print the version of this CLI (and of Node.js).',
    request: () => ({ method: 'GET', path: '/_localvpc/health' }),
    run: (_p, ctx) => {
      const v = { localvpc: packageVersion(), node: process.versions.node };
      process.stdout.write(ctx.json ? `${JSON.stringify(v, null, 2)}\n` : `localvpc ${v.localvpc} (Node.js ${v.node})\n`);
      return Promise.resolve(0);
    },
  },
];
