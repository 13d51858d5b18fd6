import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_ROLES, generateOrg, loadOrg, OrgError, validateOrg } from '../../src/emulator/org.js';

const test = suite('emulator org model');

const SAMPLE = fileURLToPath(new URL('../../src/emulator/sample-org.json', import.meta.url));

test('should generate the same org for the same inputs and a different one for another seed', () => {
  assert.equal(generateOrg({ accounts: 40 }), generateOrg({ accounts: 40 }));
  assert.equal(generateOrg({ accounts: 40, seed: 9 }), generateOrg({ accounts: 40, seed: 9 }));
  assert.not.equal(generateOrg({ accounts: 40, seed: 1 }).accounts.map((a) => a.accountId), generateOrg({ accounts: 40, seed: 2 }).accounts.map((a) => a.accountId));
});

test('should give unique 12-digit ids, 1-3 distinct roles from the list, and realistic names', () => {
  const org = generateOrg({ accounts: 300 });
  assert.is(org.accounts.length, 300);
  assert.is(new Set(org.accounts.map((a) => a.accountId)).size, 300);
  assert.is(new Set(org.accounts.map((a) => a.accountName)).size, 300, 'names are unique');
  for (const a of org.accounts) {
    assert.match(a.accountId, /^\d{12}$/);
    assert.ok(a.roles.length >= 1 && a.roles.length <= 3, `${a.accountName} has ${a.roles.length} roles`);
    assert.is(new Set(a.roles).size, a.roles.length);
    assert.ok(a.roles.every((r) => DEFAULT_ROLES.includes(r)));
    assert.match(a.emailAddress, /^[\x21-\x7e]+@example\.com$/);
  }
  const names = org.accounts.slice(0, 5).map((a) => a.accountName);
  assert.ok(names.includes('Payments (Prod)') && names.includes('[Legacy] Data Lake') && names.includes('Sandbox – Alice'));
  assert.ok(names.includes('Shared Services / Networking'));
  assert.ok(names.some((n) => n.length > 60), 'a long name in the first five');
  assert.ok(org.accounts.some((a) => /[^\x00-\x7f]/.test(a.accountName)), 'some unicode');
  assert.ok(new Set(org.accounts.map((a) => a.roles.length)).size === 3, 'every role count 1..3 occurs');
});

test('should respect a custom role list, even a short one', () => {
  const org = generateOrg({ accounts: 20, roles: ['OnlyRole'] });
  assert.ok(org.accounts.every((a) => a.roles.length === 1 && a.roles[0] === 'OnlyRole'));
  assert.throws(() => generateOrg({ accounts: 0 }), /accounts must be an integer/);
  assert.throws(() => generateOrg({ accounts: 2, roles: [] }), /roles must not be empty/);
  assert.throws(() => generateOrg({ accounts: 2, roles: ['has space'] }), /roles\[0\]/);
});

test('should load the sample org file', () => {
  const org = loadOrg(SAMPLE);
  assert.ok(org.accounts.length >= 6 && org.accounts.length <= 8);
  assert.is(org.user.userName, 'alice');
});

test('should fail with one-line errors that name the file and field', () => {
  const dir = mkdtempSync(join(tmpdir(), 'awsidc-org-'));
  try {
    const write = (name: string, text: string): string => {
      const p = join(dir, name);
      writeFileSync(p, text);
      return p;
    };
    const cases: Array<[string, RegExp]> = [
      [join(dir, 'missing.json'), /missing\.json: cannot read org file \(ENOENT\)/],
      [write('bad.json', '{ not json'), /bad\.json: not valid JSON/],
      [write('empty.json', '{"accounts": []}'), /accounts must be a non-empty array/],
      [write('id.json', '{"accounts":[{"accountId":"123","accountName":"A","roles":["R"]}]}'), /accounts\[0\]\.accountId must be a 12-digit string, got "123"/],
      [write('num.json', '{"accounts":[{"accountId":111111111111,"accountName":"A","roles":["R"]}]}'), /accounts\[0\]\.accountId must be a 12-digit string/],
      [
        write('dup.json', '{"accounts":[{"accountId":"111111111111","accountName":"A","roles":["R"]},{"accountId":"111111111111","accountName":"B","roles":["R"]}]}'),
        /accounts\[1\]\.accountId 111111111111 appears twice/,
      ],
      [write('roles.json', '{"accounts":[{"accountId":"111111111111","accountName":"A","roles":[]}]}'), /accounts\[0\]\.roles must be a non-empty array/],
      [write('role.json', '{"accounts":[{"accountId":"111111111111","accountName":"A","roles":["a b"]}]}'), /accounts\[0\]\.roles\[0\] must be a permission-set name/],
      [write('user.json', '{"user":{"userName":"","email":"x@y"},"accounts":[{"accountId":"111111111111","accountName":"A","roles":["R"]}]}'), /user\.userName/],
    ];
    for (const [path, pattern] of cases) {
      try {
        loadOrg(path);
        assert.unreachable(`${path} should not load`);
      } catch (err) {
        assert.instance(err, OrgError);
        const message = (err as Error).message;
        assert.match(message, pattern);
        assert.not.match(message, /\n/);
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('should default the user and e-mail address when a hand-written org omits them', () => {
  const org = validateOrg({ accounts: [{ accountId: '123456789012', accountName: 'A', roles: ['R'] }] });
  assert.equal(org.user, { userName: 'alice', email: 'alice@example.com' });
  assert.is(org.accounts[0]?.emailAddress, 'aws+123456789012@example.com');
});

test.run();
