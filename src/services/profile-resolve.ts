import { readFileSync } from 'node:fs';
import { listManagedProfiles } from '../aws-config/list.js';
import { locateConfigFile } from '../aws-config/locate.js';
import { parseConfig } from '../aws-config/parse.js';
import { AwsidcError } from '../core/errors.js';
import { listIntegrations, type Integration } from '../store/integrations.js';
import { readSnapshot } from '../store/org-snapshot.js';
import type { Paths } from '../store/paths.js';

/** One generated profile and the role behind it: what exec, export, console and the picker work with. */
export interface ProfileTarget {
  name: string;
  integration: string;
  accountId: string;
  accountName: string;
  roleName: string;
  /** The profile's region (the integration default unless overridden). */
  region: string;
}

/** Where the profiles come from, so tests and doctor can pass their own config file. */
export interface ProfileSources {
  paths: Paths;
  configFile?: string;
  env?: NodeJS.ProcessEnv;
}

function readConfigText(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

// The org snapshots are the primary source (offline, carry account names); managed profiles in the config file
// fill in what a snapshot lacks (an old sync, a copied config), so every profile the SDKs see can be used here.
/** Every awsidc profile of every integration, sorted by name. */
export function listProfileTargets(src: ProfileSources, integrations: Integration[] = listIntegrations(src.paths.configDir)): ProfileTarget[] {
  const byName = new Map<string, ProfileTarget>();
  const known = new Map(integrations.map((i) => [i.alias, i]));
  for (const integ of integrations) {
    for (const p of readSnapshot(src.paths.configDir, integ.alias)?.profiles ?? []) {
      if (!byName.has(p.name)) byName.set(p.name, { ...p, integration: integ.alias });
    }
  }
  const text = readConfigText(src.configFile ?? locateConfigFile(src.env ?? process.env, src.paths.home));
  if (text !== undefined) {
    let managed: ReturnType<typeof listManagedProfiles> = [];
    try {
      managed = listManagedProfiles(text);
    } catch {
      // A broken marker is doctor's business; the snapshots still answer.
    }
    for (const m of managed) {
      const integ = known.get(m.integration);
      if (!integ || !m.accountId || !m.roleName || byName.has(m.name)) continue;
      byName.set(m.name, {
        name: m.name,
        integration: m.integration,
        accountId: m.accountId,
        accountName: m.accountId,
        roleName: m.roleName,
        region: m.region ?? integ.region,
      });
    }
  }
  return [...byName.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** Why a name is not one of ours: a hand-written profile, or nothing at all. */
function notFound(name: string, src: ProfileSources): AwsidcError {
  const text = readConfigText(src.configFile ?? locateConfigFile(src.env ?? process.env, src.paths.home));
  let handWritten = false;
  try {
    handWritten = text !== undefined && parseConfig(text).handProfiles.has(name);
  } catch {
    handWritten = false;
  }
  if (handWritten) {
    return new AwsidcError('PROFILE_NOT_FOUND', `profile "${name}" is not managed by awsidc`, {
      hint: 'pick one of the profiles `awsidc list` shows',
    });
  }
  return new AwsidcError('PROFILE_NOT_FOUND', `no awsidc profile named "${name}"`, {
    hint: 'run `awsidc list` to see the profiles, or `awsidc sync` if the role is new',
  });
}

/** How the profile was chosen, for --verbose. */
export type ProfileChoice = { target: ProfileTarget; via: '--profile' | 'AWS_PROFILE' | 'picker' };

/**
 * Picks the profile a command works on: --profile, else AWS_PROFILE when it names one of our profiles, else the
 * interactive picker on a terminal; without a terminal, a usage error naming --profile.
 */
export async function chooseProfile(
  o: { profile?: string; env: NodeJS.ProcessEnv; interactive: boolean; pick: (targets: ProfileTarget[]) => Promise<ProfileTarget> },
  src: ProfileSources,
): Promise<ProfileChoice> {
  const targets = listProfileTargets(src);
  if (o.profile !== undefined && o.profile !== '') {
    const t = targets.find((p) => p.name === o.profile);
    if (!t) throw notFound(o.profile, src);
    return { target: t, via: '--profile' };
  }
  const fromEnv = o.env.AWS_PROFILE;
  if (fromEnv) {
    const t = targets.find((p) => p.name === fromEnv);
    if (t) return { target: t, via: 'AWS_PROFILE' };
  }
  if (targets.length === 0) {
    throw new AwsidcError('PROFILE_NOT_FOUND', 'there are no awsidc profiles yet', { hint: 'run `awsidc init`, or `awsidc sync`' });
  }
  if (!o.interactive) {
    throw new AwsidcError('NOT_A_TTY', 'no profile given and there is no terminal to pick one on', {
      hint: 'pass --profile NAME (`awsidc list` shows the names)',
    });
  }
  return { target: await o.pick(targets), via: 'picker' };
}
