import { toRfc3339 } from './expiry.js';

/** Role credentials as GetRoleCredentials returns them (expiration in epoch milliseconds). */
export interface RoleCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
  expiration: number;
}

/**
 * The credential_process document (reference §4): Version is the integer 1 and Expiration is RFC 3339 with Z, e.g.
 * {"Version":1,"AccessKeyId":"ASIA…","SecretAccessKey":"…","SessionToken":"…","Expiration":"2025-01-01T12:00:00Z","AccountId":"123456789012"}
 */
export function toProcessOutput(c: RoleCredentials, accountId: string): string {
  return JSON.stringify({
    Version: 1,
    AccessKeyId: c.accessKeyId,
    SecretAccessKey: c.secretAccessKey,
    SessionToken: c.sessionToken,
    Expiration: toRfc3339(c.expiration),
    AccountId: accountId,
  });
}

/** Reads back a cached credential_process document; undefined when it is not one. */
export function parseProcessOutput(text: string): { Expiration: string; AccessKeyId: string } | undefined {
  try {
    const v = JSON.parse(text) as Record<string, unknown>;
    if (v.Version === 1 && typeof v.AccessKeyId === 'string' && typeof v.SecretAccessKey === 'string' && typeof v.Expiration === 'string') {
      return { Expiration: v.Expiration, AccessKeyId: v.AccessKeyId };
    }
  } catch {
    // fall through: a corrupt cache is a miss
  }
  return undefined;
}
