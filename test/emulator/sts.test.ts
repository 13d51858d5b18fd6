import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { GetRoleCredentialsCommand } from '@aws-sdk/client-sso';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { fromSSO } from '@aws-sdk/credential-providers';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateOrg } from '../../src/emulator/org.js';
import { startEmulator, type Emulator } from '../../src/emulator/server.js';
import { aws, awsAvailable, cliEnv, deviceLogin, FakeClock, portalClient, rejection, START_URL, stsClient, type Creds } from './helpers.js';

const test = suite('emulator STS: GetCallerIdentity with issued credentials');

let e: Emulator | undefined;
test.after.each(async () => {
  await e?.close();
  e = undefined;
});

const ORG = generateOrg({ accounts: 3, seed: 42 });
const ARN = /^arn:aws:sts::(\d{12}):assumed-role\/AWSReservedSSO_([\w+=,.@-]+)_[0-9a-f]{16}\/alice$/;

async function roleCreds(em: Emulator, accountIndex = 1): Promise<Creds & { accountId: string; roleName: string }> {
  const account = em.org.accounts[accountIndex];
  const roleName = account?.roles[0];
  if (!account || !roleName) throw new Error('org has no such account');
  const { accessToken } = await deviceLogin(em);
  const r = await portalClient(em).send(new GetRoleCredentialsCommand({ accessToken, accountId: account.accountId, roleName }));
  const rc = r.roleCredentials;
  return {
    accessKeyId: rc?.accessKeyId ?? '',
    secretAccessKey: rc?.secretAccessKey ?? '',
    sessionToken: rc?.sessionToken ?? '',
    accountId: account.accountId,
    roleName,
  };
}

test('should identify the account and SSO role of issued credentials', async () => {
  e = await startEmulator({ org: ORG, approveAfter: 0 });
  const creds = await roleCreds(e);
  const id = await stsClient(e, creds).send(new GetCallerIdentityCommand({}));
  assert.is(id.Account, creds.accountId);
  const m = ARN.exec(id.Arn ?? '');
  assert.ok(m, `unexpected ARN shape: ${id.Arn}`);
  assert.is(m?.[1], creds.accountId);
  assert.is(m?.[2], creds.roleName);
  assert.match(id.UserId ?? '', /^AROA[A-Z0-9]{17}:alice$/);
  // The role part of the ARN is stable across calls and credentials.
  const again = await stsClient(e, await roleCreds(e)).send(new GetCallerIdentityCommand({}));
  assert.is(again.Arn, id.Arn);
  assert.is(e.counters().GetCallerIdentity, 2);
});

test('should reject a wrong secret with SignatureDoesNotMatch', async () => {
  e = await startEmulator({ org: ORG, approveAfter: 0 });
  const creds = await roleCreds(e);
  const wrong = { ...creds, secretAccessKey: 'x'.repeat(40) };
  const err = await rejection(stsClient(e, wrong).send(new GetCallerIdentityCommand({})));
  assert.is(err.name, 'SignatureDoesNotMatch');
  assert.is(err.$metadata?.httpStatusCode, 403);
  assert.is(e.counters()['error:GetCallerIdentity'], 1);
});

test('should reject unknown keys and mismatched session tokens with InvalidClientTokenId', async () => {
  e = await startEmulator({ org: ORG, approveAfter: 0 });
  const creds = await roleCreds(e);
  const unknown = await rejection(stsClient(e, { ...creds, accessKeyId: 'ASIAAAAAAAAAAAAAAAAA' }).send(new GetCallerIdentityCommand({})));
  assert.is(unknown.name, 'InvalidClientTokenId');
  const badToken = await rejection(stsClient(e, { ...creds, sessionToken: 'other' }).send(new GetCallerIdentityCommand({})));
  assert.is(badToken.name, 'InvalidClientTokenId');
  const noToken = await rejection(stsClient(e, { accessKeyId: creds.accessKeyId, secretAccessKey: creds.secretAccessKey }).send(new GetCallerIdentityCommand({})));
  assert.is(noToken.name, 'InvalidClientTokenId');
});

test('should reject expired credentials with ExpiredToken', async () => {
  const clock = new FakeClock();
  e = await startEmulator({ org: ORG, approveAfter: 0, now: clock.now, roleCredentialTtlSeconds: 900 });
  const creds = await roleCreds(e);
  clock.advance(900_000);
  const err = await rejection(stsClient(e, creds).send(new GetCallerIdentityCommand({})));
  assert.is(err.name, 'ExpiredToken');
});

test('should answer unsigned and unknown actions in the query-protocol XML error format', async () => {
  e = await startEmulator({ org: ORG });
  const body = 'Action=GetCallerIdentity&Version=2011-06-15';
  const headers = { 'content-type': 'application/x-www-form-urlencoded' };
  const unsigned = await fetch(e.url, { method: 'POST', headers, body });
  assert.is(unsigned.status, 403);
  assert.match(await unsigned.text(), /<ErrorResponse[^>]*>\s*<Error>\s*<Type>Sender<\/Type>\s*<Code>MissingAuthenticationToken<\/Code>/);
  const other = await fetch(e.url, { method: 'POST', headers, body: 'Action=AssumeRole&Version=2011-06-15' });
  assert.is(other.status, 400);
  assert.match(await other.text(), /<Code>InvalidAction<\/Code>/);
});

test('should serve the SDK fromSSO provider end to end (token cache -> GetRoleCredentials -> STS)', async () => {
  e = await startEmulator({ org: ORG, approveAfter: 0 });
  const account = ORG.accounts[0];
  const { accessToken } = await deviceLogin(e);
  const home = mkdtempSync(join(tmpdir(), 'awsidc-emu-home-'));
  const saved = process.env.HOME;
  try {
    // Legacy-profile token cache: ~/.aws/sso/cache/<sha1(startUrl)>.json (reference §3).
    const dir = join(home, '.aws', 'sso', 'cache');
    mkdirSync(dir, { recursive: true });
    const file = join(dir, `${createHash('sha1').update(START_URL).digest('hex')}.json`);
    writeFileSync(file, JSON.stringify({ accessToken, expiresAt: new Date(Date.now() + 3600_000).toISOString(), region: 'us-east-1', startUrl: START_URL }));
    process.env.HOME = home;
    const provider = fromSSO({
      ssoStartUrl: START_URL,
      ssoAccountId: account?.accountId ?? '',
      ssoRegion: 'us-east-1',
      ssoRoleName: account?.roles[0] ?? '',
      clientConfig: { endpoint: e.url, maxAttempts: 1 },
    });
    const creds = await provider();
    assert.instance(creds.expiration, Date);
    assert.ok((creds.expiration?.getTime() ?? 0) > Date.now() + 3000_000, 'epoch-ms expiration parsed as about an hour ahead');
    const id = await stsClient(e, creds).send(new GetCallerIdentityCommand({}));
    assert.is(id.Account, account?.accountId);
  } finally {
    if (saved === undefined) delete process.env.HOME;
    else process.env.HOME = saved;
    rmSync(home, { recursive: true, force: true });
  }
});

test('should serve `aws sts get-caller-identity` (AWS CLI, botocore) with env credentials', async () => {
  if (!(await awsAvailable())) {
    console.log('  (skipped: the AWS CLI `aws` is not on PATH, so the botocore STS check did not run)');
    return;
  }
  e = await startEmulator({ org: ORG, approveAfter: 0 });
  const creds = await roleCreds(e, 2);
  const cli = cliEnv({
    AWS_ACCESS_KEY_ID: creds.accessKeyId,
    AWS_SECRET_ACCESS_KEY: creds.secretAccessKey,
    AWS_SESSION_TOKEN: creds.sessionToken ?? '',
    AWS_ENDPOINT_URL_STS: e.url,
  });
  try {
    const ok = await aws(['sts', 'get-caller-identity', '--output', 'json'], cli.env);
    assert.is(ok.code, 0, `aws exited ${ok.code}`);
    const id = JSON.parse(ok.stdout) as { Account?: string; Arn?: string; UserId?: string };
    assert.is(id.Account, creds.accountId);
    assert.match(id.Arn ?? '', ARN);
    const bad = await aws(['sts', 'get-caller-identity'], { ...cli.env, AWS_SECRET_ACCESS_KEY: 'y'.repeat(40) });
    assert.is.not(bad.code, 0);
    assert.match(bad.stderr, /SignatureDoesNotMatch/);
  } finally {
    cli.cleanup();
  }
});

test.run();
