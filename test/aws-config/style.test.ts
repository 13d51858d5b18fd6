import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { listManagedBlocks, listManagedProfiles } from '../../src/aws-config/list.js';
import { planConfigUpdate } from '../../src/aws-config/plan.js';
import { parseWithJsSdk } from './helpers/parsers.js';
import { blockLines, byName, fixture, LISTING, makeInput } from './helpers/input.js';

const style = suite('profile styles');

style('should write the documented block for style process', () => {
  const r = planConfigUpdate('', makeInput({ profiles: LISTING.slice(0, 1) }));
  assert.is(
    r.text,
    [
      '# >>> awsidc integration "acme" -- managed by awsidc; edits inside are replaced by `awsidc sync`',
      '[sso-session acme]',
      'sso_start_url = https://d-1234567890.awsapps.com/start',
      'sso_region = us-east-1',
      'sso_registration_scopes = sso:account:access',
      '',
      '[profile Payments-Prod.AdministratorAccess]',
      'region = eu-west-1',
      'credential_process = "/usr/bin/node" "/opt/awsidc/dist/awsidc.cjs" credentials --integration acme --account-id 123456789012 --role-name "AdministratorAccess"',
      '# <<< awsidc integration "acme"',
      '',
    ].join('\n'),
  );
});

style('should write sso_* keys and never credential_process for style native', async () => {
  let called = 0;
  const input = makeInput({ style: 'native', ssoSessionName: 'acme-sso', credentialProcess: () => { called++; return 'x'; } });
  const r = planConfigUpdate('', input);
  assert.is(called, 0);
  const parsed = (await parseWithJsSdk(r.text)).config;
  for (const p of r.profiles) {
    const listed = LISTING.find((l) => l.accountId === p.accountId && l.roleName === p.roleName);
    assert.equal(parsed[p.name], { sso_session: 'acme-sso', sso_account_id: p.accountId, sso_role_name: p.roleName, region: listed?.region });
  }
  assert.ok(parsed['sso-session.acme-sso']);
});

style('should switch every profile when the style changes, and back', () => {
  const processText = planConfigUpdate('', makeInput()).text;
  const nativeText = planConfigUpdate(processText, makeInput({ style: 'native' })).text;
  const nat = listManagedProfiles(nativeText);
  assert.ok(nat.length === LISTING.length && nat.every((p) => p.hasSsoKeys && !p.hasCredentialProcess));
  const back = planConfigUpdate(nativeText, makeInput());
  assert.is(back.text, processText);
  assert.ok(listManagedProfiles(back.text).every((p) => p.hasCredentialProcess && !p.hasSsoKeys));
});

style('should report profiles that keep their name but change keys as updated, and nothing on a re-run', () => {
  const first = planConfigUpdate('', makeInput());
  assert.equal(first.updated, []);
  assert.equal(planConfigUpdate(first.text, makeInput()).updated, []);
  const moved = planConfigUpdate(first.text, makeInput({ profiles: LISTING.map((p) => (p.accountId === '333333333333' ? { ...p, region: 'ap-south-1' } : p)) }));
  assert.equal(moved.updated, ['Sandbox.PowerUserAccess']);
  assert.equal([moved.added, moved.removed], [[], []]);
  const native = planConfigUpdate(first.text, makeInput({ style: 'native' }));
  assert.equal(native.updated, first.profiles.map((p) => p.name));
});

style('should write a CRLF block into a CRLF file and keep the rest as it was', () => {
  const text = fixture('crlf.ini');
  const r = planConfigUpdate(text, makeInput());
  assert.ok(r.text.startsWith(text));
  const lines = blockLines(r.text, 'acme');
  assert.ok(lines.length > 5 && lines.every((l) => l.endsWith('\r\n')));
  assert.not.ok(/[^\r]\n/.test(r.text), 'no bare LF anywhere');
});

style('should sort profiles by name, case-insensitively, the same way on every run', () => {
  const r = planConfigUpdate('', makeInput({ nameTemplate: '{{roleName}}-{{accountId}}' }));
  const got = r.profiles.map((p) => p.name);
  assert.equal(got, [...got].sort(byName));
});

style.run();

const list = suite('listManagedProfiles');

list('should list every profile of every block with its identity and keys', () => {
  const text = fixture('with-blocks.ini');
  assert.equal(listManagedProfiles(text), [
    { integration: 'acme', name: 'Old-Name.AdministratorAccess', accountId: '123456789012', roleName: 'AdministratorAccess', region: 'eu-west-1', hasCredentialProcess: true, hasSsoKeys: false, line: 11 },
    { integration: 'acme', name: 'Gone.ReadOnly', accountId: '999988887777', roleName: 'ReadOnly', region: 'eu-west-1', hasCredentialProcess: true, hasSsoKeys: false, line: 15 },
    { integration: 'beta', name: 'Shared.AdministratorAccess', accountId: '555566667777', roleName: 'AdministratorAccess', region: 'eu-west-1', hasCredentialProcess: false, hasSsoKeys: true, line: 29 },
  ]);
  assert.equal(listManagedBlocks(text), [
    { integration: 'acme', ssoSessionName: 'acme', startLine: 5, endLine: 18 },
    { integration: 'beta', ssoSessionName: 'beta', startLine: 23, endLine: 34 },
  ]);
});

list('should list nothing for a file without blocks', () => {
  assert.equal(listManagedProfiles(fixture('handwritten-basic.ini')), []);
  assert.equal(listManagedProfiles(''), []);
});

list.run();
