import { parseArgs } from 'node:util';
import { AwsidcError } from '../core/errors.js';

/** The role one `awsidc credentials` call asks for. */
export interface RoleArgs {
  integration: string;
  accountId: string;
  roleName: string;
  /** --auto-login: only read on a miss (one browser sign-in for all waiting processes). */
  autoLogin?: boolean;
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
  let autoLogin = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--auto-login' && !autoLogin) {
      autoLogin = true;
      continue;
    }
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
  if (!valid({ integration, accountId, roleName })) return undefined;
  return autoLogin ? { integration, accountId, roleName, autoLogin } : { integration, accountId, roleName };
}

function slowParse(args: string[]): RoleArgs | 'help' | AwsidcError {
  let values: { integration?: string; 'account-id'?: string; 'role-name'?: string; 'auto-login'?: boolean; help?: boolean };
  try {
    values = parseArgs({
      args,
      options: {
        integration: { type: 'string' },
        'account-id': { type: 'string' },
        'role-name': { type: 'string' },
        'auto-login': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
    }).values;
  } catch (err) {
    return new AwsidcError('USAGE', (err as Error).message, { hint: 'see `awsidc credentials --help`' });
  }
  if (values.help) return 'help';
  const role = { integration: values.integration ?? '', accountId: values['account-id'] ?? '', roleName: values['role-name'] ?? '' };
  if (valid(role)) return values['auto-login'] ? { ...role, autoLogin: true } : role;
  return new AwsidcError('USAGE', 'credentials needs --integration NAME, --account-id (12 digits) and --role-name', {
    hint: 'run `awsidc sync` to regenerate the profile lines',
  });
}

function valid(r: RoleArgs): boolean {
  return ALIAS.test(r.integration) && ACCOUNT_ID.test(r.accountId) && ROLE_NAME.test(r.roleName);
}
