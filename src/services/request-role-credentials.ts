import { loginRequired } from '../core/errors.js';
import { toProcessOutput } from '../core/process-output.js';
import { portalClient } from '../sso/clients.js';
import { mapSsoError } from '../sso/map-error.js';
import { getRoleCredentials } from '../sso/portal.js';
import type { Integration } from '../store/integrations.js';
import type { Paths } from '../store/paths.js';
import { getAccessToken } from './session.js';

/**
 * One GetRoleCredentials call, as a credential_process document. A 401 triggers one forced token refresh.
 * Loads the SDK, so role-credentials.ts imports it only in the process that holds the role's lock.
 */
export async function requestRoleCredentials(integ: Integration, req: { accountId: string; roleName: string }, paths: Paths): Promise<string> {
  const client = portalClient(integ);
  const what = `getting credentials for ${req.roleName} in ${req.accountId}`;
  const call = async (force: boolean) => {
    const token = await getAccessToken(integ, paths, { force });
    return getRoleCredentials(client, token, req.accountId, req.roleName);
  };
  let creds;
  try {
    creds = await call(false);
  } catch (err) {
    if ((err as { name?: string }).name !== 'UnauthorizedException') throw mapSsoError(err, integ.alias, what);
    try {
      creds = await call(true);
    } catch (again) {
      if ((again as { name?: string }).name === 'UnauthorizedException') throw loginRequired(integ.alias, 'the Identity Center session was signed out');
      throw mapSsoError(again, integ.alias, what);
    }
  }
  return toProcessOutput(creds, req.accountId);
}
