import { homedir } from 'node:os';
import { join } from 'node:path';
import envPaths from 'env-paths';
import { cacheDir } from './cache-dir.js';

export { roleCachePath } from './cache-dir.js';

/** Every location awsidc reads or writes, resolved once per process from the environment. */
export interface Paths {
  /** Integrations live here (env-paths config dir, e.g. ~/.config/awsidc). */
  configDir: string;
  /** Role credentials, registrations and locks (env-paths cache dir, e.g. ~/.cache/awsidc). */
  cacheDir: string;
  /** The AWS CLI's token cache, shared on purpose: ~/.aws/sso/cache. */
  ssoCacheDir: string;
  home: string;
}

// AWSIDC_CONFIG_DIR / AWSIDC_CACHE_DIR exist for tests and for users who keep tool state elsewhere.
export function resolvePaths(env: NodeJS.ProcessEnv = process.env): Paths {
  const home = env.HOME || env.USERPROFILE || homedir();
  const std = envPaths('awsidc', { suffix: '' });
  return {
    configDir: env.AWSIDC_CONFIG_DIR || std.config,
    cacheDir: cacheDir(env),
    ssoCacheDir: join(home, '.aws', 'sso', 'cache'),
    home,
  };
}

/** A cached OIDC client registration: <cache>/registrations/<alias>-<flow>.json */
export function registrationPath(cacheDir: string, alias: string, flow: 'device' | 'pkce'): string {
  return join(cacheDir, 'registrations', `${alias}-${flow}.json`);
}

export function integrationDir(configDir: string): string {
  return join(configDir, 'integrations');
}
