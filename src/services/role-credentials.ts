import { loginRequired } from '../core/errors.js';
import { LOGIN_TIMEOUT_MS } from '../core/expiry.js';
import { toProcessOutput } from '../core/process-output.js';
import { portalClient } from '../sso/clients.js';
import { isUnauthorized, mapSsoError } from '../sso/map-error.js';
import { getRoleCredentials } from '../sso/portal.js';
import { loadIntegration } from '../store/integrations.js';
import { withLockOrResult } from '../store/lock.js';
import type { Paths } from '../store/paths.js';
import { readFreshRoleCache, writeRoleCache } from '../store/role-cache.js';
import { sessionToken, type SessionTokenOptions } from './auto-login.js';

export interface RoleRequest {
  integration: string;
  accountId: string;
  roleName: string;
  cacheFile: string;
}

/**
 * The cache-miss half of `awsidc credentials`. First a session token (refreshed once for all concurrent processes,
 * or one --auto-login sign-in); then one process per role takes the role lock and calls GetRoleCredentials while the
 * others poll the cache it writes. A 401 refreshes once (the same one refresh for everyone) and retries.
 */
export async function fetchRoleCredentials(
  req: RoleRequest,
  paths: Paths,
  o: Omit<SessionTokenOptions, 'rejected' | 'autoLogin'> & { autoLogin?: boolean },
): Promise<string> {
  const integ = loadIntegration(paths.configDir, req.integration);
  const autoLogin = Boolean(o.autoLogin || integ.autoLogin);
  const session = (rejected?: string) => sessionToken(integ, paths, { ...o, autoLogin, ...(rejected === undefined ? {} : { rejected }) });
  const what = `getting credentials for ${req.roleName} in ${req.accountId}`;
  const token = await session();
  const ready = () => readFreshRoleCache(req.cacheFile, Date.now());
  // A 401 under auto-login may mean a browser sign-in while we hold the role lock: waiters must outlast it.
  const lockTimeout = autoLogin ? (o.timeoutMs ?? LOGIN_TIMEOUT_MS) + 120_000 : undefined;
  return withLockOrResult(
    req.cacheFile,
    ready,
    async () => {
      const client = portalClient(integ);
      let creds;
      try {
        creds = await getRoleCredentials(client, token, req.accountId, req.roleName);
      } catch (err) {
        if (!isUnauthorized(err)) throw mapSsoError(err, integ.alias, what);
        const again = await session(token);
        try {
          creds = await getRoleCredentials(client, again, req.accountId, req.roleName);
        } catch (err2) {
          if (isUnauthorized(err2)) throw loginRequired(integ.alias, 'the Identity Center session was signed out');
          throw mapSsoError(err2, integ.alias, what);
        }
      }
      const out = toProcessOutput(creds, req.accountId);
      writeRoleCache(req.cacheFile, out);
      return out;
    },
    lockTimeout,
  );
}
