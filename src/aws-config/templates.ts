import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AwsidcError } from '../core/errors.js';

// The section and name templates ship as files in the package's templates/ folder; there is no built-in copy,
// so a broken install fails loudly instead of silently writing something else.

/** File names inside templates/. */
export const TEMPLATE_FILES = {
  profileName: 'profile-name.txt',
  profile: 'profile.ini',
  profileNative: 'profile-native.ini',
  ssoSession: 'sso-session.ini',
} as const;

/** The section templates the block renderer needs. */
export interface SectionTemplates {
  /** `[profile ...]` with credential_process (style `process`). */
  profile: string;
  /** `[profile ...]` with sso_session/sso_account_id/sso_role_name (style `native`). */
  profileNative: string;
  /** `[sso-session ...]`. */
  ssoSession: string;
}

// Works from src/aws-config (tsx), dist/*.cjs (esbuild defines __dirname) and dist/*.mjs or dist/chunks/*.mjs.
function moduleDir(): string {
  if (typeof __dirname === 'string') return __dirname;
  return dirname(fileURLToPath(import.meta.url));
}

let cachedDir: string | undefined;

/** The package's templates/ folder: the first folder at or above `startDir` holding templates/profile-name.txt. */
export function findTemplatesDir(startDir?: string): string {
  if (startDir === undefined && cachedDir !== undefined) return cachedDir;
  const from = startDir ?? moduleDir();
  let dir = from;
  for (;;) {
    const candidate = join(dir, 'templates');
    if (existsSync(join(candidate, TEMPLATE_FILES.profileName))) {
      if (startDir === undefined) cachedDir = candidate;
      return candidate;
    }
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  throw new AwsidcError('TEMPLATE_INVALID', `cannot find the awsidc templates/ folder above ${from}`, {
    hint: 'reinstall awsidc: the package must ship its templates/ folder beside dist/',
  });
}

function readTemplate(dir: string, file: string): string {
  const path = join(dir, file);
  try {
    return readFileSync(path, 'utf8');
  } catch (err) {
    throw new AwsidcError('TEMPLATE_INVALID', `cannot read template ${path}`, {
      hint: 'reinstall awsidc: the package must ship its templates/ folder beside dist/',
      cause: err,
    });
  }
}

/** The default profile-name template (templates/profile-name.txt without its trailing line break). */
export function loadDefaultNameTemplate(dir = findTemplatesDir()): string {
  return readTemplate(dir, TEMPLATE_FILES.profileName).replace(/\r?\n$/, '');
}

/** The section templates from templates/*.ini. */
export function loadSectionTemplates(dir = findTemplatesDir()): SectionTemplates {
  return {
    profile: readTemplate(dir, TEMPLATE_FILES.profile),
    profileNative: readTemplate(dir, TEMPLATE_FILES.profileNative),
    ssoSession: readTemplate(dir, TEMPLATE_FILES.ssoSession),
  };
}
