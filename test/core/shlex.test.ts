import { spawnSync } from 'node:child_process';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { shlexSplit } from '../../src/core/shlex.js';

const cases = [
  '"/opt/my node/bin/node" "/a b/awsidc.cjs" credentials --integration acme',
  "node 'x y' a\\ b",
  'profile "a b"',
  'profile  x  ',
  'a"b c"d \'e\\f\'',
  '"q\\"uote" "back\\\\slash" "keep\\n"',
  '',
];

test('should split like POSIX shlex and refuse unclosed quotes', () => {
  assert.equal(shlexSplit('"/opt/my node/bin/node" x.cjs credentials'), ['/opt/my node/bin/node', 'x.cjs', 'credentials']);
  assert.equal(shlexSplit("node 'x y' a\\ b"), ['node', 'x y', 'a b']);
  assert.is(shlexSplit('profile "a b'), null);
  assert.is(shlexSplit("profile 'a"), null);
  assert.is(shlexSplit('trailing\\'), null);
});

test('should agree with Python shlex.split where python3 is installed', () => {
  const py = spawnSync('python3', ['-c', 'import json,shlex,sys\nfor l in json.load(sys.stdin): print(json.dumps(shlex.split(l)))'], { input: JSON.stringify(cases), encoding: 'utf8' });
  if (py.status !== 0) {
    console.log('  (skipped: python3 is not installed)');
    return;
  }
  const expected = py.stdout.trim().split('\n').map((l) => JSON.parse(l) as string[]);
  cases.forEach((c, i) => assert.equal(shlexSplit(c), expected[i], c));
});

test.run();
