import { rmSync } from 'node:fs';
import { registrationPath } from '../store/paths.js';
import type { Integration } from '../store/integrations.js';
import { sessionLockFile } from '../store/lock-files.js';
import { withLock } from '../store/lock.js';
import type { Paths } from '../store/paths.js';
import { clearRoleCache } from '../store/role-cache.js';
import { deleteToken, readToken, tokenPath } from '../store/token-cache.js';

export interface LogoutResult {
  signedOutRemotely: boolean;
  hadToken: boolean;
}

/**
 * Signs out at the portal (best effort: Logout ends the access token and its refresh token), then deletes this
 * integration's token, its client registrations and its cached role credentials, and nothing else: other
 * integrations, other tools' token files and the AWS CLI's own caches are left alone. Under the session lock, so a
 * concurrent refresh cannot write the token back.
 */
export async function logout(integ: Integration, paths: Paths): Promise<LogoutResult> {
  const file = tokenPath(paths.ssoCacheDir, integ.ssoSessionName);
  return withLock(sessionLockFile(paths.cacheDir, integ.alias), async () => {
    const token = readToken(file);
    // A token file for another start URL under the same session name belongs to someone else.
    const ours = token !== undefined && token.startUrl === integ.startUrl;
    let signedOutRemotely = false;
    if (ours) {
      try {
        const [{ portalClient }, { logout: portalLogout }] = await Promise.all([import('../sso/clients.js'), import('../sso/portal.js')]);
        await portalLogout(portalClient(integ), token.accessToken);
        signedOutRemotely = true;
      } catch {
        // An expired or already-revoked token cannot be signed out; deleting it locally is what matters.
      }
      deleteToken(file);
    }
    for (const flow of ['device', 'pkce'] as const) rmSync(registrationPath(paths.cacheDir, integ.alias, flow), { force: true });
    clearRoleCache(paths.cacheDir, integ.alias);
    return { signedOutRemotely, hadToken: ours };
  });
}
