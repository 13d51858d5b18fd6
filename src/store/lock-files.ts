import { join } from 'node:path';

// Lock files live under <cache>/locks; the locked path itself never needs to exist (see store/lock.ts).

/** Serialises token refreshes and writes of one integration's session, so N processes make one CreateToken call. */
export function sessionLockFile(cacheDir: string, alias: string): string {
  return join(cacheDir, 'locks', `session-${alias}`);
}

/** Held while one --auto-login browser sign-in runs; every other waiting process polls the token file instead. */
export function loginLockFile(cacheDir: string, alias: string): string {
  return join(cacheDir, 'locks', `login-${alias}`);
}

/** Written ({"at": epoch ms}) when an --auto-login sign-in fails; see AUTO_LOGIN_COOLDOWN_MS. */
export function loginFailedMarker(cacheDir: string, alias: string): string {
  return join(cacheDir, 'locks', `login-${alias}.failed`);
}
