import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { startMarker } from '../../src/aws-config/block.js';
import { planConfigUpdate } from '../../src/aws-config/plan.js';
import type { Collision } from '../../src/aws-config/types.js';
import { AwsidcError } from '../../src/core/errors.js';
import { MAX_PROFILE_NAME_LENGTH } from '../../src/core/profile-name.js';
import { parseWithJsSdk } from './helpers/parsers.js';
import { fixture, makeInput, spec } from './helpers/input.js';

const brief = (c: Collision[]) => c.map(({ wanted, given, kind }) => ({ wanted, given, kind }));
const names = (r: { profiles: Array<{ name: string; accountId: string; roleName: string }> }) =>
  Object.fromEntries(r.profiles.map((p) => [`${p.accountId}/${p.roleName}`, p.name]));

const same = suite('collisions inside one integration');

same('should suffix the later accounts (by account id) with .<accountId>', () => {
  const r = planConfigUpdate('', makeInput({
    profiles: [spec('222222222222', 'Prod', 'Admin'), spec('111111111111', 'Prod', 'Admin'), spec('333333333333', 'Prod', 'Admin')],
  }));
  assert.equal(names(r), {
    '111111111111/Admin': 'Prod.Admin',
    '222222222222/Admin': 'Prod.Admin.222222222222',
    '333333333333/Admin': 'Prod.Admin.333333333333',
  });
  assert.equal(brief(r.collisions), [
    { wanted: 'Prod.Admin', given: 'Prod.Admin.222222222222', kind: 'same-integration' },
    { wanted: 'Prod.Admin', given: 'Prod.Admin.333333333333', kind: 'same-integration' },
  ]);
  assert.ok(r.collisions[0]?.reason.includes('111111111111'));
});

same('should fall back to .<integration>, then -2, -3 within one account', () => {
  // All four roles sanitise to "Prod.Admin-Role"; sorted by role name: " ", "-", "/", ":".
  const r = planConfigUpdate('', makeInput({
    profiles: ['Admin:Role', 'Admin/Role', 'Admin-Role', 'Admin Role', 'Admin*Role'].map((role) => spec('111111111111', 'Prod', role)),
  }));
  assert.equal(names(r), {
    '111111111111/Admin Role': 'Prod.Admin-Role',
    '111111111111/Admin*Role': 'Prod.Admin-Role.111111111111',
    '111111111111/Admin-Role': 'Prod.Admin-Role.acme',
    '111111111111/Admin/Role': 'Prod.Admin-Role-2',
    '111111111111/Admin:Role': 'Prod.Admin-Role-3',
  });
  assert.is(r.collisions.length, 4);
});

same('should not depend on the order of the listing', () => {
  const listing = [spec('222222222222', 'Prod', 'Admin'), spec('111111111111', 'Prod', 'Admin'), spec('111111111111', 'Prod', 'Admin.')];
  const a = planConfigUpdate('', makeInput({ profiles: listing }));
  const b = planConfigUpdate('', makeInput({ profiles: [...listing].reverse() }));
  assert.is(a.text, b.text);
  assert.equal(a.collisions, b.collisions);
});

same('should keep a suffixed name inside the length cap', () => {
  const long = 'L'.repeat(200);
  const r = planConfigUpdate('', makeInput({ profiles: [spec('111111111111', long, 'Admin'), spec('222222222222', long, 'Admin')] }));
  for (const p of r.profiles) assert.ok(p.name.length <= MAX_PROFILE_NAME_LENGTH, p.name);
  assert.ok(r.profiles.some((p) => p.name.endsWith('.222222222222')));
  assert.is(new Set(r.profiles.map((p) => p.name)).size, 2);
});

same('should let an existing profile keep its name when a newcomer wants it', () => {
  const first = planConfigUpdate('', makeInput({ profiles: [spec('222222222222', 'Prod', 'Admin')] }));
  assert.equal(names(first), { '222222222222/Admin': 'Prod.Admin' });
  const second = planConfigUpdate(first.text, makeInput({ profiles: [spec('111111111111', 'Prod', 'Admin'), spec('222222222222', 'Prod', 'Admin')] }));
  assert.equal(names(second), { '111111111111/Admin': 'Prod.Admin.111111111111', '222222222222/Admin': 'Prod.Admin' });
  assert.equal(brief(second.collisions), [{ wanted: 'Prod.Admin', given: 'Prod.Admin.111111111111', kind: 'same-integration' }]);
  assert.ok(second.collisions[0]?.reason.includes('already had that name'));
  // And the suffixed name sticks too once the plain one is free again, so --profile never changes meaning.
  const third = planConfigUpdate(second.text, makeInput({ profiles: [spec('111111111111', 'Prod', 'Admin')] }));
  assert.equal(names(third), { '111111111111/Admin': 'Prod.Admin.111111111111' });
  assert.equal(brief(third.collisions), [{ wanted: 'Prod.Admin', given: 'Prod.Admin.111111111111', kind: 'previous-name' }]);
});

same('should rename when the template changes, ignoring previous names that no longer fit', () => {
  const first = planConfigUpdate('', makeInput({ profiles: [spec('111111111111', 'Prod', 'Admin')] }));
  const second = planConfigUpdate(first.text, makeInput({ nameTemplate: '{{accountName|lower}}-{{roleName|lower}}', profiles: [spec('111111111111', 'Prod', 'Admin')] }));
  assert.equal(names(second), { '111111111111/Admin': 'prod-admin' });
  assert.equal(second.added, ['prod-admin']);
  assert.equal(second.removed, ['Prod.Admin']);
  assert.equal(second.collisions, []);
});

same.run();

const cross = suite('collisions across integrations');

cross('should avoid names in another integration\'s block, naming it', () => {
  const text = fixture('with-blocks.ini'); // beta has [profile Shared.AdministratorAccess]
  const r = planConfigUpdate(text, makeInput({ profiles: [spec('555566667777', 'Shared', 'AdministratorAccess')] }));
  assert.equal(names(r), { '555566667777/AdministratorAccess': 'Shared.AdministratorAccess.555566667777' });
  assert.equal(brief(r.collisions), [{ wanted: 'Shared.AdministratorAccess', given: 'Shared.AdministratorAccess.555566667777', kind: 'other-integration' }]);
  assert.ok(r.collisions[0]?.reason.includes('"beta"'));
});

cross('should use .<integration> when the other integration also holds .<accountId>', async () => {
  const beta = planConfigUpdate('', makeInput({
    integration: 'beta',
    profiles: [spec('111111111111', 'Shared', 'Admin'), spec('222222222222', 'Shared', 'Admin')],
  }));
  assert.equal(beta.profiles.map((p) => p.name), ['Shared.Admin', 'Shared.Admin.222222222222']);
  const acme = planConfigUpdate(beta.text, makeInput({ profiles: [spec('222222222222', 'Shared', 'Admin')] }));
  assert.equal(names(acme), { '222222222222/Admin': 'Shared.Admin.acme' });
  assert.equal(acme.collisions.map((c) => c.kind), ['other-integration']);
  const parsed = (await parseWithJsSdk(acme.text)).config;
  assert.equal(Object.keys(parsed).filter((k) => k.startsWith('Shared.')).sort(), ['Shared.Admin', 'Shared.Admin.222222222222', 'Shared.Admin.acme']);
});

cross('should refuse an sso-session name that another block or a hand-written section already defines', () => {
  const codeOf = (fn: () => unknown): string => {
    try {
      fn();
    } catch (err) {
      return `${(err as AwsidcError).code}: ${(err as AwsidcError).message}`;
    }
    return 'accepted';
  };
  const text = fixture('with-blocks.ini');
  assert.match(codeOf(() => planConfigUpdate(text, makeInput({ integration: 'gamma', ssoSessionName: 'beta' }))), /^CONFIG_MALFORMED: integration "beta" already defines \[sso-session beta\]/);
  assert.match(codeOf(() => planConfigUpdate(fixture('sso-and-services.ini'), makeInput({ integration: 'corp' }))), /^CONFIG_MALFORMED: .*\[sso-session corp\].*line 1/);
});

cross.run();

const hand = suite('hand-written profiles');

hand('should never shadow a hand-written profile, and report the rename', async () => {
  const text = '[profile Prod.Admin]\nregion = us-east-1\n\n[profile "Dev.Admin"]\nregion = us-east-2\n';
  const r = planConfigUpdate(text, makeInput({ profiles: [spec('111111111111', 'Prod', 'Admin'), spec('222222222222', 'Dev', 'Admin')] }));
  assert.equal(names(r), { '111111111111/Admin': 'Prod.Admin.111111111111', '222222222222/Admin': 'Dev.Admin.222222222222' });
  assert.equal(r.collisions.map((c) => c.kind), ['hand-written', 'hand-written']);
  assert.ok(r.collisions[0]?.reason.includes('"[profile Prod.Admin]" on line 1'));
  const after = (await parseWithJsSdk(r.text)).config;
  assert.equal(after['Prod.Admin'], { region: 'us-east-1' });
  assert.equal(after['Dev.Admin'], { region: 'us-east-2' });
});

hand('should treat [default] as the hand-written profile "default"', () => {
  const withDefault = planConfigUpdate(fixture('handwritten-basic.ini'), makeInput({ nameTemplate: '{{accountName}}', profiles: [spec('111111111111', 'default', 'Admin')] }));
  assert.equal(brief(withDefault.collisions), [{ wanted: 'default', given: 'default.111111111111', kind: 'hand-written' }]);
  assert.ok(withDefault.collisions[0]?.reason.includes('[default]'));
  const without = planConfigUpdate('', makeInput({ nameTemplate: '{{accountName}}', profiles: [spec('111111111111', 'Default', 'Admin')] }));
  assert.equal(brief(without.collisions), [{ wanted: 'Default', given: 'Default.111111111111', kind: 'reserved' }]);
});

hand('should see names the way botocore does too ([profilex name], extra spaces)', () => {
  const text = '[profilex Prod.Admin]\nregion = us-east-1\n[profile   Dev.Admin  ]\nregion = us-east-2\n';
  const r = planConfigUpdate(text, makeInput({ profiles: [spec('111111111111', 'Prod', 'Admin'), spec('222222222222', 'Dev', 'Admin')] }));
  assert.equal(r.collisions.map((c) => [c.given, c.kind]), [['Prod.Admin.111111111111', 'hand-written'], ['Dev.Admin.222222222222', 'hand-written']]);
});

hand('should move our profile away when the user later writes one by hand with its name', () => {
  const first = planConfigUpdate('', makeInput({ profiles: [spec('111111111111', 'Prod', 'Admin')] }));
  const edited = `[profile Prod.Admin]\nregion = ap-east-1\n\n${first.text}`;
  const second = planConfigUpdate(edited, makeInput({ profiles: [spec('111111111111', 'Prod', 'Admin')] }));
  assert.equal(names(second), { '111111111111/Admin': 'Prod.Admin.111111111111' });
  assert.ok(second.text.startsWith('[profile Prod.Admin]\nregion = ap-east-1\n\n'));
  assert.equal(second.removed, ['Prod.Admin']);
  assert.equal(second.added, ['Prod.Admin.111111111111']);
});

hand('should treat names reserved by the caller (credentials file) like hand-written ones', () => {
  const r = planConfigUpdate('', makeInput({ reservedNames: new Set(['Prod.Admin']), profiles: [spec('111111111111', 'Prod', 'Admin')] }));
  assert.equal(brief(r.collisions), [{ wanted: 'Prod.Admin', given: 'Prod.Admin.111111111111', kind: 'hand-written' }]);
});

hand('should ignore lookalike sections in comments and our own old block', () => {
  const text = `# [profile Prod.Admin]\n; [profile Prod.Admin]\n${startMarker('acme')}\n[profile Prod.Admin]\nregion = x\ncredential_process = a --account-id 111111111111 --role-name Admin\n# <<< awsidc integration "acme"\n`;
  const r = planConfigUpdate(text, makeInput({ profiles: [spec('111111111111', 'Prod', 'Admin')] }));
  assert.equal(r.collisions, []);
  assert.equal(names(r), { '111111111111/Admin': 'Prod.Admin' });
});

hand.run();
