import { readFileSync } from 'node:fs';
import { listManagedBlocks } from '../aws-config/list.js';
import { locateConfigFile } from '../aws-config/locate.js';
import { removeBlock } from '../aws-config/plan.js';
import { writeConfigFile } from '../aws-config/write.js';
import { AwsidcError } from '../core/errors.js';
import { validateNameTemplate } from '../core/template.js';
import { validateAlias, validateEndpointUrl, validateRegion, validateStartUrl } from '../core/validate.js';
import { deleteIntegration, listIntegrations, loadIntegration, saveIntegration, type Integration } from '../store/integrations.js';
import { deleteSnapshot, readSnapshot } from '../store/org-snapshot.js';
import type { Paths } from '../store/paths.js';
import { logout } from './logout.js';
import { sessionState } from './session.js';

/** The editable fields of an integration, as flags give them. `null` clears an optional field. */
export interface IntegrationFields {
  startUrl?: string;
  ssoRegion?: string;
  region?: string;
  nameTemplate?: string | null;
  style?: string;
  autoLogin?: boolean;
  endpointUrl?: string | null;
}

/** The field names in flag spelling, for messages. */
const FLAG: Record<keyof IntegrationFields, string> = {
  startUrl: '--start-url',
  ssoRegion: '--sso-region',
  region: '--region',
  nameTemplate: '--name-template',
  style: '--style',
  autoLogin: '--auto-login',
  endpointUrl: '--endpoint-url',
};

function checkStyle(raw: string): 'process' | 'native' {
  if (raw !== 'process' && raw !== 'native') {
    throw new AwsidcError('USAGE', `--style must be "process" or "native", not "${raw}"`, { hint: 'pass --style process or --style native' });
  }
  return raw;
}

/** Applies validated `fields` over `base` (same rules as `init`); returns the new integration. */
export function applyFields(base: Integration, fields: IntegrationFields): Integration {
  const next: Integration = { ...base };
  if (fields.startUrl !== undefined) next.startUrl = validateStartUrl(fields.startUrl);
  if (fields.ssoRegion !== undefined) next.ssoRegion = validateRegion(fields.ssoRegion, '--sso-region');
  if (fields.region !== undefined) next.region = validateRegion(fields.region, '--region');
  if (fields.style !== undefined) next.style = checkStyle(fields.style);
  if (fields.autoLogin !== undefined) next.autoLogin = fields.autoLogin;
  if (fields.nameTemplate === null || fields.nameTemplate === '') delete next.nameTemplate;
  else if (fields.nameTemplate !== undefined) {
    validateNameTemplate(fields.nameTemplate);
    next.nameTemplate = fields.nameTemplate;
  }
  if (fields.endpointUrl === null || fields.endpointUrl === '') delete next.endpointUrl;
  else if (fields.endpointUrl !== undefined) next.endpointUrl = validateEndpointUrl(fields.endpointUrl);
  return next;
}

/** Creates an integration file; INTEGRATION_EXISTS when the alias is taken. Does not log in. */
export function addIntegration(paths: Paths, alias: string, fields: IntegrationFields & { startUrl: string; ssoRegion: string }): Integration {
  const name = validateAlias(alias);
  if (listIntegrations(paths.configDir).some((i) => i.alias === name)) {
    throw new AwsidcError('INTEGRATION_EXISTS', `an integration named "${name}" already exists`, {
      hint: `change it with \`awsidc integrations edit ${name}\`, or choose another --alias`,
    });
  }
  const ssoRegion = validateRegion(fields.ssoRegion, '--sso-region');
  const integ = applyFields(
    { alias: name, startUrl: validateStartUrl(fields.startUrl), ssoRegion, region: ssoRegion, ssoSessionName: name },
    { ...fields, startUrl: undefined, ssoRegion: undefined },
  );
  saveIntegration(paths.configDir, integ);
  return integ;
}

/** What an edit changed, and what the user has to do next. */
export interface EditResult {
  integration: Integration;
  /** Changed fields, in flag spelling. */
  changed: string[];
  /** The start URL or SSO region changed: the old session belongs to another portal. */
  needsLogin: boolean;
}

/** Changes fields of an existing integration and saves it; the alias itself cannot change. */
export function editIntegration(paths: Paths, alias: string, fields: IntegrationFields): EditResult {
  const before = loadIntegration(paths.configDir, alias);
  const after = applyFields(before, fields);
  const changed = (Object.keys(FLAG) as Array<keyof IntegrationFields>)
    .filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]))
    .map((k) => FLAG[k]);
  if (changed.length > 0) saveIntegration(paths.configDir, after);
  return { integration: after, changed, needsLogin: before.startUrl !== after.startUrl || before.ssoRegion !== after.ssoRegion };
}

/** One row of `integrations list`. */
export interface IntegrationSummary {
  alias: string;
  startUrl: string;
  ssoRegion: string;
  region: string;
  style: 'process' | 'native';
  autoLogin: boolean;
  endpointUrl?: string;
  nameTemplate?: string;
  session: 'valid' | 'expired' | 'missing';
  /** Epoch ms; only for a valid session. */
  expiresAt?: number;
  refreshable: boolean;
  /** Profiles written by the last sync; undefined when never synced. */
  profiles?: number;
  syncedAt?: string;
}

/** Every integration with its session state (no network) and its profile count from the last sync. */
export function describeIntegrations(paths: Paths, now: number): IntegrationSummary[] {
  return listIntegrations(paths.configDir).map((i) => {
    const s = sessionState(i, paths, now);
    const snap = readSnapshot(paths.configDir, i.alias);
    return {
      alias: i.alias,
      startUrl: i.startUrl,
      ssoRegion: i.ssoRegion,
      region: i.region,
      style: i.style ?? 'process',
      autoLogin: Boolean(i.autoLogin),
      ...(i.endpointUrl ? { endpointUrl: i.endpointUrl } : {}),
      ...(i.nameTemplate ? { nameTemplate: i.nameTemplate } : {}),
      session: s.state,
      ...(s.state === 'valid' ? { expiresAt: s.expiresAt } : {}),
      refreshable: s.state === 'missing' ? false : s.refreshable,
      ...(snap ? { profiles: snap.profiles.length, syncedAt: snap.syncedAt } : {}),
    };
  });
}

/** What `integrations remove` did. */
export interface RemoveResult {
  alias: string;
  hadIntegration: boolean;
  signedOut: boolean;
  configFile: string;
  /** Profile names whose sections left the config file. */
  removedProfiles: string[];
  backupPath?: string;
}

// Order matters: the config block goes before the integration file, so a failed write leaves everything in
// place and the command can simply be run again.
/**
 * Removes an integration: signs out (token, registrations, cached credentials), deletes its block from the AWS
 * config file (every other byte stays), its org snapshot and its file. A block left behind by an integration
 * whose file is already gone is removed too.
 */
export async function removeIntegration(paths: Paths, alias: string, o: { configFile?: string; env?: NodeJS.ProcessEnv } = {}): Promise<RemoveResult> {
  const configFile = o.configFile ?? locateConfigFile(o.env ?? process.env, paths.home);
  let integ: Integration | undefined;
  try {
    integ = loadIntegration(paths.configDir, alias);
  } catch (err) {
    if (!(err instanceof AwsidcError && err.code === 'INTEGRATION_NOT_FOUND')) throw err;
  }
  let text: string | undefined;
  try {
    text = readFileSync(configFile, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') {
      throw new AwsidcError('CONFIG_WRITE_FAILED', `cannot read ${configFile}: ${(err as Error).message}`, { hint: 'check the file permissions' });
    }
  }
  const hasBlock = text !== undefined && listManagedBlocks(text).some((b) => b.integration === alias);
  if (!integ && !hasBlock && !readSnapshot(paths.configDir, alias)) {
    throw new AwsidcError('INTEGRATION_NOT_FOUND', `no integration named "${alias}"`, { hint: 'run `awsidc integrations list` to see them' });
  }
  const signedOut = integ ? (await logout(integ, paths)).hadToken : false;
  const result: RemoveResult = { alias, hadIntegration: Boolean(integ), signedOut, configFile, removedProfiles: [] };
  if (text !== undefined && hasBlock) {
    const plan = removeBlock(text, alias);
    if (plan.changed) {
      const w = await writeConfigFile(configFile, plan.text, { backup: true, expectedCurrent: text });
      result.removedProfiles = plan.removed;
      if (w.backupPath) result.backupPath = w.backupPath;
    }
  }
  deleteSnapshot(paths.configDir, alias);
  deleteIntegration(paths.configDir, alias);
  return result;
}
