import type { ProfileSpec } from '../aws-config/types.js';
import { resolveOverride, type Overrides } from '../core/overrides.js';

// Turns the listing into the profiles to write: applies the overrides, and sets aside what cannot become a
// working profile. Pure.

/** An account/role the listing returned that gets no profile, and why (shown as a warning). */
export interface SkippedRole {
  accountId: string;
  roleName: string;
  reason: string;
}

// The hot path only accepts these (it checks its flags before touching the network), and so does IAM.
const ACCOUNT_ID = /^\d{12}$/;
const ROLE_NAME = /^[\w+=,.@-]{1,64}$/;

/** One listed account. */
export interface ListedAccount {
  accountId: string;
  accountName: string;
  roles: string[];
}

/**
 * The profile specs for a listing, in listing order. Overrides: `skip` drops the profile (silently: the user
 * asked), `region` replaces the default region, an account's `name` replaces its account name in the template,
 * a role's `name` pins the profile name. Account ids that are not 12 digits and role names outside IAM's
 * character set are skipped and reported: a credential_process line could not ask for them.
 */
export function profileSpecs(accounts: readonly ListedAccount[], defaultRegion: string, overrides: Overrides = {}): { profiles: ProfileSpec[]; skipped: SkippedRole[] } {
  const profiles: ProfileSpec[] = [];
  const skipped: SkippedRole[] = [];
  for (const a of accounts) {
    for (const roleName of a.roles) {
      if (!ACCOUNT_ID.test(a.accountId)) {
        skipped.push({ accountId: a.accountId, roleName, reason: 'the account id is not 12 digits' });
        continue;
      }
      if (!ROLE_NAME.test(roleName)) {
        skipped.push({ accountId: a.accountId, roleName, reason: 'not a valid IAM role name (1-64 characters of A-Z a-z 0-9 _ + = , . @ -)' });
        continue;
      }
      const { account, role, merged } = resolveOverride(overrides, a.accountId, roleName);
      if (merged.skip) continue;
      profiles.push({
        accountId: a.accountId,
        accountName: account.name ?? a.accountName,
        roleName,
        region: merged.region ?? defaultRegion,
        ...(role.name !== undefined ? { nameOverride: role.name } : {}),
      });
    }
  }
  return { profiles, skipped };
}
