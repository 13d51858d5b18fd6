// Bundle entry for the cache-miss path (dist/miss.mjs): the SDK is loaded only when this is imported.
import { currentHost } from '../services/choose-flow.js';
import { fetchRoleCredentials, type RoleRequest } from '../services/role-credentials.js';
import type { Paths } from '../store/paths.js';
import { autoLoginUi } from './auto-login-ui.js';

/** `credentials` on a cache miss: session (refresh, or one --auto-login sign-in), then GetRoleCredentials. */
export function missCredentials(req: RoleRequest, paths: Paths, o: { autoLogin: boolean }): Promise<string> {
  return fetchRoleCredentials(req, paths, { autoLogin: o.autoLogin, ui: autoLoginUi(req.integration), host: currentHost() });
}
