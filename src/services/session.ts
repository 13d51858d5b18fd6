import { rmSync } from 'node:fs';
import { loginRequired } from '../core/errors.js';
import { isExpired, isFresh, TOKEN_REFRESH_WINDOW_MS } from '../core/expiry.js';
import { mapSsoError } from '../sso/map-error.js';
import type { Registration } from '../sso/register.js';
import type { TokenGrant } from '../sso/token-grant.js';
import type { Integration } from '../store/integrations.js';
import { loginFailedMarker, sessionLockFile } from '../store/lock-files.js';
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

/** A refresh needs a refresh token and a client registration that has not expired (as botocore checks). */
export function canRefresh(t: SsoToken, now: number): boolean {
  return Boolean(t.refreshToken && t.clientId && t.clientSecret && isFresh(t.registrationExpiresAt, now, 0));
}

// CreateToken answers that mean the refresh token (or its client) is dead: only a new login helps.
const REFRESH_REFUSED = new Set(['InvalidGrantException', 'InvalidClientException', 'UnauthorizedClientException', 'ExpiredTokenException', 'AccessDeniedException']);

/**
 * A usable access token for the integration. Inside the 15-minute window, or when the portal refused `rejected`
 * (a 401 whatever expiresAt says), it refreshes under the session lock: the first process refreshes and the rest
 * take the token it wrote, so N concurrent processes make one CreateToken call. Never prompts; a session that
 * cannot be refreshed is LOGIN_REQUIRED (exit 3).
 */
export async function getAccessToken(integ: Integration, paths: Paths, o: { rejected?: string } = {}): Promise<string> {
  const file = tokenPath(paths.ssoCacheDir, integ.ssoSessionName);
  const first = sessionState(integ, paths, Date.now());
  if (first.state === 'missing') throw loginRequired(integ.alias, 'not logged in');
  const seen = first.token;
  const stillValid = (t: SsoToken) => t.accessToken !== o.rejected && !isExpired(t.expiresAt, Date.now());
  // The token that got the 401 may already have been replaced by another process: then it is not ours to refresh.
  if (seen.accessToken !== o.rejected && isFresh(seen.expiresAt, Date.now(), TOKEN_REFRESH_WINDOW_MS)) return seen.accessToken;
  if (!first.refreshable) {
    // Inside the window with no way to refresh: use it while it lasts, as botocore does.
    if (stillValid(seen)) return seen.accessToken;
    throw loginRequired(integ.alias, seen.accessToken === o.rejected ? 'the Identity Center session was signed out' : 'the Identity Center session has expired');
  }
  // Whoever refreshed while we waited wrote a token other than the one we saw: that token is the answer.
  const ready = (): string | undefined => {
    const t = readToken(file);
    return t && t.startUrl === integ.startUrl && t.accessToken !== seen.accessToken && stillValid(t) ? t.accessToken : undefined;
  };
  return withLockOrResult(sessionLockFile(paths.cacheDir, integ.alias), ready, async () => {
    const t = readToken(file);
    if (!t || t.startUrl !== integ.startUrl || !canRefresh(t, Date.now())) throw loginRequired(integ.alias, 'the Identity Center session has expired');
    let grant: TokenGrant;
    try {
      // The SDK loads only here: reading a session (list, doctor, completion) never pays for it.
      const [{ oidcClient }, { refreshAccessToken }] = await Promise.all([import('../sso/clients.js'), import('../sso/refresh.js')]);
      grant = await refreshAccessToken(oidcClient(integ), { clientId: t.clientId!, clientSecret: t.clientSecret!, refreshToken: t.refreshToken!, now: Date.now() });
    } catch (err) {
      // A failed refresh (network blip, refused refresh token) leaves a token that has not expired and was not
      // refused usable until it expires, as botocore does; the next call tries again.
      if (stillValid(t)) return t.accessToken;
      if (REFRESH_REFUSED.has((err as { name?: string }).name ?? '')) {
        throw loginRequired(integ.alias, 'the Identity Center session could not be refreshed (it ended or was signed out)');
      }
      throw mapSsoError(err, integ.alias, 'refreshing the session');
    }
    // A service that does not rotate refresh tokens returns none: the old one stays valid (RFC 6749 §6), keep it.
    writeToken(file, { ...t, startUrl: integ.startUrl, region: integ.ssoRegion, accessToken: grant.accessToken, expiresAt: grant.expiresAt, refreshToken: grant.refreshToken ?? t.refreshToken });
    return grant.accessToken;
  });
}

/**
 * Writes a fresh login to the shared token file (AWS CLI format, with the registration so botocore can refresh it
 * too), under the session lock so a concurrent refresh cannot overwrite it with the old grant. A successful sign-in
 * also lifts the --auto-login cool-down.
 */
export async function saveLogin(integ: Integration, paths: Paths, grant: TokenGrant, reg: Pick<Registration, 'clientId' | 'clientSecret' | 'expiresAt'>): Promise<void> {
  await withLock(sessionLockFile(paths.cacheDir, integ.alias), async () => {
    rmSync(loginFailedMarker(paths.cacheDir, integ.alias), { force: true });
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
