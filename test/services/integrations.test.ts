import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { AwsidcError } from '../../src/core/errors.js';
import { addIntegration, applyFields, describeIntegrations, editIntegration, removeIntegration } from '../../src/services/integrations.js';
import type { Integration } from '../../src/store/integrations.js';
import type { Paths } from '../../src/store/paths.js';

const svc = suite<{ dir: string; paths: Paths }>('integrations service', {} as never);

svc.before.each((ctx) => {
  ctx.dir = mkdtempSync(join(tmpdir(), 'awsidc-integ-'));
  ctx.paths = { configDir: join(ctx.dir, 'cfg'), cacheDir: join(ctx.dir, 'cache'), ssoCacheDir: join(ctx.dir, 'sso'), home: ctx.dir };
});
svc.after.each((ctx) => {
  rmSync(ctx.dir, { recursive: true, force: true });
});

const base: Integration = { alias: 'acme', startUrl: 'https://acme.awsapps.com/start', ssoRegion: 'us-east-1', region: 'us-east-1', ssoSessionName: 'acme' };
const code = (fn: () => unknown): string => {
  try {
    fn();
  } catch (e) {
    return (e as AwsidcError).code;
  }
  return 'none';
};

svc('should validate every field with the init rules, and clear optional ones with null', () => {
  assert.is(code(() => applyFields(base, { startUrl: 'https://evil.example.com/start' })), 'INVALID_START_URL');
  assert.is(code(() => applyFields(base, { region: 'eu-west' })), 'INVALID_REGION');
  assert.is(code(() => applyFields(base, { style: 'weird' })), 'USAGE');
  assert.is(code(() => applyFields(base, { nameTemplate: '{{accountName|shout}}' })), 'TEMPLATE_INVALID');
  assert.is(code(() => applyFields(base, { endpointUrl: 'ftp://x' })), 'USAGE');
  const set = applyFields(base, { nameTemplate: '{{accountId}}-{{roleName}}', endpointUrl: 'http://127.0.0.1:1/', autoLogin: true, style: 'native' });
  assert.equal([set.nameTemplate, set.endpointUrl, set.autoLogin, set.style], ['{{accountId}}-{{roleName}}', 'http://127.0.0.1:1', true, 'native']);
  const cleared = applyFields(set, { nameTemplate: null, endpointUrl: null });
  assert.is('nameTemplate' in cleared, false);
  assert.is('endpointUrl' in cleared, false);
});

svc('should add with the SSO region as the default profile region, refuse duplicates, and edit', ({ paths }) => {
  const a = addIntegration(paths, 'acme', { startUrl: base.startUrl, ssoRegion: 'eu-central-1' });
  assert.equal([a.region, a.ssoSessionName], ['eu-central-1', 'acme']);
  assert.is(code(() => addIntegration(paths, 'acme', { startUrl: base.startUrl, ssoRegion: 'us-east-1' })), 'INTEGRATION_EXISTS');
  assert.is(code(() => addIntegration(paths, 'Bad Alias', { startUrl: base.startUrl, ssoRegion: 'us-east-1' })), 'INVALID_ALIAS');
  const e = editIntegration(paths, 'acme', { region: 'eu-west-1', ssoRegion: 'eu-central-1' });
  assert.equal(e.changed, ['--region']);
  assert.is(e.needsLogin, false);
  assert.is(JSON.parse(readFileSync(join(paths.configDir, 'integrations', 'acme.json'), 'utf8')).region, 'eu-west-1');
  assert.is(editIntegration(paths, 'acme', { ssoRegion: 'us-west-2' }).needsLogin, true);
  assert.equal(editIntegration(paths, 'acme', { region: 'eu-west-1' }).changed, []);
});

svc('should describe a never-synced, logged-out integration', ({ paths }) => {
  addIntegration(paths, 'acme', { startUrl: base.startUrl, ssoRegion: 'us-east-1' });
  const [row] = describeIntegrations(paths, Date.now());
  assert.equal([row!.session, row!.refreshable, row!.profiles], ['missing', false, undefined]);
});

svc('should refuse to remove what does not exist', async ({ paths, dir }) => {
  await removeIntegration(paths, 'ghost', { configFile: join(dir, 'config') }).then(
    () => assert.unreachable(),
    (e: AwsidcError) => assert.is(e.code, 'INTEGRATION_NOT_FOUND'),
  );
});

svc.run();
