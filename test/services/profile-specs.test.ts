import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { profileSpecs } from '../../src/services/profile-specs.js';

const specs = suite('profile specs from a listing');

const listing = [
  { accountId: '111111111111', accountName: 'Payments', roles: ['Admin', 'ReadOnly', 'Billing'] },
  { accountId: '222222222222', accountName: 'Dev', roles: ['Admin'] },
];

specs('should write one profile per role with the default region when there are no overrides', () => {
  const r = profileSpecs(listing, 'eu-west-1');
  assert.is(r.profiles.length, 4);
  assert.ok(r.profiles.every((p) => p.region === 'eu-west-1' && p.nameOverride === undefined));
  assert.equal(r.skipped, []);
});

specs('should apply skip, region and name overrides (account name vs. whole profile name)', () => {
  const r = profileSpecs(listing, 'eu-west-1', {
    '111111111111': { region: 'us-east-2', name: 'pay' },
    '111111111111/ReadOnly': { skip: true },
    '111111111111/Billing': { name: 'billing-profile', region: 'ap-south-1' },
    '222222222222': { skip: true },
    '222222222222/Admin': { skip: false },
  });
  assert.equal(r.profiles, [
    { accountId: '111111111111', accountName: 'pay', roleName: 'Admin', region: 'us-east-2' },
    { accountId: '111111111111', accountName: 'pay', roleName: 'Billing', region: 'ap-south-1', nameOverride: 'billing-profile' },
    { accountId: '222222222222', accountName: 'Dev', roleName: 'Admin', region: 'eu-west-1' },
  ]);
});

specs('should set aside role names and account ids no credential_process could ask for, and say why', () => {
  const r = profileSpecs([
    { accountId: '111111111111', accountName: 'x', roles: ['Admin\n[profile evil]', 'R'.repeat(65), '🚀', 'Good+=,.@-_'] },
    { accountId: '12345', accountName: 'short', roles: ['Admin'] },
  ], 'eu-west-1');
  assert.equal(r.profiles.map((p) => p.roleName), ['Good+=,.@-_']);
  assert.equal(r.skipped.map((s) => s.reason), [
    'not a valid IAM role name (1-64 characters of A-Z a-z 0-9 _ + = , . @ -)',
    'not a valid IAM role name (1-64 characters of A-Z a-z 0-9 _ + = , . @ -)',
    'not a valid IAM role name (1-64 characters of A-Z a-z 0-9 _ + = , . @ -)',
    'the account id is not 12 digits',
  ]);
});

specs.run();
