import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { listManagedProfiles } from '../../src/aws-config/list.js';
import { syncIntegration } from '../../src/services/sync.js';
import type { Integration } from '../../src/store/integrations.js';
import type { Paths } from '../../src/store/paths.js';
import { tokenPath, writeToken } from '../../src/store/token-cache.js';
import { fakeLister, fakeOrg, httpError, virtualPace } from '../sso/helpers.js';

// The sync service with a scripted portal: what it keeps when the listing is cut short, and what it writes.

const integ: Integration = { alias: 'acme', startUrl: 'https://d-1234567890.awsapps.com/start', ssoRegion: 'us-east-1', region: 'eu-west-1', ssoSessionName: 'acme' };

const sync = suite<{ dir: string; paths: Paths; configFile: string }>('sync service', {} as never);

sync.before.each((ctx) => {
  ctx.dir = mkdtempSync(join(tmpdir(), 'awsidc-sync-'));
  ctx.paths = { configDir: join(ctx.dir, 'config'), cacheDir: join(ctx.dir, 'cache'), ssoCacheDir: join(ctx.dir, '.aws', 'sso', 'cache'), home: ctx.dir };
  ctx.configFile = join(ctx.dir, '.aws', 'config');
  writeToken(tokenPath(ctx.paths.ssoCacheDir, 'acme'), { startUrl: integ.startUrl, region: 'us-east-1', accessToken: 'token', expiresAt: Date.now() + 3600_000 });
});
sync.after.each((ctx) => {
  rmSync(ctx.dir, { recursive: true, force: true });
});

const accountsIn = (file: string) => new Set(listManagedProfiles(readFileSync(file, 'utf8')).map((p) => p.accountId));

sync('should keep the profiles of accounts it did not see when the account list is cut short', async ({ paths, configFile }) => {
  const org = fakeOrg(9, 1);
  const first = await syncIntegration(integ, paths, { configFile, lister: fakeLister(org, { pageSize: 3 }).lister, pace: virtualPace() });
  assert.is(first.profiles.length, 9);
  // Page 2 (accounts 3-5) now fails for good, and account 0 has a new role.
  org.accounts[0]?.roles.push('NewRole');
  const cut = fakeLister(org, { pageSize: 3, fault: (op, key) => { if (op === 'accounts' && key === '3') throw httpError('InternalServerException', 500); } });
  const r = await syncIntegration(integ, paths, { configFile, lister: cut.lister, pace: virtualPace() });
  assert.match(r.incomplete ?? '', /listing accounts: .*HTTP 500/);
  assert.is(accountsIn(configFile).size, 9, 'every account still has its profiles');
  assert.equal(r.removed, []);
  assert.equal(r.added, ['Account-0.NewRole']);
});

sync('should not write anything, the snapshot included, when nothing changed', async ({ paths, configFile }) => {
  const { lister } = fakeLister(fakeOrg(4));
  await syncIntegration(integ, paths, { configFile, lister, pace: virtualPace() });
  const snapshot = join(paths.configDir, 'state', 'acme.json');
  const before = [statSync(configFile).mtimeMs, statSync(snapshot).mtimeMs];
  await new Promise((r) => setTimeout(r, 20));
  const again = await syncIntegration(integ, paths, { configFile, lister, pace: virtualPace() });
  assert.equal([again.changed, again.written], [false, false]);
  assert.equal([statSync(configFile).mtimeMs, statSync(snapshot).mtimeMs], before);
});

sync('should report the accounts not tried after a run of failures, and keep their profiles', async ({ paths, configFile }) => {
  const org = fakeOrg(40, 1);
  await syncIntegration(integ, paths, { configFile, lister: fakeLister(org, { pageSize: 100 }).lister, pace: virtualPace() });
  const down = fakeLister(org, { pageSize: 100, fault: (op) => { if (op === 'roles') throw httpError('ServiceUnavailableException', 503); } });
  const r = await syncIntegration(integ, paths, { configFile, lister: down.lister, pace: virtualPace({ burst: 1000 }), concurrency: 2 });
  assert.is(r.failed.length, 40);
  assert.ok(r.failed.some((f) => f.message === 'not tried: too many accounts failed in a row'));
  assert.ok(down.stats.calls < 40 * 4, `${down.stats.calls} calls`);
  assert.is(accountsIn(configFile).size, 40);
});

sync.run();
