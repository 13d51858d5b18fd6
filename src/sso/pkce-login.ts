import { randomUUID } from 'node:crypto';
import { CreateTokenCommand, type SSOOIDCClient } from '@aws-sdk/client-sso-oidc';
import { startCallbackServer } from './callback-server.js';
import type { LoginUi } from './login-ui.js';
import { authorizeUrl, codeChallenge, codeVerifier } from './pkce.js';
import type { Registration } from './register.js';
import { toGrant, type TokenGrant } from './token-grant.js';

/**
 * Authorization code with PKCE and a loopback redirect, as the AWS CLI v2 does: listen on 127.0.0.1, open the
 * browser at `{oidc base}/authorize`, wait for the redirect carrying our state, exchange the code with the verifier.
 * Resolves undefined when no browser could be opened, so the caller can fall back to the device code.
 */
export async function pkceLogin(
  client: SSOOIDCClient,
  reg: Registration,
  o: { baseUrl: string; ui: LoginUi; timeoutMs: number; now?: () => number },
): Promise<TokenGrant | undefined> {
  const verifier = codeVerifier();
  const state = randomUUID();
  const server = await startCallbackServer({ state, timeoutMs: o.timeoutMs });
  try {
    const url = authorizeUrl(o.baseUrl, { clientId: reg.clientId, redirectUri: server.redirectUri, state, challenge: codeChallenge(verifier), scopes: reg.scopes });
    if (!(await o.ui.openBrowser(url))) return undefined;
    o.ui.prompt({ flow: 'pkce', url });
    const { code } = await server.result;
    const t = await client.send(
      new CreateTokenCommand({
        clientId: reg.clientId,
        clientSecret: reg.clientSecret,
        grantType: 'authorization_code',
        code,
        redirectUri: server.redirectUri,
        codeVerifier: verifier,
      }),
    );
    return toGrant(t, (o.now ?? Date.now)());
  } finally {
    await server.close();
  }
}
