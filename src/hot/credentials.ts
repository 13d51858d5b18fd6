import { parseArgs } from 'node:util';
import { AwsidcError, EXIT, formatError } from '../core/errors.js';
import { resolvePaths, roleCachePath } from '../store/paths.js';
import { readFreshRoleCache } from '../store/role-cache.js';

// The hot path: runs once per AWS tool process. A hit reads one file and prints it; nothing else is loaded.
// Only a miss imports the SDK (through ./miss.js, a separate bundle).

const ACCOUNT_ID = /^\d{12}$/;
const ROLE_NAME = /^[\w+=,.@-]{1,64}$/;
const ALIAS = /^[a-z0-9][a-z0-9-]{0,62}$/;

/**
 * `awsidc credentials --integration A --account-id ID --role-name R [--auto-login]`: prints one credential_process
 * JSON object. Never prompts or reads stdin: when a sign-in is needed (and --auto-login is off or cannot open a
 * browser) it exits 3 at once with one stderr line naming `awsidc login`.
 */
export async function runCredentials(args: string[]): Promise<number> {
  let values: { integration?: string; 'account-id'?: string; 'role-name'?: string; 'auto-login'?: boolean; help?: boolean };
  try {
    values = parseArgs({
      args,
      options: {
        integration: { type: 'string' },
        'account-id': { type: 'string' },
        'role-name': { type: 'string' },
        // Only read on a miss: one browser sign-in for all waiting processes when the session cannot be refreshed.
        'auto-login': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
    }).values;
  } catch (err) {
    return fail(new AwsidcError('USAGE', (err as Error).message, { hint: 'see `awsidc credentials --help`' }));
  }
  if (values.help) return -1;
  const integration = values.integration ?? '';
  const accountId = values['account-id'] ?? '';
  const roleName = values['role-name'] ?? '';
  if (!ALIAS.test(integration) || !ACCOUNT_ID.test(accountId) || !ROLE_NAME.test(roleName)) {
    return fail(
      new AwsidcError('USAGE', 'credentials needs --integration NAME, --account-id (12 digits) and --role-name', {
        hint: 'run `awsidc sync` to regenerate the profile lines',
      }),
    );
  }
  const paths = resolvePaths();
  const cacheFile = roleCachePath(paths.cacheDir, integration, accountId, roleName);
  const hit = readFreshRoleCache(cacheFile, Date.now());
  if (hit !== undefined) {
    process.stdout.write(hit + '\n');
    return EXIT.ok;
  }
  try {
    const { missCredentials } = await import('./miss.js');
    const out = await missCredentials({ integration, accountId, roleName, cacheFile }, paths, { autoLogin: values['auto-login'] === true });
    process.stdout.write(out + '\n');
    return EXIT.ok;
  } catch (err) {
    if (err instanceof AwsidcError) return fail(err);
    // Unknown failures still get one line and no stack: this runs under other tools that show stderr verbatim.
    process.stderr.write(`awsidc: unexpected error while getting credentials: ${(err as Error)?.message ?? String(err)}\n`);
    return EXIT.unexpected;
  }
}

function fail(err: AwsidcError): number {
  process.stderr.write(formatError(err) + '\n');
  return err.exitCode;
}
