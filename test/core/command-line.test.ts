import { execFileSync } from 'node:child_process';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { buildCredentialProcess, credentialsArgs } from '../../src/core/command-line.js';

test('should quote paths with double quotes and keep plain arguments bare', () => {
  const line = buildCredentialProcess('/opt/my node/bin/node', '/opt/awsidc/dist/awsidc.cjs', credentialsArgs('acme', '123456789012', 'Admin+Ops@x'));
  assert.is(line, '"/opt/my node/bin/node" "/opt/awsidc/dist/awsidc.cjs" credentials --integration acme --account-id 123456789012 --role-name Admin+Ops@x');
});

test('should split into the same words under /bin/sh as intended', () => {
  const line = buildCredentialProcess('/opt/my node/bin/node', '/tmp/a b/awsidc.cjs', credentialsArgs('acme', '123456789012', 'R=1,2'));
  const words = execFileSync('/bin/sh', ['-c', `for w in ${line}; do printf '%s\\n' "$w"; done`], { encoding: 'utf8' }).trim().split('\n');
  assert.equal(words, ['/opt/my node/bin/node', '/tmp/a b/awsidc.cjs', 'credentials', '--integration', 'acme', '--account-id', '123456789012', '--role-name', 'R=1,2']);
});

test('should refuse paths and arguments that no quoting makes safe for every SDK', () => {
  for (const bad of ['/opt/$HOME/node', '/opt/`x`/node', '/opt/a"b/node', '/opt/a\\b/node', '/opt/a\nb']) {
    assert.throws(() => buildCredentialProcess(bad, '/x.cjs', []), /cannot be quoted/);
  }
  assert.throws(() => buildCredentialProcess('/n', '/x.cjs', ['a;b']), /refusing/);
  assert.throws(() => buildCredentialProcess('/n', '/x.cjs', ['a b']), /refusing/);
});

test.run();
