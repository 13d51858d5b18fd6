import { readFileSync } from 'node:fs';
import { RegisterClientCommand, type SSOOIDCClient } from '@aws-sdk/client-sso-oidc';
import { AwsidcError } from '../core/errors.js';
import { isFresh, REGISTRATION_RENEW_WINDOW_MS, toRfc3339 } from '../core/expiry.js';
import { writeFileAtomic } from '../store/atomic-write.js';

/** sso:account:access is what makes CreateToken return a refresh token. */
export const SCOPES = ['sso:account:access'];

export type Flow = 'device' | 'pkce';

export const GRANT_TYPES: Record<Flow, string[]> = {
  device: ['urn:ietf:params:oauth:grant-type:device_code', 'refresh_token'],
  pkce: ['authorization_code', 'refresh_token'],
};

/** Registered without a port, as the AWS CLI does: the service accepts any loopback port at /authorize. */
export const REGISTERED_REDIRECT_URI = 'http://127.0.0.1/oauth/callback';

/**
 * A registered public OIDC client, cached at <cache>/registrations/<alias>-<flow>.json (0600), e.g.
 * {"clientId":"…","clientSecret":"…","expiresAt":"2026-04-01T12:00:00Z","scopes":["sso:account:access"],
 *  "grantTypes":["authorization_code","refresh_token"],"startUrl":"https://d-1234567890.awsapps.com/start","endpoint":"https://oidc.us-east-1.amazonaws.com"}
 */
export interface Registration {
  clientId: string;
  clientSecret: string;
  expiresAt: string;
  scopes: string[];
  grantTypes: string[];
  /** What it was registered against; a registration from another portal or OIDC endpoint is never reused. */
  startUrl?: string;
  endpoint?: string;
}

import { registrationPath } from '../store/paths.js';

export { registrationPath };

const sameSet = (a: string[] | undefined, b: string[]) => Array.isArray(a) && a.length === b.length && b.every((x) => a.includes(x));

/**
 * Whether a cached registration may serve this login: more than 15 minutes left (as the AWS CLI), the grant types
 * of this flow (the PKCE flow needs authorization_code; the device flow must not have it), our scopes, and the same
 * start URL and OIDC endpoint.
 */
export function reusable(r: Partial<Registration>, o: { flow: Flow; startUrl: string; endpoint: string; now: number }): r is Registration {
  return Boolean(
    r.clientId &&
      r.clientSecret &&
      isFresh(r.expiresAt, o.now, REGISTRATION_RENEW_WINDOW_MS) &&
      sameSet(r.grantTypes, GRANT_TYPES[o.flow]) &&
      SCOPES.every((s) => r.scopes?.includes(s)) &&
      r.startUrl === o.startUrl &&
      r.endpoint === o.endpoint,
  );
}

/** The cached registration when it is reusable, otherwise a new one (RegisterClient), cached for next time. */
export async function getRegistration(
  client: SSOOIDCClient,
  o: { cacheDir: string; alias: string; flow: Flow; startUrl: string; endpoint: string; now: number },
): Promise<Registration> {
  const path = registrationPath(o.cacheDir, o.alias, o.flow);
  try {
    const cached = JSON.parse(readFileSync(path, 'utf8')) as Partial<Registration>;
    if (reusable(cached, o)) return cached;
  } catch {
    // none yet, or unreadable: register anew
  }
  const res = await client.send(
    new RegisterClientCommand({
      clientName: `awsidc-${o.alias}`,
      clientType: 'public',
      scopes: SCOPES,
      grantTypes: GRANT_TYPES[o.flow],
      ...(o.flow === 'pkce' ? { redirectUris: [REGISTERED_REDIRECT_URI], issuerUrl: o.startUrl } : {}),
    }),
  );
  if (!res.clientId || !res.clientSecret) throw new AwsidcError('LOGIN_FAILED', 'RegisterClient returned no client id', { hint: 'try again later' });
  const reg: Registration = {
    clientId: res.clientId,
    clientSecret: res.clientSecret,
    expiresAt: toRfc3339((res.clientSecretExpiresAt ?? Math.floor(o.now / 1000) + 86400) * 1000),
    scopes: SCOPES,
    grantTypes: GRANT_TYPES[o.flow],
    startUrl: o.startUrl,
    endpoint: o.endpoint,
  };
  writeFileAtomic(path, JSON.stringify(reg, null, 2) + '\n');
  return reg;
}
