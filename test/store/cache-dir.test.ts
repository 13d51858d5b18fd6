import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { cacheDir } from '../../src/store/cache-dir.js';
import { resolvePaths } from '../../src/store/paths.js';
import { run } from '../helpers/sandbox.js';

// The hot path computes the cache directory without env-paths; it must land where env-paths (and so every other
// command) puts it.

// In a fresh process: env-paths reads the home directory once, at import, and earlier suites in this process change
// HOME (flow.test.ts points it at a sandbox).
const PROBE = `
import envPaths from 'env-paths';
import { cacheDir } from ${JSON.stringify(pathToFileURL(resolve(import.meta.dirname ?? new URL('.', import.meta.url).pathname, '../../src/store/cache-dir.ts')).href)};
console.log(JSON.stringify([cacheDir(), envPaths('awsidc', { suffix: '' }).cache]));
`;

async function both(extra: NodeJS.ProcessEnv): Promise<[string, string]> {
  const env: NodeJS.ProcessEnv = { ...process.env, ...extra };
  for (const k of ['AWSIDC_CACHE_DIR', 'XDG_CACHE_HOME']) if (!(k in extra)) delete env[k];
  const r = await run(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', PROBE], env);
  if (r.code !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout) as [string, string];
}

test('should agree with env-paths on this platform, with and without XDG_CACHE_HOME', async () => {
  const home = mkdtempSync(join(tmpdir(), 'awsidc-home-'));
  for (const extra of [{ HOME: home, USERPROFILE: home }, { HOME: home, USERPROFILE: home, XDG_CACHE_HOME: join(home, 'xdg') }]) {
    const [ours, theirs] = await both(extra);
    assert.is(ours, theirs, JSON.stringify(extra));
    if (process.platform !== 'win32') assert.ok(ours.startsWith(home), 'under the HOME it was given');
  }
  rmSync(home, { recursive: true, force: true });
});

test('should follow env-paths on the other platforms and honour AWSIDC_CACHE_DIR', () => {
  const home = () => '/home/u';
  assert.is(cacheDir({}, 'darwin', home), '/home/u/Library/Caches/awsidc');
  assert.is(cacheDir({}, 'linux', home), '/home/u/.cache/awsidc');
  assert.is(cacheDir({ XDG_CACHE_HOME: '/x' }, 'linux', home), '/x/awsidc');
  assert.match(cacheDir({ LOCALAPPDATA: 'C:/Users/u/AppData/Local' }, 'win32', home), /AppData\/Local[\\/]awsidc[\\/]Cache$/);
  assert.is(cacheDir({ AWSIDC_CACHE_DIR: '/elsewhere' }, 'darwin', home), '/elsewhere');
  assert.is(resolvePaths({ AWSIDC_CACHE_DIR: '/elsewhere', HOME: '/home/u' }).cacheDir, '/elsewhere');
});

test.run();
