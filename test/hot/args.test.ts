import { parseArgs } from 'node:util';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { AwsidcError } from '../../src/core/errors.js';
import { parseCredentialsArgs } from '../../src/hot/args.js';

// The hot path parses argv by hand and falls back to util.parseArgs; the two must never disagree.

const OK = ['--integration', 'acme', '--account-id', '123456789012', '--role-name', 'Admin'];
const ROLE = { integration: 'acme', accountId: '123456789012', roleName: 'Admin' };

/** What util.parseArgs alone, with the documented validation, would answer. */
function reference(args: string[]): unknown {
  try {
    const { values } = parseArgs({
      args,
      options: { integration: { type: 'string' }, 'account-id': { type: 'string' }, 'role-name': { type: 'string' }, help: { type: 'boolean', short: 'h' } },
      strict: true,
    });
    if (values.help) return 'help';
    const r = { integration: values.integration ?? '', accountId: values['account-id'] ?? '', roleName: values['role-name'] ?? '' };
    return /^[a-z0-9][a-z0-9-]{0,62}$/.test(r.integration) && /^\d{12}$/.test(r.accountId) && /^[\w+=,.@-]{1,64}$/.test(r.roleName) ? r : 'usage';
  } catch {
    return 'usage';
  }
}

const answer = (args: string[]) => {
  const r = parseCredentialsArgs(args);
  return r instanceof AwsidcError ? (r.code === 'USAGE' ? 'usage' : r.code) : r;
};

test('should read the generated profile line, in any order and with --name=value', () => {
  assert.equal(answer(OK), ROLE);
  assert.equal(answer(['--role-name', 'Admin', '--integration', 'acme', '--account-id', '123456789012']), ROLE);
  assert.equal(answer(['--integration=acme', '--account-id=123456789012', '--role-name=Admin']), ROLE);
});

test('should answer exactly as util.parseArgs would for unusual and hostile input', () => {
  const cases: string[][] = [
    [],
    ['--help'],
    ['-h'],
    [...OK, '--help'],
    [...OK, '--integration', 'other'],
    [...OK, 'extra'],
    [...OK, '--verbose'],
    ['--integration', 'acme', '--account-id', '123456789012'],
    ['--integration', 'acme', '--account-id', '123456789012', '--role-name'],
    ['--integration', 'acme', '--account-id', '123456789012', '--role-name', '--help'],
    ['--integration', 'acme', '--account-id', '123456789012', '--role-name', '-x'],
    ['--integration', 'acme', '--account-id', '123456789012', '--role-name=-x'],
    ['--integration', 'Acme', '--account-id', '123456789012', '--role-name', 'Admin'],
    ['--integration', 'acme', '--account-id', '12345678901', '--role-name', 'Admin'],
    ['--integration', 'acme', '--account-id', '123456789012', '--role-name', 'Ad min'],
    ['--integration', 'acme', '--account-id', '123456789012', '--role-name', 'a/../../b'],
    ['--integration', '../x', '--account-id', '123456789012', '--role-name', 'Admin'],
    ['--integration', 'acme', '--account-id', '123456789012', '--role-name', 'R'.repeat(65)],
    ['--integration', 'acme', '--account-id', '123456789012', '--role-name', 'x=y,z.@+-_1'],
    ['--integration=', '--account-id', '123456789012', '--role-name', 'Admin'],
    ['--integration', 'acme', '--account-id', '123456789012', '--role-name', 'Admin', '--role-name', 'Other'],
    ['--toString', 'x', '--integration', 'acme', '--account-id', '123456789012', '--role-name', 'Admin'],
    ['--__proto__', 'x', '--integration', 'acme', '--account-id', '123456789012', '--role-name', 'Admin'],
    ['--', ...OK],
    ['__proto__', 'x', ...OK],
    ['constructor', 'x', ...OK],
    [...OK, 'toString'],
  ];
  for (const c of cases) assert.equal(answer(c), reference(c), JSON.stringify(c));
});

test.run();
