import { CreateTokenCommand, type SSOOIDCClient } from '@aws-sdk/client-sso-oidc';
import { UnexpectedError } from '../core/errors.js';

class Resolved {
  constructor(readonly base: string) {}
}

/**
 * The OIDC client's resolved endpoint with any path dropped (`https://oidc.us-east-1.amazonaws.com`,
 * `http://127.0.0.1:4566`): the /authorize page lives there, so an endpoint override (ours, AWS_ENDPOINT_URL_SSO_OIDC,
 * a services section, FIPS) moves it exactly as it moves the API calls. Asking the SDK itself, rather than repeating
 * its rules, keeps the two from drifting: a per-command middleware reads the built request and stops before sending.
 */
export async function resolveOidcBaseUrl(client: SSOOIDCClient): Promise<string> {
  const probe = new CreateTokenCommand({ clientId: 'probe', clientSecret: 'probe', grantType: 'refresh_token' });
  probe.middlewareStack.add(
    () => async (args) => {
      const r = args.request as { protocol?: string; hostname?: string; port?: number };
      throw new Resolved(`${r.protocol ?? 'https:'}//${r.hostname ?? ''}${r.port ? `:${r.port}` : ''}`);
    },
    { step: 'build', name: 'awsidcResolveEndpoint', priority: 'low' },
  );
  try {
    await client.send(probe);
  } catch (err) {
    if (err instanceof Resolved) return err.base;
    throw new UnexpectedError('could not resolve the OIDC endpoint', { cause: err });
  }
  throw new UnexpectedError('the OIDC endpoint probe sent a request');
}
