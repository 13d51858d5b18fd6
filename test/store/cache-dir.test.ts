import envPaths from 'env-paths';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { cacheDir } from '../../src/store/cache-dir.js';
import { resolvePaths } from '../../src/store/paths.js';

// The hot path computes the cache directory without env-paths; it must land where env-paths (and so every other
// command) puts it.

test('should agree with env-paths on this platform, with and without XDG_CACHE_HOME', () => {
  const saved = process.env.XDG_CACHE_HOME;
  try {
    for (const xdg of [undefined, '/tmp/xdg-cache']) {
      if (xdg === undefined) delete process.env.XDG_CACHE_HOME;
      else process.env.XDG_CACHE_HOME = xdg;
      const env = { ...process.env };
      delete env.AWSIDC_CACHE_DIR;
      assert.is(cacheDir(env), envPaths('awsidc', { suffix: '' }).cache, `XDG_CACHE_HOME=${xdg}`);
    }
  } finally {
    if (saved === undefined) delete process.env.XDG_CACHE_HOME;
    else process.env.XDG_CACHE_HOME = saved;
  }
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
