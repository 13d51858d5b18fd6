import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { AwsidcError } from '../../src/core/errors.js';
import { checkOverrides, overrideKey, parseOverrideKey, resolveOverride, withOverride, withoutOverride } from '../../src/core/overrides.js';

const overrides = suite('overrides');

overrides('should accept account and account/role keys with region, name and skip', () => {
  const o = checkOverrides({ '123456789012': { region: 'eu-west-1', name: 'payments' }, '123456789012/ReadOnly': { skip: true } }, 'acme.json');
  assert.equal(o['123456789012'], { region: 'eu-west-1', name: 'payments' });
  assert.equal(parseOverrideKey('123456789012/ReadOnly'), { accountId: '123456789012', roleName: 'ReadOnly' });
  assert.equal(checkOverrides(undefined, 'x'), {});
});

overrides('should refuse malformed entries with one line naming the entry and the file', () => {
  const bad: unknown[] = [
    [],
    { '12345': {} },
    { '123456789012/Bad Role': {} },
    { '123456789012': { region: 'eu-west-99x' } },
    { '123456789012': { region: 5 } },
    { '123456789012': { name: '  ' } },
    { '123456789012': { skip: 'yes' } },
    { '123456789012': { regoin: 'eu-west-1' } },
    { '123456789012': 'eu-west-1' },
  ];
  for (const value of bad) {
    try {
      checkOverrides(value, '/home/me/.config/awsidc/integrations/acme.json');
      assert.unreachable(JSON.stringify(value));
    } catch (err) {
      assert.instance(err, AwsidcError);
      assert.is((err as AwsidcError).code, 'CONFIG_MALFORMED');
      assert.ok((err as AwsidcError).message.startsWith('/home/me/.config/awsidc/integrations/acme.json: '), (err as Error).message);
      assert.not.ok((err as Error).message.includes('\n'));
    }
  }
  assert.throws(() => overrideKey('123', 'Admin'), (e: AwsidcError) => e.code === 'USAGE');
});

overrides('should let a role entry win over its account entry, field by field', () => {
  const o = { '111111111111': { region: 'eu-west-1', skip: true, name: 'pay' }, '111111111111/Admin': { skip: false } };
  assert.equal(resolveOverride(o, '111111111111', 'Admin').merged, { region: 'eu-west-1', skip: false, name: 'pay' });
  assert.equal(resolveOverride(o, '111111111111', 'Other').merged, { region: 'eu-west-1', skip: true, name: 'pay' });
  assert.equal(resolveOverride(o, '222222222222', 'Admin').merged, {});
});

overrides('should set and unset fields, dropping empty entries and keeping keys sorted', () => {
  let o = withOverride(undefined, '222222222222', { region: 'us-east-2' });
  o = withOverride(o, '111111111111/Admin', { skip: true });
  assert.equal(Object.keys(o), ['111111111111/Admin', '222222222222']);
  o = withOverride(o, '222222222222', { name: 'dev', region: undefined });
  assert.equal(o['222222222222'], { name: 'dev' });
  o = withOverride(o, '222222222222', { name: undefined });
  assert.equal(Object.keys(o), ['111111111111/Admin']);
  assert.equal(withoutOverride(o, '111111111111/Admin'), {});
});

overrides.run();
