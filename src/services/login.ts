import { AwsidcError, loginRequired } from '../core/errors.js';
import { formatDuration, isFresh, LOGIN_TIMEOUT_MS, TOKEN_REFRESH_WINDOW_MS } from '../core/expiry.js';
import type { LoginUi } from '../sso/login-ui.js';
import { mapSsoError } from '../sso/map-error.js';
import type { Registration } from '../sso/register.js';
import type { TokenGrant } from '../sso/token-grant.js';
import type { Integration } from '../store/integrations.js';
import type { Paths } from '../store/paths.js';
import type { FlowChoice } from './choose-flow.js';
import { getAccessToken, saveLogin, sessionState } from './session.js';

export interface LoginResult {
  /** false when the existing session was kept or silently refreshed (no --force). */
  loggedIn: boolean;
  /** The flow that signed in, or how the session was kept. */
  how: 'pkce' | 'device' | 'kept' | 'refreshed';
  expiresAt: number;
  refreshable: boolean;
}

/**
 * Signs in (authorization code + PKCE, or device code, per `choice`) and writes the AWS CLI-format token. Without
 * `force` a session good for more than the refresh window is kept, and one that can be refreshed is refreshed
 * silently instead of sending the person to the browser.
 */
export async function login(
  integ: Integration,
  paths: Paths,
  ui: LoginUi,
  o: { force?: boolean; choice: FlowChoice; log?: (line: string) => void; timeoutMs?: number },
): Promise<LoginResult> {
  if (!o.force) {
    const kept = await keepSession(integ, paths);
    if (kept) {
      const state = kept.how === 'refreshed' ? 'refreshed the session of' : 'already logged in to';
      o.log?.(`${state} "${integ.alias}" (expires in ${formatDuration(kept.expiresAt - Date.now())}); use --force to log in again`);
      return kept;
    }
  }
  // The SDK and the login flows load only when a login really happens.
  const [{ oidcClient }, { deviceLogin }, { resolveOidcBaseUrl }, { pkceLogin }, { getRegistration }] = await Promise.all([
    import('../sso/clients.js'),
    import('../sso/device-login.js'),
    import('../sso/oidc-endpoint.js'),
    import('../sso/pkce-login.js'),
    import('../sso/register.js'),
  ]);
  const client = oidcClient(integ);
  const timeoutMs = o.timeoutMs ?? LOGIN_TIMEOUT_MS;
  try {
    const endpoint = await resolveOidcBaseUrl(client);
    const registration = (flow: 'pkce' | 'device') =>
      getRegistration(client, { cacheDir: paths.cacheDir, alias: integ.alias, flow, startUrl: integ.startUrl, endpoint, now: Date.now() });
    let signedIn: { grant: TokenGrant; reg: Registration; how: 'pkce' | 'device' } | undefined;
    if (o.choice.flow === 'pkce') {
      const reg = await registration('pkce');
      const grant = await pkceLogin(client, reg, { baseUrl: endpoint, ui, timeoutMs });
      if (grant) signedIn = { grant, reg, how: 'pkce' };
      else if (!o.choice.fallbackToDevice) throw loginRequired(integ.alias, 'no browser could be opened to sign in');
      else ui.note('could not open a browser; signing in with a device code instead');
    }
    if (!signedIn) {
      const reg = await registration('device');
      const grant = await deviceLogin(client, reg, integ.startUrl, ui, { openBrowser: o.choice.flow === 'device' && o.choice.openBrowser });
      signedIn = { grant, reg, how: 'device' };
    }
    await saveLogin(integ, paths, signedIn.grant, signedIn.reg);
    return { loggedIn: true, how: signedIn.how, expiresAt: signedIn.grant.expiresAt, refreshable: Boolean(signedIn.grant.refreshToken) };
  } catch (err) {
    throw mapSsoError(err, integ.alias, 'logging in');
  }
}

async function keepSession(integ: Integration, paths: Paths): Promise<LoginResult | undefined> {
  const s = sessionState(integ, paths, Date.now());
  if (s.state === 'missing') return undefined;
  if (s.state === 'valid' && isFresh(s.expiresAt, Date.now(), TOKEN_REFRESH_WINDOW_MS)) {
    return { loggedIn: false, how: 'kept', expiresAt: s.expiresAt, refreshable: s.refreshable };
  }
  if (!s.refreshable) return undefined;
  try {
    await getAccessToken(integ, paths);
  } catch (err) {
    if (err instanceof AwsidcError && err.code === 'LOGIN_REQUIRED') return undefined;
    throw err;
  }
  const after = sessionState(integ, paths, Date.now());
  return after.state === 'valid' ? { loggedIn: false, how: 'refreshed', expiresAt: after.expiresAt, refreshable: after.refreshable } : undefined;
}
