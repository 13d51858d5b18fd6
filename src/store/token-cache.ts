import { createHash } from 'node:crypto';
import { readFileSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { toRfc3339 } from '../core/expiry.js';
import { writeFileAtomic } from './atomic-write.js';

/**
 * The AWS CLI's SSO token file (reference §3), shared with `aws sso login --sso-session NAME`:
 * {"startUrl":"https://d-1234567890.awsapps.com/start","region":"us-east-1","accessToken":"…","expiresAt":"2025-01-01T12:00:00Z",
 *  "clientId":"…","clientSecret":"…","registrationExpiresAt":"2025-03-01T12:00:00Z","refreshToken":"…"}
 */
export interface SsoToken {
  startUrl: string;
  region: string;
  accessToken: string;
  expiresAt: string;
  clientId?: string;
  clientSecret?: string;
  registrationExpiresAt?: string;
  refreshToken?: string;
  [other: string]: unknown;
}

/** ~/.aws/sso/cache/<sha1(session name)>.json, as botocore and the JS SDK compute it. */
export function tokenPath(ssoCacheDir: string, ssoSessionName: string): string {
  return join(ssoCacheDir, `${createHash('sha1').update(ssoSessionName, 'utf8').digest('hex')}.json`);
}

export function readToken(path: string): SsoToken | undefined {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
  try {
    const t = JSON.parse(text) as SsoToken;
    return typeof t.accessToken === 'string' && typeof t.expiresAt === 'string' ? t : undefined;
  } catch {
    return undefined;
  }
}

/** Writes the token, keeping any fields another tool put there; drops refreshToken when the new token has none. */
export function writeToken(path: string, token: Omit<SsoToken, 'expiresAt'> & { expiresAt: number | string }): void {
  const previous = readRaw(path);
  const next: Record<string, unknown> = { ...previous, ...token };
  next.expiresAt = typeof token.expiresAt === 'number' ? toRfc3339(token.expiresAt) : token.expiresAt;
  if (token.refreshToken === undefined) delete next.refreshToken;
  for (const [k, v] of Object.entries(next)) if (v === undefined) delete next[k];
  writeFileAtomic(path, JSON.stringify(next, null, 2) + '\n');
}

export function deleteToken(path: string): boolean {
  try {
    unlinkSync(path);
    return true;
  } catch {
    return false;
  }
}

function readRaw(path: string): Record<string, unknown> {
  try {
    const v = JSON.parse(readFileSync(path, 'utf8')) as unknown;
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}
