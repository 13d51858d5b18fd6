import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { HOSTILE_ACCOUNT_NAMES } from '../helpers/hostile-names.js';
import { planConfigUpdate } from '../../src/aws-config/plan.js';
import type { BlockInput, PlanResult, ProfileSpec } from '../../src/aws-config/types.js';
import { AwsidcError } from '../../src/core/errors.js';
import { SAFE_PROFILE_NAME } from '../../src/core/profile-name.js';
import { botocoreAvailable, parseWithBotocore, parseWithJsSdk } from './helpers/parsers.js';
import { fixture, makeInput, spec } from './helpers/input.js';

// Names from the portal are data, not config: whatever they contain, the block holds exactly one sso-session
// section and one profile section per role, each with exactly its keys.


// Role names that are unusual but can be written as a value without changing what either SDK reads.
const ODD_BUT_WRITABLE_ROLES = ['Admin]', '[profile x]', 'a=b', 'x;y', 'x#y', 'R'.repeat(300), '🚀', 'Ünïcødé'];

function hostileListing(): ProfileSpec[] {
  const out: ProfileSpec[] = [];
  HOSTILE_ACCOUNT_NAMES.forEach((name, i) => out.push(spec(String(100000000000 + i), name, 'AdministratorAccess')));
  ODD_BUT_WRITABLE_ROLES.forEach((role, i) => out.push(spec(String(200000000000 + i), ODD_BUT_WRITABLE_ROLES[(i + 1) % ODD_BUT_WRITABLE_ROLES.length] as string, role)));
  return out;
}

function expectedKeys(input: BlockInput, p: { accountId: string; roleName: string }, region: string): Record<string, string> {
  if (input.style === 'native') {
    return { sso_session: input.ssoSessionName, sso_account_id: p.accountId, sso_role_name: p.roleName, region };
  }
  return { region, credential_process: input.credentialProcess({ accountId: p.accountId, roleName: p.roleName, accountName: '', region }) };
}

async function assertExactly(base: string, input: BlockInput, result: PlanResult): Promise<void> {
  assert.is(result.profiles.length, input.profiles.length, 'one profile per role');
  assert.is(new Set(result.profiles.map((p) => p.name)).size, result.profiles.length, 'names are unique');
  for (const p of result.profiles) assert.ok(SAFE_PROFILE_NAME.test(p.name), p.name);

  const before = (await parseWithJsSdk(base)).config;
  const after = (await parseWithJsSdk(result.text)).config;
  const expected: Record<string, unknown> = { ...before };
  expected[`sso-session.${input.ssoSessionName}`] = { sso_start_url: input.startUrl, sso_region: input.ssoRegion, sso_registration_scopes: 'sso:account:access' };
  for (const p of result.profiles) {
    const region = input.profiles.find((s) => s.accountId === p.accountId && s.roleName === p.roleName)?.region as string;
    expected[p.name] = expectedKeys(input, p, region);
  }
  assert.equal(after, expected, 'JS SDK reads exactly the intended sections and keys');

  if (!botocoreAvailable()) return;
  const [b, a] = parseWithBotocore([base, result.text]);
  assert.ok(b?.ok && a?.ok, a?.error ?? b?.error);
  const expectedBoto: Record<string, unknown> = { ...b?.ok };
  expectedBoto[`sso-session ${input.ssoSessionName}`] = expected[`sso-session.${input.ssoSessionName}`];
  for (const p of result.profiles) expectedBoto[`profile ${p.name}`] = expected[p.name];
  assert.equal(a?.ok, expectedBoto, 'botocore reads exactly the intended sections and keys');
}

const hostile = suite('hostile names');

for (const style of ['process', 'native'] as const) {
  hostile(`should write only the intended sections and keys (${style})`, async () => {
    const base = fixture('handwritten-basic.ini');
    const input = makeInput({ style, profiles: hostileListing() });
    const result = planConfigUpdate(base, input);
    await assertExactly(base, input, result);
    assert.not.ok(planConfigUpdate(result.text, input).changed, 'stable on re-run');
  });
}

hostile('should refuse role names that cannot be written as a value, naming the account', () => {
  for (const role of ['Admin\n[profile evil]', 'Admin\rX', 'Admin #comment', 'Admin ;x', ' Admin', 'Admin\u2028x', '']) {
    try {
      planConfigUpdate('', makeInput({ style: 'native', profiles: [spec('123456789012', 'Prod', role)] }));
      assert.unreachable(`accepted ${JSON.stringify(role)}`);
    } catch (err) {
      assert.instance(err, AwsidcError, `for ${JSON.stringify(role)}`);
      assert.is((err as AwsidcError).code, 'TEMPLATE_INVALID');
      assert.ok((err as AwsidcError).message.includes('123456789012'));
      assert.not.ok((err as AwsidcError).message.includes('\n'));
    }
  }
});

hostile('should refuse a credential_process line that would add a line or a comment', () => {
  for (const cp of ['node x\n[profile evil]', 'node x # comment', '']) {
    try {
      planConfigUpdate('', makeInput({ credentialProcess: () => cp }));
      assert.unreachable(`accepted ${JSON.stringify(cp)}`);
    } catch (err) {
      assert.is((err as AwsidcError).code, 'TEMPLATE_INVALID');
    }
  }
});

hostile('should refuse account ids that are not 12 digits, and unsafe session names and values', () => {
  const codes = (over: Partial<BlockInput>): string => {
    try {
      planConfigUpdate('', makeInput(over));
    } catch (err) {
      return (err as AwsidcError).code;
    }
    return 'accepted';
  };
  assert.is(codes({ profiles: [spec('12345678901\n', 'x', 'Admin')] }), 'TEMPLATE_INVALID');
  assert.is(codes({ profiles: [spec('1234', 'x', 'Admin')] }), 'TEMPLATE_INVALID');
  assert.is(codes({ ssoSessionName: 'acme corp' }), 'TEMPLATE_INVALID');
  assert.is(codes({ ssoSessionName: 'acme]\n[default' }), 'TEMPLATE_INVALID');
  assert.is(codes({ ssoSessionName: '__proto__' }), 'TEMPLATE_INVALID');
  assert.is(codes({ ssoSessionName: 'default' }), 'accepted');
  assert.is(codes({ startUrl: 'https://x.awsapps.com/start\nsso_region = evil' }), 'TEMPLATE_INVALID');
  assert.is(codes({ ssoRegion: '' }), 'TEMPLATE_INVALID');
  assert.is(codes({ profiles: [spec('123456789012', 'x', 'Admin', 'eu-west-1\n[profile x]')] }), 'TEMPLATE_INVALID');
  assert.is(codes({ integration: 'Acme' }), 'INVALID_ALIAS');
  assert.is(codes({ nameTemplate: '{{accountName}}.{{role}}' }), 'TEMPLATE_INVALID');
});

hostile('should refuse section templates that would add a key or mix the two styles', () => {
  const base = { ssoSession: '[sso-session {{ssoSessionName}}]\nsso_start_url = {{startUrl}}\nsso_region = {{ssoRegion}}\n', profileNative: '' };
  const bad = [
    '[profile {{profileName}}]\n{{credentialProcess}}\n',
    '[profile {{profileName}}]\nregion = {{region}}\ncredential_process = {{credentialProcess}}\nsso_session = {{ssoSession}}\n',
    '[profile {{profileName}}]\nregion = {{region}}\nregion = {{region}}\ncredential_process = {{credentialProcess}}\n',
    '[profile {{profileName}}]\n\n[profile other]\ncredential_process = {{credentialProcess}}\n',
    '[profile x-{{profileName}}]\ncredential_process = {{credentialProcess}}\n',
  ];
  for (const profile of bad) {
    try {
      planConfigUpdate('', makeInput(), { ...base, profile });
      assert.unreachable(`accepted template ${JSON.stringify(profile)}`);
    } catch (err) {
      assert.is((err as AwsidcError).code, 'TEMPLATE_INVALID', String(err));
    }
  }
});

hostile.run();
