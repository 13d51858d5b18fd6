import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { endMarker, startMarker } from '../../src/aws-config/block.js';
import { planConfigUpdate } from '../../src/aws-config/plan.js';
import { blockLines, fixture, LISTING, makeInput, spec } from './helpers/input.js';

const names = (r: { profiles: Array<{ name: string }> }) => r.profiles.map((p) => p.name);
const section = (text: string, name: string): string => {
  const lines = blockLines(text, 'acme');
  const i = lines.findIndex((l) => l === `[profile ${name}]\n`);
  if (i === -1) return '';
  const end = lines.findIndex((l, j) => j > i && (l === '\n' || l.startsWith('# <<<')));
  return lines.slice(i, end).join('');
};

const prune = suite('prune and keep');

prune('should drop profiles that left the listing when prune is on, and report them', () => {
  const first = planConfigUpdate('', makeInput());
  const r = planConfigUpdate(first.text, makeInput({ profiles: LISTING.slice(0, 2) }));
  assert.equal(r.removed, ['Payments-Dev.AdministratorAccess', 'Sandbox.PowerUserAccess']);
  assert.equal(r.added, []);
  assert.equal(names(r), ['Payments-Prod.AdministratorAccess', 'Payments-Prod.ReadOnlyAccess']);
});

prune('should keep profiles that left the listing, byte for byte, when prune is off', () => {
  const first = planConfigUpdate('', makeInput());
  const r = planConfigUpdate(first.text, makeInput({ prune: false, nameTemplate: '{{accountId}}-{{roleName}}', profiles: LISTING.slice(0, 1) }));
  assert.equal(r.removed, ['Payments-Prod.AdministratorAccess']);
  assert.equal(r.added, ['123456789012-AdministratorAccess']);
  for (const n of ['Payments-Prod.ReadOnlyAccess', 'Payments-Dev.AdministratorAccess', 'Sandbox.PowerUserAccess']) {
    assert.ok(names(r).includes(n), n);
    assert.is(section(r.text, n), section(first.text, n), `${n} unchanged`);
  }
  assert.not.ok(planConfigUpdate(r.text, makeInput({ prune: false, nameTemplate: '{{accountId}}-{{roleName}}', profiles: LISTING.slice(0, 1) })).changed);
});

prune('should keep every old profile of an account whose listing failed, even with prune on', () => {
  const first = planConfigUpdate('', makeInput());
  const listing = LISTING.filter((p) => p.accountId !== '123456789012').map((p) => ({ ...p, region: 'ap-south-1' }));
  const r = planConfigUpdate(first.text, makeInput({ profiles: listing, keepAccounts: new Set(['123456789012']) }));
  assert.equal(r.removed, []);
  assert.is(section(r.text, 'Payments-Prod.AdministratorAccess'), section(first.text, 'Payments-Prod.AdministratorAccess'));
  assert.is(section(r.text, 'Payments-Prod.ReadOnlyAccess'), section(first.text, 'Payments-Prod.ReadOnlyAccess'));
  assert.ok(section(r.text, 'Sandbox.PowerUserAccess').includes('region = ap-south-1'), 'other accounts are updated');
});

prune('should add new roles of a partially listed account but keep its old ones as they were', () => {
  const first = planConfigUpdate('', makeInput());
  const partial = [spec('123456789012', 'Payments Prod', 'AdministratorAccess', 'us-west-2'), spec('123456789012', 'Payments Prod', 'Billing')];
  const r = planConfigUpdate(first.text, makeInput({ profiles: partial, keepAccounts: new Set(['123456789012']) }));
  assert.equal(r.added, ['Payments-Prod.Billing']);
  assert.is(section(r.text, 'Payments-Prod.AdministratorAccess'), section(first.text, 'Payments-Prod.AdministratorAccess'), 'old one kept verbatim');
  assert.equal(r.removed, ['Payments-Dev.AdministratorAccess', 'Sandbox.PowerUserAccess']);
});

prune('should rename a kept profile only when a hand-written one now takes its name', () => {
  const first = planConfigUpdate('', makeInput());
  const edited = `[profile Sandbox.PowerUserAccess]\nregion = us-east-1\n\n${first.text}`;
  const r = planConfigUpdate(edited, makeInput({ profiles: [], keepAccounts: new Set(['333333333333']) }));
  const kept = r.profiles.find((p) => p.accountId === '333333333333');
  assert.is(kept?.name, 'Sandbox.PowerUserAccess.333333333333');
  assert.equal(r.collisions.map((c) => c.kind), ['hand-written']);
  assert.ok(section(r.text, 'Sandbox.PowerUserAccess.333333333333').includes('--account-id 333333333333'));
});

prune('should drop sections added by hand inside the block (the marker says so) and list them as removed', () => {
  const first = planConfigUpdate('', makeInput({ profiles: LISTING.slice(0, 1) }));
  const edited = first.text.replace(endMarker('acme'), `\n[profile my-own]\nregion = us-east-1\n${endMarker('acme')}`);
  const r = planConfigUpdate(edited, makeInput({ profiles: LISTING.slice(0, 1), prune: false }));
  assert.equal(r.removed, ['my-own']);
  assert.is(r.text, first.text);
});

prune('should recover identities from native-style sections and quoted or = flags', () => {
  const text = [
    startMarker('acme'),
    '[profile a]',
    'sso_session = acme',
    'sso_account_id = 111111111111',
    'sso_role_name = Admin',
    '',
    '[profile b]',
    'credential_process = "/n" "/a" credentials --account-id=222222222222 --role-name "Read Only"',
    endMarker('acme'),
    '',
  ].join('\n');
  const r = planConfigUpdate(text, makeInput({ profiles: [], prune: false }));
  assert.equal(r.profiles, [
    { name: 'a', accountId: '111111111111', roleName: 'Admin' },
    { name: 'b', accountId: '222222222222', roleName: 'Read Only' },
  ]);
});

prune('should treat an empty listing with prune on as "remove all profiles" but keep the sso-session', () => {
  const r = planConfigUpdate(fixture('with-blocks.ini'), makeInput({ profiles: [] }));
  assert.equal(r.profiles, []);
  assert.equal(r.removed, ['Gone.ReadOnly', 'Old-Name.AdministratorAccess']);
  assert.ok(blockLines(r.text, 'acme').join('').includes('[sso-session acme]'));
});

prune.run();
