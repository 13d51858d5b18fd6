import { rmSync } from 'node:fs';
import { portalClient } from '../sso/clients.js';
import { logout as portalLogout } from '../sso/portal.js';
import { registrationPath } from '../sso/register.js';
import type { Integration } from '../store/integrations.js';
import type { Paths } from '../store/paths.js';
import { clearRoleCache } from '../store/role-cache.js';
import { deleteToken, readToken, tokenPath } from '../store/token-cache.js';

export interface LogoutResult {
  signedOutRemotely: boolean;
  hadToken: boolean;
}

/**
 * Signs out at the portal (best effort), then deletes this integration's token, registrations and cached
 * role credentials, and nothing else.
 */
export async function logout(integ: Integration, paths: Paths): Promise<LogoutResult> {
  const file = tokenPath(paths.ssoCacheDir, integ.ssoSessionName);
  const token = readToken(file);
  let signedOutRemotely = false;
  if (token && token.startUrl === integ.startUrl) {
    try {
      await portalLogout(portalClient(integ), token.accessToken);
      signedOutRemotely = true;
    } catch {
      // An expired or already-revoked token cannot be signed out; deleting it locally is what matters.
    }
    deleteToken(file);
  }
  for (const flow of ['device', 'pkce'] as const) rmSync(registrationPath(paths.cacheDir, integ.alias, flow), { force: true });
  clearRoleCache(paths.cacheDir, integ.alias);
  return { signedOutRemotely, hadToken: Boolean(token) };
}
