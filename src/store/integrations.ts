import { readFileSync, readdirSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { AwsidcError } from '../core/errors.js';
import type { Overrides } from '../core/overrides.js';
import { writeFileAtomic } from './atomic-write.js';
import { integrationDir } from './paths.js';

export type { Override, Overrides } from '../core/overrides.js';

/** One Identity Center portal the user has added. Stored as <config>/integrations/<alias>.json. */
export interface Integration {
  alias: string;
  startUrl: string;
  /** Where login and the portal API live; not where credentials are used. */
  ssoRegion: string;
  /** Default region written into every generated profile. */
  region: string;
  /** The [sso-session NAME] written in the config block; the token cache file is sha1(NAME). */
  ssoSessionName: string;
  /** Endpoint override for OIDC and portal calls (the emulator, a proxy). */
  endpointUrl?: string;
  /** Profile-name template; the default lives in templates/profile-name.txt. */
  nameTemplate?: string;
  style?: 'process' | 'native';
  autoLogin?: boolean;
  /** Keys: an account id ("123456789012") or an account/role pair ("123456789012/Admin"); see core/overrides.ts. */
  overrides?: Overrides;
}

function fileFor(configDir: string, alias: string): string {
  return join(integrationDir(configDir), `${alias}.json`);
}

/** Where an integration is stored (for messages that tell the user which file to fix). */
export function integrationFilePath(configDir: string, alias: string): string {
  return fileFor(configDir, alias);
}

export function loadIntegration(configDir: string, alias: string): Integration {
  let text: string;
  try {
    text = readFileSync(fileFor(configDir, alias), 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new AwsidcError('INTEGRATION_NOT_FOUND', `no integration named "${alias}"`, {
        hint: 'run `awsidc integrations list` to see them, or `awsidc init` to add one',
      });
    }
    throw err;
  }
  try {
    return JSON.parse(text) as Integration;
  } catch (err) {
    throw new AwsidcError('CONFIG_MALFORMED', `integration file ${fileFor(configDir, alias)} is not valid JSON`, {
      hint: 'fix or delete it and run `awsidc init` again',
      cause: err,
    });
  }
}

export function listIntegrations(configDir: string): Integration[] {
  let names: string[];
  try {
    names = readdirSync(integrationDir(configDir));
  } catch {
    return [];
  }
  return names
    .filter((n) => n.endsWith('.json') && !n.startsWith('.'))
    .sort()
    .map((n) => loadIntegration(configDir, n.slice(0, -'.json'.length)));
}

export function saveIntegration(configDir: string, integ: Integration): void {
  writeFileAtomic(fileFor(configDir, integ.alias), JSON.stringify(integ, null, 2) + '\n');
}

export function deleteIntegration(configDir: string, alias: string): void {
  try {
    unlinkSync(fileFor(configDir, alias));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
}

/** The single integration when there is exactly one; otherwise a usage error listing them. */
export function pickIntegration(configDir: string, alias: string | undefined): Integration {
  if (alias) return loadIntegration(configDir, alias);
  const all = listIntegrations(configDir);
  if (all.length === 1) return all[0]!;
  if (all.length === 0) {
    throw new AwsidcError('INTEGRATION_NOT_FOUND', 'no integration is set up yet', { hint: 'run `awsidc init`' });
  }
  throw new AwsidcError('USAGE', `there are ${all.length} integrations (${all.map((i) => i.alias).join(', ')})`, {
    hint: 'pass --integration NAME',
  });
}
