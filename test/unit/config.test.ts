// loadConfig: sources and their order, config files (JSON and YAML), and the errors a user sees for
// an unknown key or flag, a syntax error, a value of the wrong type; warnings for unknown variables.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, DEFAULTS, jsonErrorOffset, loadConfig, storeTarget, type LoadInput } from '../../src/config/config.js';
import { closest, editDistance } from '../../src/core/suggest.js';

/** A fresh working directory holding the given files. */
function dir(files: Record<string, string> = {}): string {
  const d = mkdtempSync(join(tmpdir(), 'localvpc-config-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(d, name), text);
  return d;
}

function load(input: Partial<LoadInput> & { files?: Record<string, string> } = {}): {
  config: ReturnType<typeof loadConfig>;
  warnings: string[];
} {
  const warnings: string[] = [];
  const config = loadConfig({
    argv: input.argv ?? [],
    env: input.env ?? {},
    cwd: input.cwd ?? dir(input.files),
    warn: (m) => warnings.push(m),
  });
  return { config, warnings };
}

/** Asserts that loading fails with a ConfigError whose message matches. */
function refuses(input: Parameters<typeof load>[0], message: RegExp): ConfigError {
  let error: unknown;
  try {
    load(input);
  } catch (e) {
    error = e;
  }
  assert.ok(error instanceof ConfigError, `expected a ConfigError, got ${String(error)}`);
  assert.match(error.message, message);
  return error;
}

describe('loadConfig', () => {
  test('defaults, then a config file, then the environment, then flags', () => {
    assert.deepEqual(load().config, { ...DEFAULTS, dataDir: './.localvpc' });
    const files = { 'localvpc.config.json': JSON.stringify({ port: 9000, host: '0.0.0.0', logLevel: 'warn' }) };
    const { config } = load({ files, env: { LOCALVPC_PORT: '9001', LOCALVPC_LOG_LEVEL: 'error' }, argv: ['--port', '9002'] });
    assert.equal(config.host, '0.0.0.0');
    assert.equal(config.logLevel, 'error');
    assert.equal(config.port, 9002);
    assert.deepEqual(storeTarget(config), { kind: 'sqlite', dir: './.localvpc' });
  });

  test('--store names SQLite, memory or PostgreSQL; anything else is refused', () => {
    const url = 'postgres://localvpc:secret@db.internal:5432/localvpc';
    assert.deepEqual(storeTarget(load({ argv: ['--store', url] }).config), { kind: 'postgres', url });
    assert.deepEqual(storeTarget(load({ env: { LOCALVPC_STORE: url } }).config), { kind: 'postgres', url });
    assert.equal(load({ argv: ['--store', url] }).config.inMemory, false);
    assert.deepEqual(storeTarget(load({ argv: ['--store', 'memory'] }).config), { kind: 'memory' });
    refuses({ argv: ['--store', 'mysql://db/x'] }, /expected "memory", "sqlite:<folder>" or "postgres:\/\/user@host:port\/database"/);
    refuses({ argv: ['--store', 'postgres://[bad'] }, /the postgres:\/\/ URL cannot be parsed/);
  });

  test('--config FILE, --config=FILE and LOCALVPC_CONFIG name the file', () => {
    const cwd = dir({ 'a.json': '{"port": 1111}', 'b.json': '{"port": 2222}' });
    assert.equal(load({ cwd, argv: ['--config', 'a.json'] }).config.port, 1111);
    assert.equal(load({ cwd, argv: ['--config=b.json'] }).config.port, 2222);
    assert.equal(load({ cwd, env: { LOCALVPC_CONFIG: 'a.json' } }).config.port, 1111);
    assert.equal(load({ cwd, env: { LOCALVPC_CONFIG: 'a.json' }, argv: ['--config', 'b.json'] }).config.port, 2222);
    refuses({ cwd, argv: ['--config', 'missing.json'] }, /^config file missing\.json: no such file$/);
    refuses({ cwd, argv: ['--config'] }, /^--config: a value is required$/);
  });

  test('an unknown key is refused with a did-you-mean, at any level', () => {
    refuses(
      { files: { 'localvpc.config.json': '{"prot": 8094}' } },
      /^config file localvpc\.config\.json: unknown key "prot" \(did you mean "port"\?\)$/,
    );
    refuses(
      { files: { 'localvpc.config.json': '{"defaultAccount": {"aliuid": "1000000000000009"}}' } },
      /^config file localvpc\.config\.json: unknown key "defaultAccount\.aliuid" \(did you mean "defaultAccount\.aliUid"\?\)$/,
    );
    refuses(
      { files: { 'localvpc.config.json': '{"aliUid": "1000000000000009"}' } },
      /unknown key "aliUid" \(did you mean "defaultAccount\.aliUid"\?\)/,
      // a key put at the wrong level
    );
    refuses({ files: { 'localvpc.config.json': '{"frobnicate": 1}' } }, /unknown key "frobnicate"$/);
    refuses(
      { files: { 'localvpc.config.json': JSON.stringify({ accounts: [{ aliUid: '1000000000000009', stie: 'china' }] }) } },
      /accounts\[0\]: unknown key "stie" \(did you mean "site"\?\)/,
    );
    refuses(
      { files: { 'localvpc.config.json': JSON.stringify({ accounts: [{ accessKeys: [{ accessKeyId: 'LTAI5tX', secret: 'x' }] }] }) } },
      /accounts\[0\]\.accessKeys\[0\]: unknown key "secret"/,
    );
  });

  test('nested and dotted keys both work', () => {
    const nested = load({
      files: { 'localvpc.config.json': '{"defaultAccount": {"aliUid": "1000000000000009", "site": "international"}}' },
    });
    assert.equal(nested.config.defaultAccount.aliUid, '1000000000000009');
    assert.equal(nested.config.defaultAccount.site, 'international');
    assert.equal(nested.config.defaultAccount.accessKeyId, DEFAULTS.defaultAccount.accessKeyId, 'the other fields keep their defaults');
    const dotted = load({ files: { 'localvpc.config.json': '{"defaultAccount.aliUid": "1000000000000008"}' } });
    assert.equal(dotted.config.defaultAccount.aliUid, '1000000000000008');
    refuses(
      {
        files: {
          'localvpc.config.json': '{"defaultAccount.aliUid": "1000000000000008", "defaultAccount": {"aliUid": "1000000000000007"}}',
        },
      },
      /"defaultAccount\.aliUid" is given twice/,
    );
  });

  test('YAML config files, chosen by extension', () => {
    const yaml = [
      '# team settings',
      'port: 9100',
      'inMemory: true',
      'transitionProfile: manual',
      'defaultAccount:',
      '  aliUid: "1000000000000005"',
      'accounts:',
      '  - aliUid: "1000000000000006"',
      '    site: international',
      '    accessKeys: [{ accessKeyId: LTAI5tYamlKey000000001, accessKeySecret: YamlSecret0000000000000000000 }]',
    ].join('\n');
    for (const name of ['localvpc.config.yaml', 'localvpc.config.yml']) {
      const { config } = load({ files: { [name]: yaml } });
      assert.equal(config.port, 9100);
      assert.equal(config.inMemory, true);
      assert.equal(config.transitionProfile, 'manual');
      assert.equal(config.defaultAccount.aliUid, '1000000000000005');
      assert.equal(config.accounts[0]?.site, 'international');
      assert.equal(config.accounts[0]?.accessKeys?.[0]?.accessKeyId, 'LTAI5tYamlKey000000001');
    }
    const cwd = dir({ 'team.YML': 'port: 9200\n', 'empty.yaml': '# nothing set yet\n' });
    assert.equal(load({ cwd, argv: ['--config', 'team.YML'] }).config.port, 9200);
    assert.equal(load({ cwd, argv: ['--config', 'empty.yaml'] }).config.port, DEFAULTS.port, 'an empty YAML file sets nothing');
    refuses(
      { files: { 'localvpc.config.json': '{}', 'localvpc.config.yaml': '' } },
      /several config files: localvpc\.config\.json, localvpc\.config\.yaml/,
    );
  });

  test('a JSON syntax error names its line and column', () => {
    const missingValue = ['{', '  "port": 8094,', '  "host": }', ''].join('\n');
    const e = refuses(
      { files: { 'localvpc.config.json': missingValue } },
      /^config file localvpc\.config\.json: line 3, column 11: Unexpected token '}'/,
    );
    assert.ok(e.message.endsWith('\n    "host": }\n            ^'), e.message);
    refuses({ files: { 'localvpc.config.json': '{\n  "port": 8094,\n}' } }, /line 3, column 1: Expected double-quoted property name/);
    refuses({ files: { 'localvpc.config.json': '{"port": 8094' } }, /line 1, column 14: Expected ',' or '}' after property value/);
    refuses({ files: { 'localvpc.config.json': '' } }, /line 1, column 1: Unexpected end of input/);
  });

  test('the JSON error scanner agrees with JSON.parse where JSON.parse gives a position', () => {
    for (const text of ['{"a": 1,}', '{"a" 1}', '[1, -x]', '{"a": "\u0001"}', '{"a": 01}', '{"a": 1.}', '[1] 2', '{"a": "\\q"}']) {
      let position: number | undefined;
      try {
        JSON.parse(text);
      } catch (e) {
        const m = /at position (\d+)/.exec((e as Error).message);
        position = m ? Number(m[1]) : undefined;
      }
      if (position !== undefined) assert.equal(jsonErrorOffset(text), position, text);
      else assert.notEqual(jsonErrorOffset(text), undefined, text);
    }
    assert.equal(jsonErrorOffset('{"port": tru}'), 12);
    assert.equal(jsonErrorOffset('{"a": [1, {"b": null}], "c": "\\u00e9"}'), undefined);
  });

  test('a YAML syntax error names its line and column', () => {
    refuses(
      { files: { 'localvpc.config.yaml': 'port: 1\nport: 2\n' } },
      /^config file localvpc\.config\.yaml: line 2, column 1: Map keys must be unique\n {2}port: 2\n {2}\^$/,
    );
    refuses({ files: { 'localvpc.config.yml': 'port: 1\nhost: [a, b\n' } }, /^config file localvpc\.config\.yml: line \d+, column \d+: /);
    refuses({ files: { 'localvpc.config.yaml': '- port: 1\n' } }, /expected a mapping of configuration keys, got a list/);
  });

  test('values of the wrong type are refused, naming the key and the file', () => {
    refuses(
      { files: { 'localvpc.config.json': '{"port": "8094"}' } },
      /^config file localvpc\.config\.json: port: expected a whole number, got the string "8094"$/,
    );
    refuses(
      { files: { 'localvpc.config.yaml': 'port: 80.5\n' } },
      /^config file localvpc\.config\.yaml: port: expected a whole number, got the number 80\.5$/,
    );
    refuses({ files: { 'localvpc.config.yaml': 'inMemory: "yes"\n' } }, /inMemory: expected true or false, got the string "yes"/);
    refuses(
      { files: { 'localvpc.config.yaml': 'defaultAccount:\n  aliUid: 1000000000000005\n' } },
      /defaultAccount\.aliUid: expected a string, got the number 1000000000000005 \(quote it\)/,
    );
    refuses(
      { files: { 'localvpc.config.json': '{"defaultAccount": "1000000000000005"}' } },
      /defaultAccount: expected a mapping, got the string/,
    );
    refuses(
      { files: { 'localvpc.config.json': '{"durability": "fulll"}' } },
      /durability: expected one of full, normal, off, got "fulll" \(did you mean "full"\?\)/,
    );
    refuses({ files: { 'localvpc.config.json': '{"accounts": {"aliUid": "1"}}' } }, /accounts: expected a list of accounts, got a mapping/);
    refuses(
      { files: { 'localvpc.config.json': JSON.stringify({ accounts: [{ accessKeys: [{ accessKeyId: 'LTAI5tX' }] }] }) } },
      /accounts\[0\]\.accessKeys\[0\]: "accessKeySecret" is required/,
    );
    refuses({ env: { LOCALVPC_PORT: 'eighty' } }, /^LOCALVPC_PORT: expected a whole number, got "eighty"$/);
    refuses(
      { env: { LOCALVPC_ACCOUNTS: '[{"site": "mars"}]' } },
      /^LOCALVPC_ACCOUNTS\[0\]\.site: expected one of china, international, got "mars"$/,
    );
    refuses({ env: { LOCALVPC_ACCOUNTS: '{"oops"' } }, /^LOCALVPC_ACCOUNTS: not valid JSON/);
  });

  test('flags: unknown ones, missing values and extra arguments are usage errors', () => {
    const unknown = refuses({ argv: ['--prot', '8094'] }, /^unknown option --prot \(did you mean --port\?\)$/);
    assert.equal(unknown.fromArgv, true);
    refuses({ argv: ['--confg', 'x.json'] }, /^unknown option --confg \(did you mean --config\?\)$/);
    refuses({ argv: ['--port'] }, /^--port: a value is required$/);
    refuses({ argv: ['--port', '--in-memory'] }, /^--port: a value is required$/);
    refuses({ argv: ['--port', 'x'] }, /^--port: expected a whole number, got "x"$/);
    refuses(
      { argv: ['--profile', 'fsat'] },
      /^--profile: expected one of instant, fast, realistic, manual, got "fsat" \(did you mean "fast"\?\)$/,
    );
    refuses({ argv: ['8080'] }, /^unexpected argument "8080"$/);
    assert.equal(load({ argv: ['--in-memory', '--port=0'] }).config.inMemory, true);
    assert.equal(load({ argv: ['--in-memory=false'] }).config.inMemory, false);
  });

  test('an unknown LOCALVPC_* variable is a warning with a did-you-mean, not an error', () => {
    const { config, warnings } = load({
      env: { LOCALVPC_PROT: '8094', LOCALVPC_PORT: '9000', LOCALVPC_URL: 'http://x', LOCALVPC_SOMETHING_ELSE: '1', PATH: '/bin' },
    });
    assert.equal(config.port, 9000);
    assert.deepEqual(warnings, [
      'unknown environment variable LOCALVPC_PROT, ignored (did you mean LOCALVPC_PORT?)',
      'unknown environment variable LOCALVPC_SOMETHING_ELSE, ignored',
    ]);
    assert.deepEqual(load({ env: { LOCALVPC_ADMIN_TOKEN: 't', LOCALVPC_CONFIG: '' } }).warnings, []);
  });
});

describe('did you mean', () => {
  test('Damerau-Levenshtein distance and the closest candidate', () => {
    assert.equal(editDistance('prot', 'port'), 1, 'a transposition is one edit');
    assert.equal(editDistance('acton', 'action'), 1);
    assert.equal(editDistance('kitten', 'sitting'), 3);
    assert.equal(editDistance('', 'abc'), 3);
    assert.equal(closest('jsn', ['json', 'help', 'url']), 'json');
    assert.equal(closest('DescribeVpcz', ['DescribeVpcs', 'DescribeVSwitches']), 'DescribeVpcs');
    assert.equal(closest('describevpcs', ['DescribeVpcs']), 'DescribeVpcs', 'case is ignored');
    assert.equal(closest('cn-shangai', ['cn-shanghai', 'cn-hangzhou']), 'cn-shanghai');
    assert.equal(closest('xyz', ['json', 'help']), undefined, 'nothing close');
  });
});
