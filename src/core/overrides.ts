import { AwsidcError } from './errors.js';
import { validateRegion } from './validate.js';

// Per-account and per-role settings kept in the integration file (<config>/integrations/<alias>.json), e.g.
//   "overrides": {
//     "123456789012":               { "region": "eu-west-1", "name": "payments" },
//     "123456789012/ReadOnlyAccess": { "skip": true },
//     "210987654321/Admin":          { "name": "dev-admin", "region": "us-west-2" }
//   }
// An account key applies to every role of the account; an account/role key wins over it, field by field.
// `name` on an account replaces the account name in the profile-name template; on a role it is the whole
// profile name (still sanitised, and still subject to the collision rule). `skip` writes no profile.

/** One override entry. */
export interface Override {
  region?: string;
  name?: string;
  skip?: boolean;
}

/** The overrides of one integration, by "ACCOUNT_ID" or "ACCOUNT_ID/ROLE_NAME". */
export type Overrides = Record<string, Override>;

const KEY = /^(\d{12})(?:\/([\w+=,.@-]{1,64}))?$/;
const FIELDS = new Set(['region', 'name', 'skip']);

/** The account id and optional role name of an override key; throws USAGE for anything else. */
export function parseOverrideKey(key: string): { accountId: string; roleName?: string } {
  const m = KEY.exec(key);
  if (!m) {
    throw new AwsidcError('USAGE', `${JSON.stringify(key)} is not an override key`, {
      hint: 'use a 12-digit account id, or ACCOUNT_ID/ROLE_NAME (e.g. 123456789012/AdministratorAccess)',
    });
  }
  return m[2] === undefined ? { accountId: m[1] as string } : { accountId: m[1] as string, roleName: m[2] };
}

/** The key for an account, or for one role in it. */
export function overrideKey(accountId: string, roleName?: string): string {
  const key = roleName === undefined ? accountId : `${accountId}/${roleName}`;
  parseOverrideKey(key);
  return key;
}

/**
 * Checks overrides read from an integration file; throws CONFIG_MALFORMED naming the entry and the file to fix,
 * so a typo fails before any network call instead of silently writing a wrong region.
 */
export function checkOverrides(value: unknown, where: string): Overrides {
  if (value === undefined) return {};
  const bad = (what: string): never => {
    throw new AwsidcError('CONFIG_MALFORMED', `${where}: ${what}`, { hint: 'fix it with `awsidc override` or edit the file (see `awsidc override --help`)' });
  };
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return bad('"overrides" must be an object');
  const out: Overrides = {};
  for (const [key, entry] of Object.entries(value as Record<string, unknown>)) {
    if (!KEY.test(key)) bad(`override key ${JSON.stringify(key)} is not ACCOUNT_ID or ACCOUNT_ID/ROLE_NAME`);
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) bad(`override ${key} must be an object`);
    const e = entry as Record<string, unknown>;
    for (const f of Object.keys(e)) if (!FIELDS.has(f)) bad(`override ${key} has an unknown field ${JSON.stringify(f)} (known: region, name, skip)`);
    const o: Override = {};
    if (e.region !== undefined) {
      if (typeof e.region !== 'string') bad(`override ${key}: region must be a string`);
      try {
        o.region = validateRegion(e.region as string, `override ${key}`);
      } catch (err) {
        bad((err as Error).message);
      }
    }
    if (e.name !== undefined) {
      if (typeof e.name !== 'string' || e.name.trim() === '') bad(`override ${key}: name must be a non-empty string`);
      o.name = e.name as string;
    }
    if (e.skip !== undefined) {
      if (typeof e.skip !== 'boolean') bad(`override ${key}: skip must be true or false`);
      o.skip = e.skip as boolean;
    }
    out[key] = o;
  }
  return out;
}

/** What applies to one account/role: the account's entry, then the role's entry on top. */
export function resolveOverride(overrides: Overrides, accountId: string, roleName: string): { account: Override; role: Override; merged: Override } {
  const account = overrides[accountId] ?? {};
  const role = overrides[`${accountId}/${roleName}`] ?? {};
  return { account, role, merged: { ...account, ...role } };
}

/** A copy of `overrides` with `patch` merged into `key`; a field set to undefined is removed, an empty entry too. */
export function withOverride(overrides: Overrides | undefined, key: string, patch: { [K in keyof Override]?: Override[K] | undefined }): Overrides {
  parseOverrideKey(key);
  const next: Override = { ...overrides?.[key] };
  for (const [f, v] of Object.entries(patch) as Array<[keyof Override, unknown]>) {
    if (v === undefined) delete next[f];
    else (next as Record<string, unknown>)[f] = v;
  }
  const out: Overrides = { ...overrides };
  if (Object.keys(next).length === 0) delete out[key];
  else out[key] = next;
  return sortedOverrides(out);
}

/** A copy without `key`. */
export function withoutOverride(overrides: Overrides | undefined, key: string): Overrides {
  const out: Overrides = { ...overrides };
  delete out[key];
  return out;
}

// Stable key order keeps the integration file diffable.
function sortedOverrides(o: Overrides): Overrides {
  return Object.fromEntries(Object.entries(o).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
