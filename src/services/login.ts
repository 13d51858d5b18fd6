import { formatDuration } from '../core/expiry.js';
import { deviceLogin, type LoginUi } from '../sso/device-login.js';
import { oidcClient } from '../sso/clients.js';
import { mapSsoError } from '../sso/map-error.js';
import { getRegistration } from '../sso/register.js';
import type { Integration } from '../store/integrations.js';
import type { Paths } from '../store/paths.js';
import { tokenPath, writeToken } from '../store/token-cache.js';
import { registrationFields, sessionState } from './session.js';

export interface LoginResult {
  /** false when a valid session was kept (no --force). */
  loggedIn: boolean;
  expiresAt: number;
  refreshable: boolean;
}

/** Logs in through the browser (device code) unless a valid session exists; writes the AWS CLI-format token. */
export async function login(
  integ: Integration,
  paths: Paths,
  ui: LoginUi,
  o: { force?: boolean; openBrowser: boolean; log?: (line: string) => void },
): Promise<LoginResult> {
  const now = Date.now();
  const current = sessionState(integ, paths, now);
  if (!o.force && current.state === 'valid') {
    o.log?.(`already logged in to "${integ.alias}" (expires in ${formatDuration(current.expiresAt - now)}); use --force to log in again`);
    return { loggedIn: false, expiresAt: current.expiresAt, refreshable: current.refreshable };
  }
  const client = oidcClient(integ);
  try {
    const reg = await getRegistration(client, { cacheDir: paths.cacheDir, alias: integ.alias, flow: 'device', startUrl: integ.startUrl, now });
    const grant = await deviceLogin(client, reg, integ.startUrl, ui, { openBrowser: o.openBrowser });
    writeToken(tokenPath(paths.ssoCacheDir, integ.ssoSessionName), {
      startUrl: integ.startUrl,
      region: integ.ssoRegion,
      accessToken: grant.accessToken,
      expiresAt: grant.expiresAt,
      ...registrationFields(reg),
      ...(grant.refreshToken ? { refreshToken: grant.refreshToken } : {}),
    });
    return { loggedIn: true, expiresAt: grant.expiresAt, refreshable: Boolean(grant.refreshToken) };
  } catch (err) {
    throw mapSsoError(err, integ.alias, 'logging in');
  }
}
