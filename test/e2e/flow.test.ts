import { readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { fromIni } from '@aws-sdk/credential-providers';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { startEmulator, type Emulator } from '../../src/emulator/server.js';
import type { Org } from '../../src/emulator/org.js';
import { tokenPath } from '../../src/store/token-cache.js';
import { hasAwsCli, requireBuild, run, runCli, sandbox, type Sandbox } from '../helpers/sandbox.js';

const START_URL = 'https://d-1234567890.awsapps.com/start';
const org: Org = {
  user: { userName: 'alice', email: 'alice@example.com' },
  accounts: [
    { accountId: '111111111111', accountName: 'Payments (Prod)', emailAddress: 'p@example.com', roles: ['AdministratorAccess', 'ReadOnlyAccess'] },
    { accountId: '222222222222', accountName: '[Legacy] Data Lake', emailAddress: 'd@example.com', roles: ['DataScientist'] },
    { accountId: '333333333333', accountName: 'Sandbox – Alice', emailAddress: 's@example.com', roles: ['PowerUserAccess'] },
  ],
};

const e2e = suite<{ emu: Emulator; box: Sandbox; saved: NodeJS.ProcessEnv }>('end to end: init, credential_process, AWS SDK', {} as never);

e2e.before(async (ctx) => {
  requireBuild();
  ctx.emu = await startEmulator({ org, approveAfter: 1 });
  ctx.box = sandbox();
  ctx.saved = { ...process.env };
});

e2e.after(async (ctx) => {
  // Restore in place: later suites in this process read process.env, not a replaced object.
  for (const k of Object.keys(process.env)) if (!(k in ctx.saved)) delete process.env[k];
  Object.assign(process.env, ctx.saved);
  await ctx.emu.close();
  ctx.box.cleanup();
});

/** Points this process at the sandbox so the SDK's credential chain runs our credential_process there. */
function useSandboxEnv(box: Sandbox) {
  for (const k of Object.keys(process.env)) if (k.startsWith('AWS_') || k.startsWith('XDG_') || k.startsWith('AWSIDC_')) delete process.env[k];
  Object.assign(process.env, box.env);
}

async function callerIdentity(emu: Emulator, profile: string, configFile: string) {
  const sts = new STSClient({
    region: 'us-east-1',
    endpoint: emu.url,
    credentials: fromIni({ profile, configFilepath: configFile, filepath: join(configFile, '..', 'credentials'), ignoreCache: true }),
  });
  return sts.send(new GetCallerIdentityCommand({}));
}

e2e('should init without a browser, log in by device code and write one profile per account and role', async ({ emu, box }) => {
  const r = await runCli(
    ['init', '--start-url', START_URL, '--sso-region', 'us-east-1', '--alias', 'acme', '--region', 'eu-west-1', '--no-browser', '--endpoint-url', emu.url],
    box.env,
  );
  assert.is(r.code, 0, r.stderr);
  assert.match(r.stderr, '/device?user_code=', 'prints the verification URL on stderr');
  assert.is(r.stdout, '', 'init prints nothing on stdout');
  const text = readFileSync(box.configFile, 'utf8');
  const sections = text.match(/^\[profile [^\]]+\]$/gm) ?? [];
  assert.is(sections.length, 4);
  assert.not.match(text, /^sso_account_id/m, 'credential_process profiles carry no sso_* keys');
  assert.match(text, /^\[sso-session acme\]$/m);
  assert.match(text, /^region = eu-west-1$/m);
  for (const line of text.match(/^credential_process = .*$/gm) ?? []) {
    assert.ok(line.includes(`"${process.execPath}"`), 'absolute node path');
    assert.match(line, /--integration acme --account-id \d{12} --role-name \S+$/);
  }
  assert.is(statSync(box.configFile).mode & 0o777, 0o600);
  const token = JSON.parse(readFileSync(tokenPath(join(box.home, '.aws', 'sso', 'cache'), 'acme'), 'utf8'));
  assert.is(token.startUrl, START_URL);
  assert.match(token.expiresAt, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
});

e2e('should resolve credentials through fromIni and prove them with STS GetCallerIdentity', async ({ emu, box }) => {
  useSandboxEnv(box);
  const profile = await profileFor(box, '111111111111', 'AdministratorAccess');
  emu.resetCounters();
  const id = await callerIdentity(emu, profile, box.configFile);
  assert.is(id.Account, '111111111111');
  assert.match(id.Arn ?? '', /assumed-role\/AWSReservedSSO_AdministratorAccess_/);
  assert.is(emu.counters().GetRoleCredentials, 1);
  const again = await callerIdentity(emu, profile, box.configFile);
  assert.is(again.Account, '111111111111');
  assert.is(emu.counters().GetRoleCredentials, 1, 'a second process within the hour is served from the cache');
});

e2e('should work with an empty PATH, as credential_process runs under some tools', async ({ box }) => {
  const profile = await profileFor(box, '111111111111', 'AdministratorAccess');
  const line = readFileSync(box.configFile, 'utf8').split('\n').find((l) => l.startsWith('credential_process') && l.includes('111111111111 --role-name AdministratorAccess'))!;
  const cmd = line.slice('credential_process = '.length);
  const r = await run('/bin/sh', ['-c', cmd], { ...box.env, PATH: '' });
  assert.is(r.code, 0, `${profile}: ${r.stderr}`);
  const doc = JSON.parse(r.stdout);
  assert.is(doc.Version, 1);
  assert.match(doc.Expiration, /Z$/);
});

e2e('should answer through the AWS CLI when it is installed', async ({ emu, box }) => {
  if (!hasAwsCli()) {
    console.log('  (skipped: the AWS CLI is not installed)');
    return;
  }
  const profile = await profileFor(box, '222222222222', 'DataScientist');
  const r = await run('aws', ['sts', 'get-caller-identity', '--profile', profile, '--output', 'json'], { ...box.env, AWS_ENDPOINT_URL_STS: emu.url });
  assert.is(r.code, 0, r.stderr);
  assert.is(JSON.parse(r.stdout).Account, '222222222222');
});

e2e('should fail at once with exit 3 and one line naming the login command when there is no session', async ({ box }) => {
  rmSync(tokenPath(join(box.home, '.aws', 'sso', 'cache'), 'acme'));
  const r = await runCli(['credentials', '--integration', 'acme', '--account-id', '333333333333', '--role-name', 'PowerUserAccess'], box.env);
  assert.is(r.code, 3);
  assert.is(r.stdout, '');
  assert.is(r.stderr.trim().split('\n').length, 1, r.stderr);
  assert.match(r.stderr, 'awsidc login --integration acme');
  assert.ok(r.ms < 5000, `took ${r.ms} ms`);
});

e2e('should reject bad input with a one-line error and exit 2', async ({ box }) => {
  const r = await runCli(['init', '--start-url', 'https://example.com/start', '--sso-region', 'us-east-1'], box.env);
  assert.is(r.code, 2);
  assert.match(r.stderr, /not an IAM Identity Center portal host/);
  const r2 = await runCli(['init', '--start-url', START_URL], box.env);
  assert.is(r2.code, 2);
  assert.match(r2.stderr, /--sso-region/);
  const r3 = await runCli(['credentials', '--integration', 'acme'], box.env);
  assert.is(r3.code, 2);
});

/** The profile name our block gave one account/role, read from the org snapshot via `awsidc list --json`. */
async function profileFor(box: Sandbox, accountId: string, roleName: string): Promise<string> {
  const list = await runCli(['list', '--json'], box.env);
  const rows = JSON.parse(list.stdout) as Array<{ name: string; accountId: string; roleName: string }>;
  const row = rows.find((x) => x.accountId === accountId && x.roleName === roleName);
  if (!row) throw new Error(`no profile for ${accountId}/${roleName}`);
  return row.name;
}

e2e.run();
