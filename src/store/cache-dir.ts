import { homedir } from 'node:os';
import { join } from 'node:path';

// The hot path needs only the cache directory, and env-paths (with is-safe-filename) costs a measurable slice of a
// cache hit, so the rule env-paths uses for `envPaths('awsidc', { suffix: '' }).cache` lives here once, for both
// paths.ts and the hot path. test/store/cache-dir.test.ts checks it against env-paths itself.

/**
 * <cache>/awsidc: $AWSIDC_CACHE_DIR, else Linux $XDG_CACHE_HOME/awsidc or ~/.cache/awsidc, macOS
 * ~/Library/Caches/awsidc, Windows %LOCALAPPDATA%\awsidc\Cache.
 */
export function cacheDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform, home: () => string = homedir): string {
  if (env.AWSIDC_CACHE_DIR) return env.AWSIDC_CACHE_DIR;
  if (platform === 'darwin') return join(home(), 'Library', 'Caches', 'awsidc');
  if (platform === 'win32') return join(env.LOCALAPPDATA || join(home(), 'AppData', 'Local'), 'awsidc', 'Cache');
  return join(env.XDG_CACHE_HOME || join(home(), '.cache'), 'awsidc');
}

/** Cached credential_process output for one role: <cache>/credentials/<alias>/<account>_<role>.json */
export function roleCachePath(cache: string, integration: string, accountId: string, roleName: string): string {
  return join(cache, 'credentials', integration, `${accountId}_${roleName}.json`);
}
