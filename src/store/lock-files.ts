import { join } from 'node:path';

// Lock files live under <cache>/locks; the locked path itself never needs to exist (proper-lockfile, realpath off).

/** Serialises token refreshes and writes of one integration's session, so N processes make one CreateToken call. */
export function sessionLockFile(cacheDir: string, alias: string): string {
  return join(cacheDir, 'locks', `session-${alias}`);
}

