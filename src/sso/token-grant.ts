import { AwsidcError } from '../core/errors.js';

/** What a successful login or refresh yields; the caller writes it to the token cache. */
export interface TokenGrant {
  accessToken: string;
  /** epoch ms */
  expiresAt: number;
  refreshToken?: string;
}

/** CreateToken's answer as a grant; expiresIn is seconds. */
export function toGrant(t: { accessToken?: string; expiresIn?: number; refreshToken?: string }, now: number): TokenGrant {
  if (!t.accessToken) throw new AwsidcError('LOGIN_FAILED', 'CreateToken returned no access token');
  return { accessToken: t.accessToken, expiresAt: now + (t.expiresIn ?? 3600) * 1000, ...(t.refreshToken ? { refreshToken: t.refreshToken } : {}) };
}
