import { CreateTokenCommand, StartDeviceAuthorizationCommand, type SSOOIDCClient } from '@aws-sdk/client-sso-oidc';
import { AwsidcError } from '../core/errors.js';
import type { LoginUi } from './login-ui.js';
import type { Registration } from './register.js';
import { toGrant, type TokenGrant } from './token-grant.js';

export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const realClock: Clock = { now: () => Date.now(), sleep: (ms) => new Promise((r) => setTimeout(r, ms)) };

/** RFC 8628 §3.5: a slow_down answer adds 5 seconds to the polling interval for the rest of the login. */
export const SLOW_DOWN_STEP_MS = 5000;

/**
 * RFC 8628 device authorization: start, show the complete URL (code included), poll CreateToken every `interval`
 * seconds, adding 5 s on slow_down (as botocore does), until approved, denied or expired.
 */
export async function deviceLogin(
  client: SSOOIDCClient,
  reg: Registration,
  startUrl: string,
  ui: LoginUi,
  o: { openBrowser: boolean; clock?: Clock },
): Promise<TokenGrant> {
  const clock = o.clock ?? realClock;
  const auth = await client.send(new StartDeviceAuthorizationCommand({ clientId: reg.clientId, clientSecret: reg.clientSecret, startUrl }));
  if (!auth.deviceCode || !auth.verificationUri) throw new AwsidcError('LOGIN_FAILED', 'StartDeviceAuthorization returned no device code');
  const url = auth.verificationUriComplete ?? auth.verificationUri;
  ui.prompt({ flow: 'device', url, opening: o.openBrowser, ...(auth.userCode ? { userCode: auth.userCode } : {}) });
  // Polling starts at once; the launcher's verdict only decides whether to add a note.
  if (o.openBrowser) {
    void ui.openBrowser(url).then(
      (ok) => ok || ui.note('could not open a browser; open the URL above yourself'),
      () => ui.note('could not open a browser; open the URL above yourself'),
    );
  }

  let intervalMs = (auth.interval && auth.interval > 0 ? auth.interval : 5) * 1000;
  const deadline = clock.now() + (auth.expiresIn && auth.expiresIn > 0 ? auth.expiresIn : 600) * 1000;
  for (;;) {
    await clock.sleep(intervalMs);
    try {
      const t = await client.send(
        new CreateTokenCommand({
          clientId: reg.clientId,
          clientSecret: reg.clientSecret,
          grantType: 'urn:ietf:params:oauth:grant-type:device_code',
          deviceCode: auth.deviceCode,
        }),
      );
      return toGrant(t, clock.now());
    } catch (err) {
      const name = (err as { name?: string }).name;
      if (name === 'AuthorizationPendingException' || name === 'SlowDownException') {
        if (name === 'SlowDownException') intervalMs += SLOW_DOWN_STEP_MS;
        if (clock.now() > deadline) break;
        continue;
      }
      if (name === 'ExpiredTokenException') break;
      if (name === 'AccessDeniedException') {
        throw new AwsidcError('LOGIN_FAILED', 'the sign-in request was denied in the browser', { hint: 'run the login again and choose Allow' });
      }
      throw err;
    }
  }
  throw new AwsidcError('LOGIN_TIMEOUT', 'the sign-in code expired before it was approved', { hint: 'run the login again and approve within 10 minutes' });
}
