import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { AwsidcError } from '../../src/core/errors.js';
import { chooseProfile, listProfileTargets, type ProfileTarget } from '../../src/services/profile-resolve.js';
import { saveIntegration } from '../../src/store/integrations.js';
import { writeSnapshot } from '../../src/store/org-snapshot.js';
import type { Paths } from '../../src/store/paths.js';

const res = suite<{ dir: string; paths: Paths; configFile: string }>('profile resolution', {} as never);

res.before.each((ctx) => {
  ctx.dir = mkdtempSync(join(tmpdir(), 'awsidc-resolve-'));
  ctx.paths = { configDir: join(ctx.dir, 'cfg'), cacheDir: join(ctx.dir, 'cache'), ssoCacheDir: join(ctx.dir, 'sso'), home: ctx.dir };
  ctx.configFile = join(ctx.dir, 'config');
  for (const alias of ['acme', 'beta']) {
    saveIntegration(ctx.paths.configDir, { alias, startUrl: `https://${alias}.awsapps.com/start`, ssoRegion: 'us-east-1', region: 'eu-west-1', ssoSessionName: alias });
  }
  writeSnapshot(ctx.paths.configDir, {
    integration: 'acme',
    syncedAt: '2025-01-01T00:00:00Z',
    profiles: [{ name: 'Prod.Admin', accountId: '111111111111', accountName: 'Prod', roleName: 'Admin', region: 'eu-west-1' }],
  });
  // beta has no snapshot: its profile comes from the managed block; "mine" is hand-written.
  writeFileSync(
    ctx.configFile,
    [
      '[profile mine]',
      'region = us-east-1',
      '',
      '# >>> awsidc integration "beta" -- managed by awsidc; edits inside are replaced by `awsidc sync`',
      '[profile Dev.ReadOnly]',
      'region = ap-south-1',
      'credential_process = "/n" "/s" credentials --integration beta --account-id 222222222222 --role-name ReadOnly',
      '# <<< awsidc integration "beta"',
      '',
    ].join('\n'),
  );
});
res.after.each((ctx) => {
  rmSync(ctx.dir, { recursive: true, force: true });
});

const noPick = async (): Promise<ProfileTarget> => {
  throw new Error('the picker must not run');
};

res('should list snapshot profiles and managed profiles of known integrations', ({ paths, configFile }) => {
  const all = listProfileTargets({ paths, configFile });
  assert.equal(all, [
    { name: 'Dev.ReadOnly', integration: 'beta', accountId: '222222222222', accountName: '222222222222', roleName: 'ReadOnly', region: 'ap-south-1' },
    { name: 'Prod.Admin', integration: 'acme', accountId: '111111111111', accountName: 'Prod', roleName: 'Admin', region: 'eu-west-1' },
  ]);
});

res('should prefer --profile, then AWS_PROFILE when it is ours, then the picker', async ({ paths, configFile }) => {
  const src = { paths, configFile };
  const a = await chooseProfile({ profile: 'Dev.ReadOnly', env: { AWS_PROFILE: 'Prod.Admin' }, interactive: false, pick: noPick }, src);
  assert.is(a.target.name, 'Dev.ReadOnly');
  assert.is(a.via, '--profile');
  const b = await chooseProfile({ env: { AWS_PROFILE: 'Prod.Admin' }, interactive: false, pick: noPick }, src);
  assert.equal([b.target.name, b.via], ['Prod.Admin', 'AWS_PROFILE']);
  const c = await chooseProfile({ env: { AWS_PROFILE: 'mine' }, interactive: true, pick: async (t) => t[0]! }, src);
  assert.equal([c.target.name, c.via], ['Dev.ReadOnly', 'picker']);
});

res('should explain a hand-written profile, an unknown one, and a missing terminal', async ({ paths, configFile }) => {
  const src = { paths, configFile };
  const err = async (o: Parameters<typeof chooseProfile>[0]): Promise<AwsidcError> => {
    try {
      await chooseProfile(o, src);
    } catch (e) {
      return e as AwsidcError;
    }
    throw new Error('expected an error');
  };
  const hand = await err({ profile: 'mine', env: {}, interactive: false, pick: noPick });
  assert.is(hand.code, 'PROFILE_NOT_FOUND');
  assert.match(hand.message, 'not managed by awsidc');
  const unknown = await err({ profile: 'nope', env: {}, interactive: false, pick: noPick });
  assert.match(unknown.message, 'no awsidc profile named "nope"');
  const tty = await err({ env: { AWS_PROFILE: 'mine' }, interactive: false, pick: noPick });
  assert.is(tty.code, 'NOT_A_TTY');
  assert.match(tty.hint ?? '', '--profile');
});

res('should ignore blocks of integrations that no longer exist and survive a broken marker', ({ paths, configFile, dir }) => {
  rmSync(join(paths.configDir, 'integrations', 'beta.json'));
  assert.equal(listProfileTargets({ paths, configFile }).map((p) => p.name), ['Prod.Admin']);
  const broken = join(dir, 'broken');
  writeFileSync(broken, '# >>> awsidc integration "acme"\n[profile x]\n');
  assert.equal(listProfileTargets({ paths, configFile: broken }).map((p) => p.name), ['Prod.Admin']);
});

res.run();
