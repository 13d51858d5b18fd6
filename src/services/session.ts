import { loginRequired } from '../core/errors.js';
import { isExpired, isFresh, TOKEN_REFRESH_WINDOW_MS } from '../core/expiry.js';
import { oidcClient } from '../sso/clients.js';
import { mapSsoError } from '../sso/map-error.js';
import { refreshAccessToken } from '../sso/refresh.js';
import type { Registration } from '../sso/register.js';
import type { TokenGrant } from '../sso/token-grant.js';
import type { Integration } from '../store/integrations.js';
import { sessionLockFile } from '../store/lock-files.js';
import { withLock, withLockOrResult } from '../store/lock.js';
import type { Paths } from '../store/paths.js';
import { readToken, tokenPath, writeToken, type SsoToken } from '../store/token-cache.js';

export type SessionState =
  | { state: 'missing' }
  | { state: 'expired'; refreshable: boolean; token: SsoToken }
  | { state: 'valid'; expiresAt: number; refreshable: boolean; token: SsoToken };

/** Reads the integration's token (no network) and says whether it can be used or refreshed. */
export function sessionState(integ: Integration, paths: Paths, now: number): SessionState {
  const token = readToken(tokenPath(paths.ssoCacheDir, integ.ssoSessionName));
  if (!token || token.startUrl !== integ.startUrl) return { state: 'missing' };
  const refreshable = canRefresh(token, now);
  if (isExpired(token.expiresAt, now)) return { state: 'expired', refreshable, token };
  return { state: 'valid', expiresAt: Date.parse(token.expiresAt), refreshable, token };
}

/** A refresh needs a refresh token and a client registration that has not expired. */
export function canRefresh(t: SsoToken, now: number): boolean {
  return Boolean(t.refreshToken && t.clientId && t.clientSecret && isFresh(t.registrationExpiresAt, now, 0));
}

/**
 * A usable access token for the integration. Inside the 15-minute window it refreshes silently, under a lock,
 * so that many concurrent processes make one CreateToken call; `force` refreshes whatever expiresAt says
 * (the portal answered 401). Never prompts: a session that cannot be refreshed is LOGIN_REQUIRED.
 */
export async function getAccessToken(integ: Integration, paths: Paths, o: { force?: boolean } = {}): Promise<string> {
  const file = tokenPath(paths.ssoCacheDir, integ.ssoSessionName);
  const first = sessionState(integ, paths, Date.now());
  if (first.state === 'missing') throw loginRequired(integ.alias, 'not logged in');
  if (!o.force && first.state === 'valid' && isFresh(first.token.expiresAt, Date.now(), TOKEN_REFRESH_WINDOW_MS)) {
    return first.token.accessToken;
  }
  if (!first.refreshable) {
    if (first.state === 'valid' && !o.force) return first.token.accessToken;
    throw loginRequired(integ.alias, 'the Identity Center session has expired');
  }
  const staleToken = first.token.accessToken;
  // Another process may refresh while we wait: any token newer than the one we saw, and fresh, is the answer.
  const fresh = (): string | undefined => {
    const t = readToken(file);
    return t && t.accessToken !== staleToken && isFresh(t.expiresAt, Date.now(), TOKEN_REFRESH_WINDOW_MS) ? t.accessToken : undefined;
  };
  return withLockOrResult(sessionLockFile(paths.cacheDir, integ.alias), fresh, async () => {
    const t = readToken(file);
    if (!t || !canRefresh(t, Date.now())) throw loginRequired(integ.alias, 'the Identity Center session has expired');
    try {
      const grant = await refreshAccessToken(oidcClient(integ), {
        clientId: t.clientId!,
        clientSecret: t.clientSecret!,
        refreshToken: t.refreshToken!,
        now: Date.now(),
      });
      writeToken(file, {
        ...t,
        startUrl: integ.startUrl,
        region: integ.ssoRegion,
        accessToken: grant.accessToken,
        expiresAt: grant.expiresAt,
        refreshToken: grant.refreshToken ?? t.refreshToken,
      });
      return grant.accessToken;
    } catch (err) {
      const name = (err as { name?: string }).name ?? '';
      if (['InvalidGrantException', 'InvalidClientException', 'UnauthorizedClientException', 'ExpiredTokenException', 'AccessDeniedException'].includes(name)) {
        throw loginRequired(integ.alias, 'the Identity Center session could not be refreshed');
      }
      // A network blip: the old token is still good if it has not expired.
      if (!o.force && !isExpired(t.expiresAt, Date.now())) return t.accessToken;
      throw mapSsoError(err, integ.alias, 'refreshing the session');
    }
  });
}

/**
 * Writes a fresh login to the shared token file (AWS CLI format, with the registration so botocore can refresh it
 * too), under the session lock so a concurrent refresh cannot overwrite it with the old grant.
 */
export async function saveLogin(integ: Integration, paths: Paths, grant: TokenGrant, reg: Pick<Registration, 'clientId' | 'clientSecret' | 'expiresAt'>): Promise<void> {
  await withLock(sessionLockFile(paths.cacheDir, integ.alias), async () => {
    writeToken(tokenPath(paths.ssoCacheDir, integ.ssoSessionName), {
      startUrl: integ.startUrl,
      region: integ.ssoRegion,
      accessToken: grant.accessToken,
      expiresAt: grant.expiresAt,
      clientId: reg.clientId,
      clientSecret: reg.clientSecret,
      registrationExpiresAt: reg.expiresAt,
      ...(grant.refreshToken ? { refreshToken: grant.refreshToken } : {}),
    });
  });
}
