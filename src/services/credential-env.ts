import type { RoleCredentialDoc } from './profile-credentials.js';

// With AWS_PROFILE set the JS SDK skips the environment credentials, and a stale AWS_SECURITY_TOKEN (boto2 and a
// few tools still read it) would pair old and new keys: exec and export remove all three.
/** Variables removed from the environment so only the injected credentials count. */
export const UNSET_VARS = ['AWS_PROFILE', 'AWS_DEFAULT_PROFILE', 'AWS_SECURITY_TOKEN'] as const;

/** The variables exec sets and export prints, in this order. */
export const CREDENTIAL_VARS = [
  'AWS_ACCESS_KEY_ID',
  'AWS_SECRET_ACCESS_KEY',
  'AWS_SESSION_TOKEN',
  'AWS_CREDENTIAL_EXPIRATION',
  'AWS_REGION',
  'AWS_DEFAULT_REGION',
] as const;

export type CredentialVar = (typeof CREDENTIAL_VARS)[number];

/** The credential variables for one role and region, e.g. AWS_REGION=eu-west-1, AWS_CREDENTIAL_EXPIRATION=2025-01-01T12:00:00Z. */
export function credentialVars(doc: RoleCredentialDoc, region: string): Record<CredentialVar, string> {
  return {
    AWS_ACCESS_KEY_ID: doc.AccessKeyId,
    AWS_SECRET_ACCESS_KEY: doc.SecretAccessKey,
    AWS_SESSION_TOKEN: doc.SessionToken,
    AWS_CREDENTIAL_EXPIRATION: doc.Expiration,
    AWS_REGION: region,
    AWS_DEFAULT_REGION: region,
  };
}

/** The parent's environment with the profile variables removed and the credential variables set. */
export function childEnv(parent: NodeJS.ProcessEnv, vars: Record<CredentialVar, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...parent };
  for (const k of UNSET_VARS) delete env[k];
  return Object.assign(env, vars);
}
