import { LOGIN_TIMEOUT_MS } from '../core/expiry.js';
import { loadIntegration } from '../store/integrations.js';
import { withLockOrResult } from '../store/lock.js';
import { resolvePaths, type Paths } from '../store/paths.js';
import { readFreshRoleCache, writeRoleCache } from '../store/role-cache.js';

export interface RoleRequest {
  integration: string;
  accountId: string;
  roleName: string;
  cacheFile: string;
  /** --auto-login on this call (the integration's own `autoLogin` setting also turns it on). */
  autoLogin?: boolean;
}

/**
 * The cache-miss half of `awsidc credentials`: of all the processes that miss on one role at once, the one that
 * takes the role's lock loads the SDK, gets a session (one refresh, or one --auto-login sign-in, for everyone) and
 * calls GetRoleCredentials; the others poll the cache (lock-free) and return what it wrote, without ever loading
 * the SDK. Each role has its own lock, so roles never wait on each other.
 */
export async function fetchRoleCredentials(req: RoleRequest, paths: Paths = resolvePaths()): Promise<string> {
  // Before any waiting: an unknown integration fails at once in every process.
  const integ = loadIntegration(paths.configDir, req.integration);
  const autoLogin = Boolean(req.autoLogin || integ.autoLogin);
  const ready = () => readFreshRoleCache(req.cacheFile, Date.now());
  // Under auto-login the holder may be in a browser sign-in: waiters must outlast it.
  const timeoutMs = autoLogin ? LOGIN_TIMEOUT_MS + 120_000 : undefined;
  return withLockOrResult(
    req.cacheFile,
    ready,
    async () => {
      const { requestRoleCredentials } = await import('./request-role-credentials.js');
      const out = await requestRoleCredentials(integ, req, paths, { autoLogin });
      writeRoleCache(req.cacheFile, out);
      return out;
    },
    timeoutMs,
  );
}
