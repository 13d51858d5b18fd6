import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { AwsidcError } from '../../src/core/errors.js';
import {
  capProfileName,
  isReservedProfileName,
  MAX_PROFILE_NAME_LENGTH,
  renderProfileName,
  SAFE_PROFILE_NAME,
  sanitizeProfileName,
  withSuffix,
} from '../../src/core/profile-name.js';

const ID = '123456789012';
const vars = (accountName: string, roleName = 'AdministratorAccess') => ({ accountName, accountId: ID, roleName, integration: 'acme', region: 'eu-west-1' });
const name = (accountName: string, roleName?: string) => renderProfileName('{{accountName}}.{{roleName}}', vars(accountName, roleName));

function assertSafe(n: string): void {
  assert.ok(SAFE_PROFILE_NAME.test(n), `unsafe name ${JSON.stringify(n)}`);
  assert.not.ok(/^[-._]|[-._]$/.test(n), `separator at an end: ${n}`);
  assert.not.ok(isReservedProfileName(n), `reserved: ${n}`);
  assert.ok(n.length <= MAX_PROFILE_NAME_LENGTH);
}

const render = suite('renderProfileName');

render('should render the default template into a readable name', () => {
  assert.is(name('Payments Prod'), 'Payments-Prod.AdministratorAccess');
  assert.is(name('payments-prod_eu'), 'payments-prod_eu.AdministratorAccess');
  assert.is(renderProfileName('{{accountName|kebab}}-{{roleName|lower}}', vars('Payments Prod')), 'payments-prod-administratoraccess');
  assert.is(renderProfileName('{{integration}}.{{accountId}}.{{roleName}}', vars('x')), 'acme.123456789012.AdministratorAccess');
});

render('should turn spaces, slashes and brackets into single dashes', () => {
  assert.is(name('Team / Payments [prod]'), 'Team-Payments-prod.AdministratorAccess');
  assert.is(name('a\\b:c*d?e'), 'a-b-c-d-e.AdministratorAccess');
  assert.is(name('Acme (Prod)'), 'Acme-Prod.AdministratorAccess');
  assert.is(name('x  --  y'), 'x-y.AdministratorAccess');
});

render('should transliterate accents and common letters', () => {
  assert.is(name('Café Société'), 'Cafe-Societe.AdministratorAccess');
  assert.is(name('Straße'), 'Strasse.AdministratorAccess');
  assert.is(name('Ørsted Łódź Æbler'), 'Orsted-Lodz-AEbler.AdministratorAccess');
  assert.is(name('ｆｕｌｌｗｉｄｔｈ１２'), 'fullwidth12.AdministratorAccess');
});

render('should drop emoji, including joined sequences, skin tones and flags', () => {
  assert.is(name('🚀 Rocket 🚀'), 'Rocket.AdministratorAccess');
  assert.is(name('👨‍👩‍👧 Family 👍🏽'), 'Family.AdministratorAccess');
  assert.is(name('🇩🇪 Berlin'), 'Berlin.AdministratorAccess');
});

render('should never return a name with unsafe characters, whatever the input', () => {
  const hostile = [
    'Prod\n[profile evil]\ncredential_process = rm -rf /',
    ']', '[profile x]', 'a = b', '; comment', '# comment', 'x'.repeat(300), '🚀🔥', '', '   ', '\r\n', '\u2028',
    '../../etc/passwd', '"quoted"', "'single'", 'tab\there', '$(whoami)', '`id`', '%APPDATA%', 'null\0byte', '--',
  ];
  for (const a of hostile) for (const r of hostile) assertSafe(name(a, r));
});

render('should fall back to the account id when nothing is left', () => {
  assert.is(renderProfileName('{{accountName}}', vars('🚀🔥')), ID);
  assert.is(renderProfileName('{{accountName}}', vars('')), ID);
  assert.is(renderProfileName('{{accountName}}', vars(' -._ ')), ID);
  assert.is(sanitizeProfileName('', ''), 'profile');
});

render('should never return default or prototype-like names', () => {
  assert.is(renderProfileName('{{accountName}}', vars('default')), `default.${ID}`);
  assert.is(renderProfileName('{{accountName}}', vars('Default')), `Default.${ID}`);
  assert.is(renderProfileName('{{accountName}}', vars('__proto__')), 'proto');
  assert.is(renderProfileName('{{accountName}}', vars('constructor')), `constructor.${ID}`);
  assert.is(sanitizeProfileName('prototype', ''), 'prototype.profile');
});

render('should cap long names with a stable hash suffix that keeps them distinct', () => {
  const a = name('A'.repeat(300));
  const b = name(`${'A'.repeat(200)}B`);
  assertSafe(a);
  assertSafe(b);
  assert.is(a.length, MAX_PROFILE_NAME_LENGTH);
  assert.match(a, /^A+-[0-9a-f]{8}$/);
  assert.is(name('A'.repeat(300)), a, 'stable');
  assert.is.not(a, b);
  assert.is(capProfileName('short'), 'short');
});

render('should keep a suffix whole when appending it would be too long', () => {
  const long = 'x'.repeat(MAX_PROFILE_NAME_LENGTH);
  const s = withSuffix(long, `.${ID}`);
  assert.ok(s.length <= MAX_PROFILE_NAME_LENGTH);
  assert.ok(s.endsWith(`.${ID}`));
  assert.is(withSuffix('a', '.b'), 'a.b');
  assert.is.not(withSuffix(long, '-2'), withSuffix(`${'x'.repeat(MAX_PROFILE_NAME_LENGTH - 1)}y`, '-2'));
});

render('should report an unknown template variable with the known ones', () => {
  try {
    renderProfileName('{{account}}', vars('x'));
    assert.unreachable();
  } catch (err) {
    assert.instance(err, AwsidcError);
    assert.is((err as AwsidcError).code, 'TEMPLATE_INVALID');
    assert.ok((err as AwsidcError).hint?.includes('accountName, accountId, roleName, integration, region'));
  }
});

render.run();
