import { CreateTokenCommand, StartDeviceAuthorizationCommand, type SSOOIDCClient } from '@aws-sdk/client-sso-oidc';
import { AwsidcError } from '../core/errors.js';
import type { Registration } from './register.js';

/** What a successful login yields; written to the token cache by the caller. */
export interface TokenGrant {
  accessToken: string;
  /** epoch ms */
  expiresAt: number;
  refreshToken?: string;
}

/** How a login flow talks to the person: show the code, open a browser. */
export interface LoginUi {
  /** Shown on stderr before waiting. */
  prompt(info: { verificationUri: string; verificationUriComplete?: string; userCode?: string }): void;
  /** Opens the URL; false when no browser could be opened. */
  openBrowser(url: string): Promise<boolean>;
}

export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const realClock: Clock = { now: () => Date.now(), sleep: (ms) => new Promise((r) => setTimeout(r, ms)) };

/**
 * RFC 8628 device authorization: start, show the code, poll CreateToken every `interval` seconds,
 * adding 5 s on slow_down (as botocore does), until approved, denied or expired.
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
  ui.prompt({ verificationUri: auth.verificationUri, verificationUriComplete: auth.verificationUriComplete, userCode: auth.userCode });
  if (o.openBrowser) await ui.openBrowser(auth.verificationUriComplete ?? auth.verificationUri);

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
      if (name === 'AuthorizationPendingException') {
        if (clock.now() > deadline) break;
        continue;
      }
      if (name === 'SlowDownException') {
        intervalMs += 5000;
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

/** CreateToken's answer as a grant; expiresIn is seconds. */
export function toGrant(t: { accessToken?: string; expiresIn?: number; refreshToken?: string }, now: number): TokenGrant {
  if (!t.accessToken) throw new AwsidcError('LOGIN_FAILED', 'CreateToken returned no access token');
  return { accessToken: t.accessToken, expiresAt: now + (t.expiresIn ?? 3600) * 1000, ...(t.refreshToken ? { refreshToken: t.refreshToken } : {}) };
}
