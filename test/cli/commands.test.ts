// The CLI's declarations agree with themselves: every flag a usage line shows is declared (and so
// accepted), every declared flag is shown, and the closed sets the CLI checks against are the
// emulator's own.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { actionNames, regionIds } from '../../src/cli/commands.js';
import { ALL_COMMANDS as COMMANDS } from '../../src/cli/all-commands.js';
import { parseArgs, UsageError } from '../../src/cli/args.js';

test('each usage line shows exactly the flags its command declares', () => {
  for (const c of COMMANDS) {
    const shown = [...c.args.matchAll(/--([a-z][a-z-]*)/g)].map((m) => m[1]).sort();
    assert.deepEqual(shown, Object.keys(c.flags ?? {}).sort(), `${c.noun} ${c.verb}`);
  }
});

test("the commands are unique, and their closed sets are the emulator's", () => {
  const names = COMMANDS.map((c) => `${c.noun} ${c.verb}`);
  assert.equal(new Set(names).size, names.length);
  assert.ok(actionNames().includes('DescribeVpcs') && actionNames().includes('ConnectRouterInterface'));
  assert.ok(actionNames().includes('AssumeRole'), 'Sts actions too');
  assert.ok(regionIds().includes('cn-shanghai') && regionIds().length >= 30);
});

test('parseArgs: values, switches, positionals', () => {
  const syntax = {
    flags: { limit: { kind: 'int' as const }, force: { kind: 'bool' as const }, name: { kind: 'text' as const } },
    positionals: [{ name: 'ID' }, { name: 'MORE', optional: true }],
  };
  const p = parseArgs(['x', '--limit', '5', '--force', '--name=a=b'], syntax);
  assert.deepEqual(p.positionals, ['x']);
  assert.deepEqual(
    [...p.flags],
    [
      ['limit', '5'],
      ['force', true],
      ['name', 'a=b'],
    ],
  );
  assert.deepEqual([...parseArgs(['x', '--force', 'false'], syntax).flags], [['force', 'false']]);
  assert.deepEqual(parseArgs(['--', '--x', '-1'], syntax).positionals, ['--x', '-1'], 'after --, everything is positional');
  const refused = (argv: string[], message: RegExp) =>
    assert.throws(
      () => parseArgs(argv, syntax, ['json']),
      (e: unknown) => e instanceof UsageError && message.test(e.message),
    );
  refused(['x', '--limt', '5'], /^unknown option --limt \(did you mean --limit\?\)$/);
  refused(['x', '--jsn'], /^unknown option --jsn \(did you mean --json\?\)$/);
  refused(['x', '--limit'], /^--limit needs a value$/);
  refused(['x', '--limit='], /^--limit needs a value$/);
  refused(['x', '--limit', '-1'], /^--limit must be a whole number, got "-1"$/);
  refused(['x', '--force=maybe'], /^--force takes true or false, got "maybe"$/);
  refused([], /^missing ID$/);
  refused(['x', 'y', 'z'], /^unexpected argument "z"$/);
});
