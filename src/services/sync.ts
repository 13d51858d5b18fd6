import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildCredentialProcess, credentialsArgs } from '../core/command-line.js';
import { AwsidcError } from '../core/errors.js';
import { toRfc3339 } from '../core/expiry.js';
import { locateConfigFile } from '../aws-config/locate.js';
import { planConfigUpdate } from '../aws-config/plan.js';
import { unifiedDiff } from '../aws-config/diff.js';
import { writeConfigFile } from '../aws-config/write.js';
import type { ProfileSpec } from '../aws-config/types.js';
import { listingClient } from '../sso/clients.js';
import { listOrg } from '../sso/list-org.js';
import { realPace } from '../sso/paced-call.js';
import { sdkPortalLister } from '../sso/portal.js';
import { mapSsoError } from '../sso/map-error.js';
import type { Integration, Override } from '../store/integrations.js';
import { entryScriptPath, packageRoot } from '../store/install-paths.js';
import type { Paths } from '../store/paths.js';
import { writeSnapshot } from '../store/org-snapshot.js';
import { getAccessToken } from './session.js';

export interface SyncOptions {
  dryRun?: boolean;
  prune?: boolean;
  configFile?: string;
  onProgress?: (done: number, total: number) => void;
}

export interface SyncResult {
  configFile: string;
  changed: boolean;
  written: boolean;
  diff?: string;
  profiles: Array<{ name: string; accountId: string; roleName: string }>;
  added: string[];
  removed: string[];
  collisions: Array<{ wanted: string; given: string; reason: string }>;
  failed: Array<{ accountId: string; message: string }>;
  accounts: number;
}

/** The default profile-name template, read from templates/profile-name.txt. */
export function defaultNameTemplate(): string {
  return readFileSync(join(packageRoot(), 'templates', 'profile-name.txt'), 'utf8').trim();
}

function overrideFor(integ: Integration, accountId: string, roleName: string): Override {
  const o = integ.overrides ?? {};
  return { ...o[accountId], ...o[`${accountId}/${roleName}`] };
}

/** Lists the org and rewrites this integration's block in the AWS config file (or prints the diff). */
export async function syncIntegration(integ: Integration, paths: Paths, o: SyncOptions = {}): Promise<SyncResult> {
  const token = await getAccessToken(integ, paths);
  let org;
  try {
    const onProgress = o.onProgress;
    org = await listOrg(sdkPortalLister(listingClient(integ)), token, { pace: realPace(), ...(onProgress ? { onProgress: (p) => onProgress(p.done, p.total) } : {}) });
  } catch (err) {
    throw mapSsoError(err, integ.alias, 'listing accounts');
  }
  const profiles: Array<ProfileSpec> = [];
  const names = new Map<string, string>();
  for (const a of org.accounts) {
    for (const roleName of a.roles) {
      const ov = overrideFor(integ, a.accountId, roleName);
      if (ov.skip) continue;
      profiles.push({
        accountId: a.accountId,
        accountName: a.accountName,
        roleName,
        region: ov.region ?? integ.region,
        ...(ov.name ? { nameOverride: ov.name } : {}),
      });
      names.set(`${a.accountId}/${roleName}`, a.accountName);
    }
  }
  const configFile = o.configFile ?? locateConfigFile(process.env, paths.home);
  let current = '';
  try {
    current = readFileSync(configFile, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') {
      throw new AwsidcError('CONFIG_WRITE_FAILED', `cannot read ${configFile}: ${(err as Error).message}`, { hint: 'check the file permissions' });
    }
  }
  const script = entryScriptPath();
  const plan = planConfigUpdate(current, {
    integration: integ.alias,
    startUrl: integ.startUrl,
    ssoRegion: integ.ssoRegion,
    ssoSessionName: integ.ssoSessionName,
    nameTemplate: integ.nameTemplate ?? defaultNameTemplate(),
    style: integ.style ?? 'process',
    credentialProcess: (p) => buildCredentialProcess(process.execPath, script, credentialsArgs(integ.alias, p.accountId, p.roleName)),
    profiles,
    keepAccounts: new Set(org.failed.map((f) => f.accountId)),
    prune: o.prune ?? true,
  });
  const result: SyncResult = {
    configFile,
    changed: plan.changed,
    written: false,
    profiles: plan.profiles,
    added: plan.added,
    removed: plan.removed,
    collisions: plan.collisions,
    failed: org.failed.map((f) => ({ accountId: f.accountId, message: mapSsoError(f.error, integ.alias, 'listing roles').message })),
    accounts: org.accounts.length + org.failed.length,
  };
  if (o.dryRun) {
    result.diff = plan.changed ? unifiedDiff(current, plan.text, configFile) : '';
    return result;
  }
  if (plan.changed) {
    writeConfigFile(configFile, plan.text, { backup: true });
    result.written = true;
  }
  const regionOf = new Map(profiles.map((p) => [`${p.accountId}/${p.roleName}`, p.region]));
  writeSnapshot(paths.configDir, {
    integration: integ.alias,
    syncedAt: toRfc3339(Date.now()),
    profiles: plan.profiles.map((p) => ({
      ...p,
      accountName: names.get(`${p.accountId}/${p.roleName}`) ?? p.accountId,
      region: regionOf.get(`${p.accountId}/${p.roleName}`) ?? integ.region,
    })),
  });
  return result;
}
