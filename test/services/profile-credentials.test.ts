import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { AwsidcError } from '../../src/core/errors.js';
import { toProcessOutput } from '../../src/core/process-output.js';
import { credentialsForProfile } from '../../src/services/profile-credentials.js';
import { saveIntegration } from '../../src/store/integrations.js';
import { roleCachePath, type Paths } from '../../src/store/paths.js';
import { writeRoleCache } from '../../src/store/role-cache.js';

const pc = suite<{ dir: string; paths: Paths }>('credentials for a profile', {} as never);

pc.before.each((ctx) => {
  ctx.dir = mkdtempSync(join(tmpdir(), 'awsidc-pc-'));
  ctx.paths = { configDir: join(ctx.dir, 'cfg'), cacheDir: join(ctx.dir, 'cache'), ssoCacheDir: join(ctx.dir, 'sso'), home: ctx.dir };
});
pc.after.each((ctx) => {
  rmSync(ctx.dir, { recursive: true, force: true });
});

const target = { name: 'P', integration: 'acme', accountId: '111111111111', accountName: 'Prod', roleName: 'Admin', region: 'eu-west-1' };

pc('should answer from the credential_process cache without any network', async ({ paths }) => {
  const file = roleCachePath(paths.cacheDir, 'acme', '111111111111', 'Admin');
  writeRoleCache(file, toProcessOutput({ accessKeyId: 'AKID', secretAccessKey: 'S', sessionToken: 'T', expiration: Date.now() + 3600_000 }, '111111111111'));
  const doc = await credentialsForProfile(target, paths);
  assert.equal([doc.AccessKeyId, doc.SecretAccessKey, doc.SessionToken, doc.AccountId], ['AKID', 'S', 'T', '111111111111']);
});

pc('should run the login callback once, and only for an auto-login integration', async ({ paths }) => {
  const integ = { alias: 'acme', startUrl: 'https://acme.awsapps.com/start', ssoRegion: 'us-east-1', region: 'eu-west-1', ssoSessionName: 'acme', endpointUrl: 'http://127.0.0.1:1' };
  let calls = 0;
  const login = async () => {
    calls++;
  };
  saveIntegration(paths.configDir, integ);
  const fail = (e: unknown) => {
    assert.instance(e, AwsidcError);
    assert.is((e as AwsidcError).code, 'LOGIN_REQUIRED');
  };
  await credentialsForProfile(target, paths, { login }).then(() => assert.unreachable(), fail);
  assert.is(calls, 0, 'autoLogin is off');
  saveIntegration(paths.configDir, { ...integ, autoLogin: true });
  await credentialsForProfile(target, paths, { login }).then(() => assert.unreachable(), fail);
  assert.is(calls, 1, 'one login, then the retry fails with the usual hint');
});

pc.run();
