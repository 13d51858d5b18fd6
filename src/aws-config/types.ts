// Shapes shared by the config planner, the writer and the commands that read managed profiles.

/** One account/role pair from the current listing. */
export interface ProfileSpec {
  accountId: string;
  accountName: string;
  roleName: string;
  region: string;
  /** A user-pinned profile name (still sanitised and still subject to the collision rule). */
  nameOverride?: string;
}

/** Everything planConfigUpdate needs to build one integration's block. */
export interface BlockInput {
  /** Integration alias, [a-z0-9][a-z0-9-]*. */
  integration: string;
  startUrl: string;
  ssoRegion: string;
  /** Name of the `[sso-session NAME]` section; the SSO token cache file is sha1(NAME). */
  ssoSessionName: string;
  /** Profile-name template text, e.g. `{{accountName}}.{{roleName}}`. */
  nameTemplate: string;
  /** `process`: credential_process profiles; `native`: sso_session/sso_account_id/sso_role_name profiles. */
  style: 'process' | 'native';
  /** Builds the credential_process command line; it must keep `--account-id X --role-name Y` in it. */
  credentialProcess: (p: ProfileSpec) => string;
  /** The current listing. */
  profiles: ProfileSpec[];
  /** Accounts whose listing failed: their profiles in the old block are kept unchanged. */
  keepAccounts?: Set<string>;
  /** false: keep profiles from the old block that are no longer in `profiles`. */
  prune: boolean;
  /** Profile names defined elsewhere (e.g. sections of ~/.aws/credentials): treated like hand-written ones. */
  reservedNames?: ReadonlySet<string>;
}

/** Why a profile did not get the name it wanted. */
export type CollisionKind = 'same-integration' | 'other-integration' | 'hand-written' | 'reserved' | 'previous-name';

/** A profile whose given name differs from the rendered ("wanted") one. */
export interface Collision {
  wanted: string;
  given: string;
  reason: string;
  kind: CollisionKind;
  accountId: string;
  roleName: string;
}

/** One profile in the planned block. */
export interface PlannedProfile {
  name: string;
  accountId: string;
  roleName: string;
}

/** The outcome of planning: the whole new file text and what changed in our block. */
export interface PlanResult {
  text: string;
  /** false when `text` is byte-identical to the input: do not write. */
  changed: boolean;
  profiles: PlannedProfile[];
  collisions: Collision[];
  /** Profile names that were in the old block and are not in the new one. */
  removed: string[];
  /** Profile names in the new block that were not in the old one. */
  added: string[];
  /** Profiles that kept their name but whose keys changed (a new region, another style). */
  updated: string[];
}

/** A profile found in some awsidc block (for list, doctor, completion). */
export interface ManagedProfile {
  integration: string;
  name: string;
  /** From --account-id in credential_process, or sso_account_id. */
  accountId: string | undefined;
  /** From --role-name in credential_process, or sso_role_name. */
  roleName: string | undefined;
  region: string | undefined;
  hasCredentialProcess: boolean;
  /** sso_session, sso_account_id and sso_role_name are all present. */
  hasSsoKeys: boolean;
  /** 1-based line of the `[profile NAME]` header. */
  line: number;
}
