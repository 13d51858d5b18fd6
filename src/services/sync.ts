import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { credentialsProfileNames } from '../aws-config/credentials-names.js';
import { unifiedDiff } from '../aws-config/diff.js';
import { listManagedProfiles } from '../aws-config/list.js';
import { locateConfigFile, locateCredentialsFile } from '../aws-config/locate.js';
import { planConfigUpdate } from '../aws-config/plan.js';
import type { Collision } from '../aws-config/types.js';
import { writeConfigFile } from '../aws-config/write.js';
import { buildCredentialProcess, credentialsArgs } from '../core/command-line.js';
import { AwsidcError } from '../core/errors.js';
import { toRfc3339 } from '../core/expiry.js';
import { checkOverrides } from '../core/overrides.js';
import { validateNameTemplate } from '../core/template.js';
import { GaveUpError, listOrg, type ListProgress, type OrgListing } from '../sso/list-org.js';
import { isUnauthorized, mapSsoError } from '../sso/map-error.js';
import { realPace, type Pace, type PaceStats } from '../sso/paced-call.js';
import type { PortalLister } from '../sso/portal.js';
import { integrationFilePath, type Integration } from '../store/integrations.js';
import { entryScriptPath, packageRoot } from '../store/install-paths.js';
import { withLockOrResult } from '../store/lock.js';
import { readSnapshot, writeSnapshot, type OrgSnapshot } from '../store/org-snapshot.js';
import type { Paths } from '../store/paths.js';
import { profileSpecs, type SkippedRole } from './profile-specs.js';
import { getAccessToken } from './session.js';

// `awsidc sync`: list the org (paced, retried, partial failures kept apart), then rewrite this integration's
// block in the AWS config file under a lock, touching the file only when its text changes.

export interface SyncOptions {
  dryRun?: boolean;
  prune?: boolean;
  configFile?: string;
  onProgress?: (p: ListProgress) => void;
  /** Pacing and retries of the listing calls (default: a fresh rate limiter on the real clock). */
  pace?: Pace;
  /** Role listings in flight at once. */
  concurrency?: number;
  /** The portal (default: the SDK against the integration's endpoint). */
  lister?: PortalLister;
}

export interface SyncResult {
  configFile: string;
  /** The new text differs from the file. */
  changed: boolean;
  /** The file was rewritten (never on --dry-run, never when unchanged). */
  written: boolean;
  diff?: string;
  profiles: Array<{ name: string; accountId: string; roleName: string }>;
  added: string[];
  removed: string[];
  /** Profiles whose name stayed but whose keys changed. */
  updated: string[];
  collisions: Collision[];
  /** Accounts whose roles could not be listed; their old profiles were kept. */
  failed: Array<{ accountId: string; message: string }>;
  /** Set when the account list could not be read to the end; profiles of unseen accounts were kept. */
  incomplete?: string;
  /** Listed roles that get no profile because their names cannot be used. */
  skipped: SkippedRole[];
  accounts: number;
  stats: PaceStats;
}

/** The default profile-name template, read from templates/profile-name.txt. */
export function defaultNameTemplate(): string {
  return readFileSync(join(packageRoot(), 'templates', 'profile-name.txt'), 'utf8').trim();
}

function readOptional(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return '';
    throw new AwsidcError('CONFIG_WRITE_FAILED', `cannot read ${path}: ${(err as Error).message}`, { hint: 'check the file permissions' });
  }
}

function configLockFile(paths: Paths): string {
  return join(paths.cacheDir, 'locks', 'aws-config');
}

// The SDK loads only when a sync really lists (not for --help, list or completion).
async function sdkLister(integ: Integration): Promise<PortalLister> {
  const [{ listingClient }, { sdkPortalLister }] = await Promise.all([import('../sso/clients.js'), import('../sso/portal.js')]);
  return sdkPortalLister(listingClient(integ));
}

/** Lists the org and rewrites this integration's block in the AWS config file (or returns the diff). */
export async function syncIntegration(integ: Integration, paths: Paths, o: SyncOptions = {}): Promise<SyncResult> {
  // Everything that can be checked offline is checked before the (possibly long) listing.
  const overrides = checkOverrides(integ.overrides, integrationFilePath(paths.configDir, integ.alias));
  const nameTemplate = integ.nameTemplate ?? defaultNameTemplate();
  validateNameTemplate(nameTemplate);
  const script = entryScriptPath();

  const token = await getAccessToken(integ, paths);
  const pace = o.pace ?? realPace();
  const lister = o.lister ?? (await sdkLister(integ));
  const list = (t: string) =>
    listOrg(lister, t, {
      pace,
      ...(o.concurrency !== undefined ? { concurrency: o.concurrency } : {}),
      ...(o.onProgress ? { onProgress: o.onProgress } : {}),
    });
  let org: OrgListing;
  try {
    org = await list(token).catch(async (err: unknown) => {
      // The portal refused a token whose expiresAt looked fine: refresh once (getAccessToken) and list again.
      if (!isUnauthorized(err)) throw err;
      return list(await getAccessToken(integ, paths, { rejected: token }));
    });
  } catch (err) {
    throw mapSsoError(err, integ.alias, 'listing accounts');
  }
  const { profiles, skipped } = profileSpecs(org.accounts, integ.region, overrides);
  const configFile = o.configFile ?? locateConfigFile(process.env, paths.home);
  const reservedNames = credentialsProfileNames(readOptional(locateCredentialsFile(process.env, paths.home)));

  const plan = (current: string) => {
    const keepAccounts = new Set(org.failed.map((f) => f.accountId));
    if (org.incomplete !== undefined) {
      // Accounts after the failed ListAccounts page are unknown: keep every profile of an account we did not see.
      const seen = new Set(org.accounts.map((a) => a.accountId));
      for (const p of listManagedProfiles(current)) {
        if (p.integration === integ.alias && p.accountId && !seen.has(p.accountId)) keepAccounts.add(p.accountId);
      }
    }
    return planConfigUpdate(current, {
      integration: integ.alias,
      startUrl: integ.startUrl,
      ssoRegion: integ.ssoRegion,
      ssoSessionName: integ.ssoSessionName,
      nameTemplate,
      style: integ.style ?? 'process',
      credentialProcess: (p) => buildCredentialProcess(process.execPath, script, credentialsArgs(integ.alias, p.accountId, p.roleName)),
      profiles,
      keepAccounts,
      prune: o.prune ?? true,
      reservedNames,
    });
  };

  const result = (p: ReturnType<typeof plan>): SyncResult => ({
    configFile,
    changed: p.changed,
    written: false,
    profiles: p.profiles,
    added: p.added,
    removed: p.removed,
    updated: p.updated,
    collisions: p.collisions,
    failed: org.failed.map((f) => ({
      accountId: f.accountId,
      message: f.error instanceof GaveUpError ? f.error.message : mapSsoError(f.error, integ.alias, 'listing roles').message,
    })),
    ...(org.incomplete !== undefined ? { incomplete: mapSsoError(org.incomplete, integ.alias, 'listing accounts').message } : {}),
    skipped,
    accounts: org.accounts.length + org.failed.length,
    stats: { ...pace.stats },
  });

  if (o.dryRun) {
    const current = readOptional(configFile);
    const p = plan(current);
    return { ...result(p), diff: p.changed ? unifiedDiff(current, p.text, configFile) : '' };
  }

  // Read, plan and write under one lock, so two syncs (of two integrations) never drop each other's block.
  const r = await withLockOrResult(configLockFile(paths), () => undefined, async () => {
    const current = readOptional(configFile);
    const p = plan(current);
    const out = result(p);
    if (p.changed) out.written = writeConfigFile(configFile, p.text, { backup: true, expectedCurrent: current }).written;
    return out;
  });
  saveSnapshot(paths, integ, r, org, profiles);
  return r;
}

// The snapshot feeds `list` and completion offline. Written only when its content changes, so a sync that
// changes nothing touches no file at all.
function saveSnapshot(paths: Paths, integ: Integration, r: SyncResult, org: OrgListing, profiles: ReturnType<typeof profileSpecs>['profiles']): void {
  const previous = readSnapshot(paths.configDir, integ.alias);
  const before = new Map((previous?.profiles ?? []).map((p) => [`${p.accountId}/${p.roleName}`, p]));
  const names = new Map(org.accounts.map((a) => [a.accountId, a.accountName]));
  const regions = new Map(profiles.map((p) => [`${p.accountId}/${p.roleName}`, p.region]));
  const next: OrgSnapshot['profiles'] = r.profiles.map((p) => {
    const key = `${p.accountId}/${p.roleName}`;
    const old = before.get(key);
    return {
      ...p,
      accountName: names.get(p.accountId) ?? old?.accountName ?? p.accountId,
      region: regions.get(key) ?? old?.region ?? integ.region,
    };
  });
  if (previous && JSON.stringify(previous.profiles) === JSON.stringify(next)) return;
  writeSnapshot(paths.configDir, { integration: integ.alias, syncedAt: toRfc3339(Date.now()), profiles: next });
}
