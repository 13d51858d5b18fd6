import { AwsidcError, EXIT, formatError } from '../core/errors.js';
import { cacheDir, roleCachePath } from '../store/cache-dir.js';
import type { Paths } from '../store/paths.js';
import { readFreshRoleCache } from '../store/role-cache.js';
import { parseCredentialsArgs, type RoleArgs } from './args.js';
import { writeStdout } from './write-stdout.js';

// The hot path: runs once per AWS tool process. A hit parses argv, reads one file, writes it to fd 1 and loads no
// module beyond what Node itself has loaded (test/hot/hit-path.test.ts checks). Only a miss imports ./miss.js,
// a separate bundle, and only the process that wins the role's lock loads the SDK.

/** `awsidc credentials --integration A --account-id ID --role-name R`: prints one credential_process JSON object. */
export async function runCredentials(args: string[]): Promise<number> {
  const role = parseCredentialsArgs(args);
  if (role === 'help') return -1;
  if (role instanceof AwsidcError) return fail(role);
  try {
    writeStdout((await roleCredentialsJson(role)) + '\n');
    return EXIT.ok;
  } catch (err) {
    if (err instanceof AwsidcError) return fail(err);
    // Unknown failures still get one line and no stack: this runs under other tools that show stderr verbatim.
    process.stderr.write(`awsidc: unexpected error while getting credentials: ${(err as Error)?.message ?? String(err)}\n`);
    return EXIT.unexpected;
  }
}

/** One role of one integration, as written into a credential_process line. */
export type RoleRef = RoleArgs;

// Shared with exec/export/console, so every consumer uses the same cache and the same lock. Without `paths` (the
// hot path) the cache directory is computed without env-paths and nothing else is resolved on a hit.
/** The credential_process JSON for a role: the cached document when fresh, otherwise one fetch under the role's lock. */
export async function roleCredentialsJson(role: RoleRef, paths?: Paths): Promise<string> {
  const cacheFile = roleCachePath(paths?.cacheDir ?? cacheDir(), role.integration, role.accountId, role.roleName);
  const hit = readFreshRoleCache(cacheFile, Date.now());
  if (hit !== undefined) return hit;
  const { fetchRoleCredentials } = await import('./miss.js');
  return fetchRoleCredentials({ ...role, cacheFile }, paths);
}

function fail(err: AwsidcError): number {
  process.stderr.write(formatError(err) + '\n');
  return err.exitCode;
}
