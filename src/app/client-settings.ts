// What each kind of client needs to reach a running LocalVPC: environment variables (the official
// SDKs' credential providers, Terraform's, LocalVPC's own CLI), a Terraform provider block with the
// endpoint overrides it needs, an aliyun CLI profile. Used by `localvpc exec`, `localvpc env` and
// startLocalVpc().
// The variable names: ALIBABA_CLOUD_ACCESS_KEY_ID / ALIBABA_CLOUD_ACCESS_KEY_SECRET are what the
// credentials libraries' environment provider reads (@alicloud/credentials, credentials-go,
// credentials-java) and the aliyun CLI; ALICLOUD_ACCESS_KEY / ALICLOUD_SECRET_KEY / ALICLOUD_REGION
// are the Terraform provider's. Not confirmed: whether every older SDK reads either pair (pop-core
// and @alicloud/vpc20160428 take keys only from their config object: pass the variables there), and
// the aliyun CLI's `--insecure` (plain HTTP) flag, taken from its option list but not run here.

export interface ClientSettings {
  /** `http://127.0.0.1:8080`. */
  endpoint: string;
  aliUid: string;
  accessKeyId: string;
  accessKeySecret: string;
  /** The region clients default to. */
  region: string;
  adminToken?: string;
}

/** `127.0.0.1:8080`: what the SDKs' `endpoint` and Terraform's `endpoints` take (no scheme). */
export const hostPort = (endpoint: string): string => endpoint.replace(/^https?:\/\//, '').replace(/\/+$/, '');

/** The environment a command gets from `localvpc exec` (and `localvpc env`). */
export function clientEnv(s: ClientSettings): Record<string, string> {
  return {
    LOCALVPC_ENDPOINT: s.endpoint,
    LOCALVPC_URL: s.endpoint,
    ...(s.adminToken ? { LOCALVPC_ADMIN_TOKEN: s.adminToken } : {}),
    LOCALVPC_ACCOUNT_ID: s.aliUid,
    LOCALVPC_REGION: s.region,
    ALIBABA_CLOUD_ACCESS_KEY_ID: s.accessKeyId,
    ALIBABA_CLOUD_ACCESS_KEY_SECRET: s.accessKeySecret,
    ALIBABA_CLOUD_REGION_ID: s.region,
    ALICLOUD_ACCESS_KEY: s.accessKeyId,
    ALICLOUD_SECRET_KEY: s.accessKeySecret,
    ALICLOUD_REGION: s.region,
  };
}

const shQuote = (v: string): string => (/^[A-Za-z0-9_./:@%+=,-]*$/.test(v) ? v : `'${v.replace(/'/g, `'\\''`)}'`);

export function shellExports(env: Record<string, string>): string {
  return Object.entries(env)
    .map(([k, v]) => `export ${k}=${shQuote(v)}`)
    .join('\n');
}

/**
 * `provider "alicloud"` blocks, one per region (the first without an alias, the others aliased by
 * their region id), with every endpoint the provider needs pointed at LocalVPC and the two settings
 * that keep it from calling Alibaba for real (account_type, account_id).
 */
export function terraformBlock(s: ClientSettings, regions: readonly string[]): string {
  const hp = hostPort(s.endpoint);
  const provider = (region: string, alias: boolean): string =>
    [
      'provider "alicloud" {',
      ...(alias ? [`  alias                  = "${region}"`] : []),
      `  region                 = "${region}"`,
      `  access_key             = "${s.accessKeyId}"`,
      `  secret_key             = "${s.accessKeySecret}"`,
      '  protocol               = "HTTP"',
      '  skip_region_validation = true',
      '  account_type           = "Domestic" # no BssOpenApi call at init',
      `  account_id             = "${s.aliUid}" # no STS GetCallerIdentity`,
      '  endpoints {',
      `    vpc      = "${hp}"`,
      `    ecs      = "${hp}" # ECS DescribeRegions (legacy alicloud_router_interface)`,
      `    sts      = "${hp}"`,
      `    location = "${hp}" # a product left unset would be looked up here`,
      '  }',
      '}',
    ].join('\n');
  return [`# LocalVPC at ${s.endpoint}`, ...regions.map((r, i) => provider(r, i > 0))].join('\n\n');
}

/** An aliyun CLI profile (for ~/.aliyun/config.json, or `aliyun configure set`) and how to call LocalVPC with it. */
export function aliyunCliProfile(s: ClientSettings): string {
  const profile = {
    name: 'localvpc',
    mode: 'AK',
    access_key_id: s.accessKeyId,
    access_key_secret: s.accessKeySecret,
    region_id: s.region,
    output_format: 'json',
    language: 'en',
  };
  return [
    '# A profile for ~/.aliyun/config.json ("profiles": [...]):',
    JSON.stringify(profile, null, 2),
    '',
    '# or, without editing the file:',
    `aliyun configure set --profile localvpc --mode AK --access-key-id ${shQuote(s.accessKeyId)} --access-key-secret ${shQuote(s.accessKeySecret)} --region ${s.region}`,
    '',
    '# then name LocalVPC as the endpoint of each call (--insecure: plain HTTP; LocalVPC serves no TLS):',
    `aliyun vpc DescribeVpcs --profile localvpc --endpoint ${hostPort(s.endpoint)} --insecure`,
  ].join('\n');
}
