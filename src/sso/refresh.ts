import { CreateTokenCommand, type SSOOIDCClient } from '@aws-sdk/client-sso-oidc';
import { toGrant, type TokenGrant } from './token-grant.js';

/** Exchanges a refresh token for a new access token (and, when the service rotates them, a new refresh token). */
export async function refreshAccessToken(
  client: SSOOIDCClient,
  o: { clientId: string; clientSecret: string; refreshToken: string; now: number },
): Promise<TokenGrant> {
  const t = await client.send(
    new CreateTokenCommand({ clientId: o.clientId, clientSecret: o.clientSecret, grantType: 'refresh_token', refreshToken: o.refreshToken }),
  );
  return toGrant(t, o.now);
}
