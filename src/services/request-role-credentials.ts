import { loginRequired } from '../core/errors.js';
import { toProcessOutput } from '../core/process-output.js';
import { autoLoginUi } from '../hot/auto-login-ui.js';
import { portalClient } from '../sso/clients.js';
import { isUnauthorized, mapSsoError } from '../sso/map-error.js';
import { getRoleCredentials } from '../sso/portal.js';
import type { Integration } from '../store/integrations.js';
import type { Paths } from '../store/paths.js';
import { sessionToken } from './auto-login.js';
import { currentHost } from './choose-flow.js';

/**
 * One GetRoleCredentials call, as a credential_process document. The session comes first (refreshed once for
 * every concurrent process, or one --auto-login sign-in); a 401 refreshes the exact token the portal refused, once,
 * and retries. Loads the SDK, so role-credentials.ts imports it only in the process that holds the role's lock.
 */
export async function requestRoleCredentials(
  integ: Integration,
  req: { accountId: string; roleName: string },
  paths: Paths,
  o: { autoLogin: boolean },
): Promise<string> {
  const session = (rejected?: string) =>
    sessionToken(integ, paths, { autoLogin: o.autoLogin, ui: autoLoginUi(integ.alias), host: currentHost(), ...(rejected === undefined ? {} : { rejected }) });
  const client = portalClient(integ);
  const what = `getting credentials for ${req.roleName} in ${req.accountId}`;
  const token = await session();
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
  return toProcessOutput(creds, req.accountId);
}
