import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { botocoreProfileName, jsProfileName, lintConfig, type LintFinding } from '../../src/services/config-lint.js';

const lint = suite('config lint (botocore vs JS SDK rules)');

const rules = (text: string): Array<[LintFinding['rule'], number, LintFinding['severity']]> => lintConfig(text).map((f) => [f.rule, f.line, f.severity]);

lint('should accept what awsidc and the AWS CLI write', () => {
  const text = [
    '[default]',
    'region = us-east-1',
    '',
    '[profile a.b-c_d]',
    'credential_process = "/usr/bin/node" "/opt/awsidc.cjs" credentials --integration acme --account-id 123456789012 --role-name Admin',
    '',
    '[sso-session acme]',
    'sso_start_url = https://d-1234567890.awsapps.com/start/#',
    'sso_registration_scopes = sso:account:access',
    '',
    '[profile s3]',
    's3 =',
    '  max_concurrent_requests = 20',
    '  addressing_style = path',
    'region = eu-west-1',
    '# comment',
    '; other comment',
  ].join('\n');
  assert.equal(lintConfig(text), []);
});

lint('should fail duplicate sections and duplicate keys (botocore refuses the file)', () => {
  assert.equal(rules('[profile x]\nregion = a\n[profile y]\n[profile x]\n'), [['duplicate-section', 4, 'fail']]);
  assert.equal(rules('[default]\nregion = a\nREGION = b\n'), [['duplicate-key', 3, 'fail']]);
  assert.equal(rules('[profile x]\nregion = a\n[profile "x"]\nregion = b\n'), [['duplicate-section', 3, 'warn']], 'same profile, different headers: no error, but read differently');
});

lint('should explain names only one SDK reads', () => {
  assert.equal(rules('[profile "my laptop"]\n'), [['profile-name', 1, 'warn']]);
  assert.equal(rules('[profile my laptop]\n'), [['profile-name', 1, 'warn']]);
  assert.match(lintConfig('[profile "my laptop"]\n')[0]!.message, 'only botocore');
  assert.match(lintConfig('[profile my laptop]\n')[0]!.message, 'not a profile for either SDK');
  assert.match(lintConfig('[profile a$b]\n')[0]!.message, 'only botocore');
});

lint('should warn about inline comments, colons, indentation, [DEFAULT] and [default] twice', () => {
  assert.equal(rules('[default]\nregion = us-east-1 # home\nurl = https://x/#frag\n'), [['inline-comment', 2, 'warn']]);
  assert.equal(rules('[default]\nregion: us-east-1\n'), [['colon-delimiter', 2, 'warn']]);
  assert.equal(rules('[default]\nregion = us-east-1\n  eu-west-1\n'), [['continuation', 3, 'warn']]);
  assert.equal(rules('[DEFAULT]\nregion = x\n'), [['upper-default', 1, 'warn']]);
  assert.equal(rules('[default]\nregion = a\n[profile default]\nregion = b\n'), [['default-twice', 3, 'warn']]);
});

lint('should flag credential_process together with sso_* keys in one profile', () => {
  const f = lintConfig('[profile x]\nsso_session = acme\nsso_account_id = 1\ncredential_process = a b\n');
  assert.equal(f.map((x) => x.rule), ['process-and-sso']);
  assert.match(f[0]!.message, 'botocore uses SSO, the JS SDK uses credential_process');
});

lint('should read profile names like the real JS SDK parser does', async () => {
  const { loadSharedConfigFiles } = await import('@smithy/core/config');
  const headers = ['default', 'profile a', 'profile "b"', "profile 'c'", 'profile d e', 'profile  f', 'profile\tg', 'profile h.i-j_k@l+m%n:o/p', 'profile q$r', 'profilex s', 'profile "t u"', 'sso-session v'];
  const dir = mkdtempSync(join(tmpdir(), 'awsidc-lint-'));
  try {
    const file = join(dir, 'config');
    writeFileSync(file, headers.map((h) => `[${h}]\nregion = us-east-1\n`).join('\n'));
    const sdk = await loadSharedConfigFiles({ configFilepath: file, filepath: join(dir, 'none'), ignoreCache: true });
    const sdkProfiles = Object.keys(sdk.configFile).filter((k) => !k.includes('.') || !k.startsWith('sso-session.')).sort();
    const ours = headers.map(jsProfileName).filter((n): n is string => n !== undefined).sort();
    assert.equal(ours, sdkProfiles);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

lint('should read profile names like botocore (shlex, exactly two words)', () => {
  assert.is(botocoreProfileName('profile "t u"'), 't u');
  assert.is(botocoreProfileName('profilex s'), 's');
  assert.is(botocoreProfileName('profile d e'), undefined);
  assert.is(botocoreProfileName('default'), 'default');
  assert.is(botocoreProfileName('sso-session v'), undefined);
});

lint.run();
