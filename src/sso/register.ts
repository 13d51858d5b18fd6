import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RegisterClientCommand, type SSOOIDCClient } from '@aws-sdk/client-sso-oidc';
import { isFresh, REGISTRATION_RENEW_WINDOW_MS, toRfc3339 } from '../core/expiry.js';
import { writeFileAtomic } from '../store/atomic-write.js';

/** sso:account:access is what makes CreateToken return a refresh token. */
export const SCOPES = ['sso:account:access'];

export type Flow = 'device' | 'pkce';

export const GRANT_TYPES: Record<Flow, string[]> = {
  device: ['urn:ietf:params:oauth:grant-type:device_code', 'refresh_token'],
  pkce: ['authorization_code', 'refresh_token'],
};

/** A registered public OIDC client, cached at <cache>/registrations/<alias>-<flow>.json (0600). */
export interface Registration {
  clientId: string;
  clientSecret: string;
  expiresAt: string;
  scopes: string[];
  grantTypes: string[];
}

export function registrationPath(cacheDir: string, alias: string, flow: Flow): string {
  return join(cacheDir, 'registrations', `${alias}-${flow}.json`);
}

/** Reuses a cached registration until 15 minutes before it expires, as the AWS CLI does. */
export async function getRegistration(
  client: SSOOIDCClient,
  o: { cacheDir: string; alias: string; flow: Flow; startUrl: string; now: number; redirectUri?: string },
): Promise<Registration> {
  const path = registrationPath(o.cacheDir, o.alias, o.flow);
  try {
    const cached = JSON.parse(readFileSync(path, 'utf8')) as Registration;
    if (cached.clientId && cached.clientSecret && isFresh(cached.expiresAt, o.now, REGISTRATION_RENEW_WINDOW_MS)) return cached;
  } catch {
    // none yet, or unreadable: register anew
  }
  const res = await client.send(
    new RegisterClientCommand({
      clientName: `awsidc-${o.alias}`,
      clientType: 'public',
      scopes: SCOPES,
      grantTypes: GRANT_TYPES[o.flow],
      ...(o.flow === 'pkce' ? { redirectUris: [o.redirectUri ?? 'http://127.0.0.1/oauth/callback'], issuerUrl: o.startUrl } : {}),
    }),
  );
  if (!res.clientId || !res.clientSecret) throw new Error('RegisterClient returned no client id');
  const reg: Registration = {
    clientId: res.clientId,
    clientSecret: res.clientSecret,
    expiresAt: toRfc3339((res.clientSecretExpiresAt ?? Math.floor(o.now / 1000) + 86400) * 1000),
    scopes: SCOPES,
    grantTypes: GRANT_TYPES[o.flow],
  };
  writeFileAtomic(path, JSON.stringify(reg, null, 2) + '\n');
  return reg;
}
