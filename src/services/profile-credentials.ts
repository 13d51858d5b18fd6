import { AwsidcError } from '../core/errors.js';
import { roleCredentialsJson } from '../hot/credentials.js';
import { loadIntegration, type Integration } from '../store/integrations.js';
import type { Paths } from '../store/paths.js';
import type { ProfileTarget } from './profile-resolve.js';

/** The credential_process document, as cached: {"Version":1,"AccessKeyId":…,"Expiration":"2025-01-01T12:00:00Z",…}. */
export interface RoleCredentialDoc {
  AccessKeyId: string;
  SecretAccessKey: string;
  SessionToken: string;
  Expiration: string;
  AccountId?: string;
}

function parseDoc(text: string): RoleCredentialDoc {
  let v: Record<string, unknown>;
  try {
    v = JSON.parse(text) as Record<string, unknown>;
  } catch (err) {
    throw new AwsidcError('CACHE_CORRUPT', 'the cached role credentials are not JSON', { hint: 'run `awsidc logout` and try again', cause: err });
  }
  const { AccessKeyId, SecretAccessKey, SessionToken, Expiration, AccountId } = v;
  if (typeof AccessKeyId !== 'string' || typeof SecretAccessKey !== 'string' || typeof SessionToken !== 'string' || typeof Expiration !== 'string') {
    throw new AwsidcError('CACHE_CORRUPT', 'the cached role credentials are incomplete', { hint: 'run `awsidc logout` and try again' });
  }
  return { AccessKeyId, SecretAccessKey, SessionToken, Expiration, ...(typeof AccountId === 'string' ? { AccountId } : {}) };
}

// Same cache and lock as `awsidc credentials`, so exec/export/console never cost an extra GetRoleCredentials call.
/**
 * Role credentials for a profile. With `login` given and the integration's autoLogin set, a LOGIN_REQUIRED
 * failure runs the login flow once and retries; otherwise it propagates with its hint.
 */
export async function credentialsForProfile(
  target: ProfileTarget,
  paths: Paths,
  o: { login?: (integ: Integration) => Promise<void> } = {},
): Promise<RoleCredentialDoc> {
  const role = { integration: target.integration, accountId: target.accountId, roleName: target.roleName };
  try {
    return parseDoc(await roleCredentialsJson(role, paths));
  } catch (err) {
    if (!(err instanceof AwsidcError) || err.code !== 'LOGIN_REQUIRED' || !o.login) throw err;
    const integ = loadIntegration(paths.configDir, target.integration);
    if (!integ.autoLogin) throw err;
    await o.login(integ);
    return parseDoc(await roleCredentialsJson(role, paths));
  }
}
