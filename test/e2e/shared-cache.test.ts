import { GetRoleCredentialsCommand } from '@aws-sdk/client-sso';
import { CreateTokenCommand } from '@aws-sdk/client-sso-oidc';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { fromIni } from '@aws-sdk/credential-providers';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { Org } from '../../src/emulator/org.js';
import { startEmulator, type Emulator } from '../../src/emulator/server.js';
import { oidcClient, portalClient } from '../../src/sso/clients.js';
import { registrationPath } from '../../src/sso/register.js';
import { tokenPath } from '../../src/store/token-cache.js';
import { addIntegration, browser, loggedInBox, credentials, readTokenOf, tokenFile, type Box } from '../helpers/e2e.js';
import { hasAwsCli, requireBuild, run, runCli } from '../helpers/sandbox.js';
import { editToken, inMs, START_URL } from '../helpers/session.js';

const org: Org = {
  user: { userName: 'alice', email: 'alice@example.com' },
  accounts: [
    { accountId: '111111111111', accountName: 'Payments', emailAddress: 'p@example.com', roles: ['Admin'] },
    { accountId: '222222222222', accountName: 'Data', emailAddress: 'd@example.com', roles: ['Analyst'] },
  ],
};

// A native profile as `aws configure sso` writes it: the SDKs read the token awsidc keeps in ~/.aws/sso/cache.
const NATIVE_CONFIG = `[profile native]
sso_session = acme
sso_account_id = 111111111111
sso_role_name = Admin
region = us-east-1

[sso-session acme]
sso_start_url = ${START_URL}
sso_region = us-east-1
sso_registration_scopes = sso:account:access
`;

const test = suite<{ emu: Emulator; b: Box }>('end to end: one token shared with botocore, the AWS CLI and the JS SDK; logout', {} as never);

test.before(async (ctx) => {
  requireBuild();
  ctx.emu = await startEmulator({ org, autoApprove: true });
  ctx.b = await loggedInBox(ctx.emu);
  mkdirSync(join(ctx.b.home, '.aws'), { recursive: true });
  writeFileSync(ctx.b.configFile, NATIVE_CONFIG);
});
test.after(async (ctx) => {
  await ctx.emu.close();
  ctx.b.cleanup();
});

const awsEnv = (b: Box, emu: Emulator): NodeJS.ProcessEnv => ({
  ...b.env,
  AWS_CONFIG_FILE: b.configFile,
  AWS_ENDPOINT_URL_SSO: emu.url,
  AWS_ENDPOINT_URL_SSO_OIDC: emu.url,
  AWS_ENDPOINT_URL_STS: emu.url,
});

test('should let botocore (the AWS CLI on this machine) resolve an sso_session profile from the token awsidc wrote', async ({ emu, b }) => {
  if (!hasAwsCli()) return console.log('  (skipped: the AWS CLI is not installed)');
  emu.resetCounters();
  const r = await run('aws', ['sts', 'get-caller-identity', '--profile', 'native', '--output', 'json'], awsEnv(b, emu), 30_000);
  assert.is(r.code, 0, r.stderr);
  assert.is(JSON.parse(r.stdout).Account, '111111111111');
  assert.equal([emu.counters().GetRoleCredentials, emu.counters().CreateToken, emu.counters().Authorize], [1, 0, 0], 'no second login');
});

test('should share refreshes both ways: botocore refreshes the awsidc token, and awsidc uses what botocore wrote', async ({ emu, b }) => {
  if (!hasAwsCli()) return console.log('  (skipped: the AWS CLI is not installed)');
  const ours = readTokenOf(b)!;
  editToken(b.paths, { ssoSessionName: 'acme' }, (t) => ({ ...t, expiresAt: inMs(5 * 60_000) }));
  emu.resetCounters();
  const r = await run('aws', ['sts', 'get-caller-identity', '--profile', 'native', '--output', 'json'], awsEnv(b, emu), 30_000);
  assert.is(r.code, 0, r.stderr);
  assert.is(emu.counters().CreateToken, 1, 'botocore refreshed with our refresh token and registration');
  const theirs = readTokenOf(b)!;
  assert.is.not(theirs.accessToken, ours.accessToken);
  assert.is.not(theirs.refreshToken, ours.refreshToken);
  emu.resetCounters();
  const c = await runCli(credentials('acme', '222222222222', 'Analyst'), b.env);
  assert.is(c.code, 0, c.stderr);
  assert.equal([emu.counters().CreateToken, emu.counters().GetRoleCredentials], [0, 1], 'the botocore-written token is used as is');
});

test('should resolve the same sso_session profile with the JS SDK (fromIni)', async ({ emu, b }) => {
  const saved = { ...process.env };
  try {
    for (const k of Object.keys(process.env)) if (k.startsWith('AWS_')) delete process.env[k];
    Object.assign(process.env, { HOME: b.home, USERPROFILE: b.home, AWS_ENDPOINT_URL_SSO: emu.url, AWS_ENDPOINT_URL_SSO_OIDC: emu.url, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' });
    emu.resetCounters();
    const sts = new STSClient({
      region: 'us-east-1',
      endpoint: emu.url,
      credentials: fromIni({ profile: 'native', configFilepath: b.configFile, filepath: join(b.home, '.aws', 'credentials'), ignoreCache: true }),
    });
    const id = await sts.send(new GetCallerIdentityCommand({}));
    assert.is(id.Account, '111111111111');
    assert.is(emu.counters().Authorize, 0);
  } finally {
    process.env = saved;
  }
});

test('should log out: portal Logout, then delete the token, registrations and role cache of that integration and nothing else', async ({ emu, b }) => {
  // A second integration with its own session, plus files that belong to other tools.
  addIntegration(b, emu, 'other');
  const r0 = await runCli(['login', '--integration', 'other'], { ...b.env, AWSIDC_BROWSER: browser('follow-redirect') });
  assert.is(r0.code, 0, r0.stderr);
  for (const alias of ['acme', 'other']) assert.is((await runCli(credentials(alias, '111111111111', 'Admin'), b.env)).code, 0);
  const foreignToken = tokenPath(b.paths.ssoCacheDir, 'someone-else');
  writeFileSync(foreignToken, JSON.stringify({ startUrl: START_URL, region: 'us-east-1', accessToken: 'x', expiresAt: inMs(3600_000) }));
  const cliCache = join(b.home, '.aws', 'cli', 'cache', 'c30b99aca80d8f5b3178e353f05b2abcc9a4ccd3.json');
  mkdirSync(join(cliCache, '..'), { recursive: true });
  writeFileSync(cliCache, '{"ProviderType":"sso"}');
  const acme = readTokenOf(b)!;
  const other = readFileSync(tokenFile(b, 'other'), 'utf8');
  const config = readFileSync(b.configFile, 'utf8');

  emu.resetCounters();
  const r = await runCli(['logout', '--integration', 'acme'], b.env);
  assert.is(r.code, 0, r.stderr);
  assert.match(r.stderr, /signed out of "acme"/);
  assert.is(emu.counters().Logout, 1);
  assert.not.ok(existsSync(tokenFile(b)), 'token deleted');
  assert.not.ok(existsSync(registrationPath(b.paths.cacheDir, 'acme', 'pkce')), 'registration deleted');
  assert.not.ok(existsSync(join(b.paths.cacheDir, 'credentials', 'acme')), 'role cache deleted');
  // Everything else is untouched.
  assert.is(readFileSync(tokenFile(b, 'other'), 'utf8'), other);
  assert.ok(existsSync(registrationPath(b.paths.cacheDir, 'other', 'pkce')));
  assert.equal(readdirSync(join(b.paths.cacheDir, 'credentials', 'other')).length, 1);
  assert.ok(existsSync(foreignToken));
  assert.ok(existsSync(cliCache));
  assert.is(readFileSync(b.configFile, 'utf8'), config);
  assert.ok(existsSync(join(b.paths.configDir, 'integrations', 'acme.json')), 'the integration itself stays');
  // The portal session is over: neither the access token nor the refresh token works any more.
  const portal = await portalClient({ ssoRegion: 'us-east-1', endpointUrl: emu.url })
    .send(new GetRoleCredentialsCommand({ accessToken: acme.accessToken, accountId: '111111111111', roleName: 'Admin' }))
    .then(() => 'accepted', (e: Error) => e.name);
  assert.is(portal, 'UnauthorizedException');
  const refresh = await oidcClient({ ssoRegion: 'us-east-1', endpointUrl: emu.url })
    .send(new CreateTokenCommand({ clientId: acme.clientId!, clientSecret: acme.clientSecret!, grantType: 'refresh_token', refreshToken: acme.refreshToken! }))
    .then(() => 'accepted', (e: Error) => e.name);
  assert.is(refresh, 'InvalidGrantException');
  // And credentials now say so, at once.
  const after = await runCli(credentials('acme', '222222222222', 'Analyst'), b.env);
  assert.is(after.code, 3);
  rmSync(foreignToken);
});

test.run();
