import { parseArgs } from 'node:util';
import { AwsidcError } from '../core/errors.js';

/** The role one `awsidc credentials` call asks for. */
export interface RoleArgs {
  integration: string;
  accountId: string;
  roleName: string;
}

const ACCOUNT_ID = /^\d{12}$/;
const ROLE_NAME = /^[\w+=,.@-]{1,64}$/;
const ALIAS = /^[a-z0-9][a-z0-9-]{0,62}$/;
const NAMES = { '--integration': 'integration', '--account-id': 'accountId', '--role-name': 'roleName' } as const;

/**
 * `--integration A --account-id ID --role-name R` (any order, `--name=value` too) → the role; `'help'` for
 * --help/-h; an AwsidcError for anything else. The generated profile lines always take the fast loop below:
 * util.parseArgs costs a measurable share of a cache hit, so it only runs for unusual input, where its
 * exact error messages are worth the time.
 */
export function parseCredentialsArgs(args: string[]): RoleArgs | 'help' | AwsidcError {
  return fastParse(args) ?? slowParse(args);
}

// Undefined for anything it does not fully understand, so the two parsers can never disagree on an answer.
function fastParse(args: string[]): RoleArgs | undefined {
  const out: Partial<Record<(typeof NAMES)[keyof typeof NAMES], string>> = {};
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const eq = arg.indexOf('=');
    const flag = eq < 0 ? arg : arg.slice(0, eq);
    if (!Object.hasOwn(NAMES, flag)) return undefined; // not `in`: '__proto__' would find Object.prototype
    const key = NAMES[flag as keyof typeof NAMES];
    if (Object.hasOwn(out, key)) return undefined;
    const value = eq < 0 ? args[++i] : arg.slice(eq + 1);
    if (value === undefined || value.startsWith('-')) return undefined;
    out[key] = value;
  }
  const { integration, accountId, roleName } = out;
  if (integration === undefined || accountId === undefined || roleName === undefined) return undefined;
  return valid({ integration, accountId, roleName }) ? { integration, accountId, roleName } : undefined;
}

function slowParse(args: string[]): RoleArgs | 'help' | AwsidcError {
  let values: { integration?: string; 'account-id'?: string; 'role-name'?: string; help?: boolean };
  try {
    values = parseArgs({
      args,
      options: {
        integration: { type: 'string' },
        'account-id': { type: 'string' },
        'role-name': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
    }).values;
  } catch (err) {
    return new AwsidcError('USAGE', (err as Error).message, { hint: 'see `awsidc credentials --help`' });
  }
  if (values.help) return 'help';
  const role = { integration: values.integration ?? '', accountId: values['account-id'] ?? '', roleName: values['role-name'] ?? '' };
  if (valid(role)) return role;
  return new AwsidcError('USAGE', 'credentials needs --integration NAME, --account-id (12 digits) and --role-name', {
    hint: 'run `awsidc sync` to regenerate the profile lines',
  });
}

function valid(r: RoleArgs): boolean {
  return ALIAS.test(r.integration) && ACCOUNT_ID.test(r.accountId) && ROLE_NAME.test(r.roleName);
}
