import { loginRequired } from '../core/errors.js';
import { toProcessOutput } from '../core/process-output.js';
import { portalClient } from '../sso/clients.js';
import { mapSsoError } from '../sso/map-error.js';
import { getRoleCredentials } from '../sso/portal.js';
import { loadIntegration } from '../store/integrations.js';
import { withLockOrResult } from '../store/lock.js';
import type { Paths } from '../store/paths.js';
import { readFreshRoleCache, writeRoleCache } from '../store/role-cache.js';
import { getAccessToken } from './session.js';

export interface RoleRequest {
  integration: string;
  accountId: string;
  roleName: string;
  cacheFile: string;
}

/**
 * The cache-miss half of `awsidc credentials`: one process per role takes the lock and calls GetRoleCredentials;
 * the others poll the cache (lock-free) and return what it wrote. A 401 triggers one forced token refresh.
 */
export async function fetchRoleCredentials(req: RoleRequest, paths: Paths): Promise<string> {
  const integ = loadIntegration(paths.configDir, req.integration);
  const ready = () => readFreshRoleCache(req.cacheFile, Date.now());
  return withLockOrResult(req.cacheFile, ready, async () => {
    const client = portalClient(integ);
    const call = async (force: boolean) => {
      const token = await getAccessToken(integ, paths, { force });
      return getRoleCredentials(client, token, req.accountId, req.roleName);
    };
    let creds;
    try {
      creds = await call(false);
    } catch (err) {
      const unauthorized = (err as { name?: string }).name === 'UnauthorizedException';
      if (!unauthorized) throw mapSsoError(err, integ.alias, `getting credentials for ${req.roleName} in ${req.accountId}`);
      try {
        creds = await call(true);
      } catch (again) {
        if ((again as { name?: string }).name === 'UnauthorizedException') throw loginRequired(integ.alias, 'the Identity Center session was signed out');
        throw mapSsoError(again, integ.alias, `getting credentials for ${req.roleName} in ${req.accountId}`);
      }
    }
    const out = toProcessOutput(creds, req.accountId);
    writeRoleCache(req.cacheFile, out);
    return out;
  });
}
