import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import {
  GetRoleCredentialsCommand,
  ListAccountRolesCommand,
  ListAccountsCommand,
  LogoutCommand,
  paginateListAccounts,
} from '@aws-sdk/client-sso';
import { CreateTokenCommand } from '@aws-sdk/client-sso-oidc';
import { generateOrg } from '../../src/emulator/org.js';
import { startEmulator, type Emulator } from '../../src/emulator/server.js';
import { aws, awsAvailable, cliEnv, deviceLogin, FakeClock, oidcClient, portalClient, rejection } from './helpers.js';

const test = suite('emulator portal: accounts, roles, credentials, logout');

let e: Emulator | undefined;
test.after.each(async () => {
  await e?.close();
  e = undefined;
});

test('should page accounts 100 at a time and list every one exactly once', async () => {
  const org = generateOrg({ accounts: 250 });
  e = await startEmulator({ org, approveAfter: 0 });
  const { accessToken } = await deviceLogin(e);
  const pages: number[] = [];
  const ids: string[] = [];
  for await (const page of paginateListAccounts({ client: portalClient(e), pageSize: 100 }, { accessToken })) {
    pages.push(page.accountList?.length ?? 0);
    ids.push(...(page.accountList ?? []).map((a) => a.accountId ?? ''));
    if (pages.length > 10) break; // bounded: 250 accounts need 3 pages
  }
  assert.equal(pages, [100, 100, 50]);
  assert.equal(ids, org.accounts.map((a) => a.accountId));
  const first = await portalClient(e).send(new ListAccountsCommand({ accessToken }));
  assert.is(first.accountList?.length, 20, 'default page size');
  assert.is(first.accountList?.[0]?.accountName, org.accounts[0]?.accountName);
  assert.is(first.accountList?.[0]?.emailAddress, org.accounts[0]?.emailAddress);
});

test('should reject page sizes above 100 or below 1 and bad next tokens with InvalidRequestException', async () => {
  e = await startEmulator({ approveAfter: 0 });
  const { accessToken } = await deviceLogin(e);
  const c = portalClient(e);
  for (const maxResults of [101, 0]) {
    const err = await rejection(c.send(new ListAccountsCommand({ accessToken, maxResults })));
    assert.is(err.name, 'InvalidRequestException');
    assert.is(err.$metadata?.httpStatusCode, 400);
  }
  const bad = await rejection(c.send(new ListAccountsCommand({ accessToken, nextToken: 'garbage' })));
  assert.is(bad.name, 'InvalidRequestException');
});

test('should page roles and require account_id', async () => {
  const org = generateOrg({ accounts: 1, roles: ['A', 'B', 'C'], seed: 7 });
  const account = org.accounts[0];
  if (!account) throw new Error('generated org is empty');
  account.roles = ['A', 'B', 'C'];
  e = await startEmulator({ org, approveAfter: 0 });
  const { accessToken } = await deviceLogin(e);
  const c = portalClient(e);
  const p1 = await c.send(new ListAccountRolesCommand({ accessToken, accountId: account.accountId, maxResults: 2 }));
  assert.equal(p1.roleList, [{ roleName: 'A', accountId: account.accountId }, { roleName: 'B', accountId: account.accountId }]);
  assert.ok(p1.nextToken);
  const p2 = await c.send(new ListAccountRolesCommand({ accessToken, accountId: account.accountId, maxResults: 2, nextToken: p1.nextToken }));
  assert.equal(p2.roleList, [{ roleName: 'C', accountId: account.accountId }]);
  assert.is(p2.nextToken, undefined);
  const res = await fetch(`${e.url}/assignment/roles`, { headers: { 'x-amz-sso_bearer_token': accessToken } });
  assert.is(res.status, 400);
  assert.is(res.headers.get('x-amzn-errortype')?.split(':')[0], 'InvalidRequestException');
});

test('should answer 401 UnauthorizedException for missing, unknown, expired and logged-out tokens', async () => {
  e = await startEmulator({ approveAfter: 0 });
  const c = portalClient(e);
  const raw = await fetch(`${e.url}/assignment/accounts`);
  assert.is(raw.status, 401);
  assert.equal(await raw.json(), { message: 'Session token not found or invalid' });
  assert.match(raw.headers.get('x-amzn-errortype') ?? '', /^UnauthorizedException:/);

  const unknown = await rejection(c.send(new ListAccountsCommand({ accessToken: 'not-a-token' })));
  assert.is(unknown.name, 'UnauthorizedException');
  assert.is(unknown.message, 'Session token not found or invalid');
  assert.is(unknown.$metadata?.httpStatusCode, 401);

  const a = await deviceLogin(e);
  await c.send(new ListAccountsCommand({ accessToken: a.accessToken }));
  e.expireAccessTokens();
  assert.is((await rejection(c.send(new ListAccountsCommand({ accessToken: a.accessToken })))).name, 'UnauthorizedException');

  const b = await deviceLogin(e);
  await c.send(new LogoutCommand({ accessToken: b.accessToken }));
  assert.is((await rejection(c.send(new ListAccountsCommand({ accessToken: b.accessToken })))).name, 'UnauthorizedException');
  // Logout also kills the refresh token.
  const refresh = await rejection(
    oidcClient(e).send(new CreateTokenCommand({ clientId: b.clientId, clientSecret: b.clientSecret, grantType: 'refresh_token', refreshToken: b.refreshToken ?? '' })),
  );
  assert.is(refresh.name, 'InvalidGrantException');
});

test('should expire access tokens after accessTokenTtlSeconds', async () => {
  const clock = new FakeClock();
  e = await startEmulator({ approveAfter: 0, now: clock.now, accessTokenTtlSeconds: 60 });
  const { accessToken } = await deviceLogin(e);
  const c = portalClient(e);
  clock.advance(59_000);
  await c.send(new ListAccountsCommand({ accessToken }));
  clock.advance(1_000);
  assert.is((await rejection(c.send(new ListAccountsCommand({ accessToken })))).name, 'UnauthorizedException');
});

test('should return role credentials with an epoch-millisecond expiration, and 403 for an unassigned role', async () => {
  const clock = new FakeClock();
  e = await startEmulator({ approveAfter: 0, now: clock.now, roleCredentialTtlSeconds: 900 });
  const account = e.org.accounts[0];
  if (!account) throw new Error('no account');
  const { accessToken } = await deviceLogin(e);
  const c = portalClient(e);
  const r = await c.send(new GetRoleCredentialsCommand({ accessToken, accountId: account.accountId, roleName: account.roles[0] ?? '' }));
  const rc = r.roleCredentials;
  assert.match(rc?.accessKeyId ?? '', /^ASIA[A-Z0-9]{16}$/);
  assert.is(rc?.secretAccessKey?.length, 40);
  assert.ok((rc?.sessionToken?.length ?? 0) > 100);
  assert.is(rc?.expiration, clock.t + 900_000);

  const forbidden = await rejection(c.send(new GetRoleCredentialsCommand({ accessToken, accountId: account.accountId, roleName: 'NotAssigned' })));
  assert.is(forbidden.name, 'ForbiddenException');
  assert.is(forbidden.$metadata?.httpStatusCode, 403);
  assert.is(forbidden.message, 'No access');
  const unknownAccount = await rejection(c.send(new GetRoleCredentialsCommand({ accessToken, accountId: '000000000000', roleName: account.roles[0] ?? '' })));
  assert.is(unknownAccount.name, 'ForbiddenException');
  assert.is(e.counters().GetRoleCredentials, 3);
  assert.is(e.counters()['error:GetRoleCredentials'], 2);
});

test('should page and fail the way botocore (`aws sso ...`, AWS CLI v1) expects', async () => {
  if (!(await awsAvailable())) {
    console.log('  (skipped: the AWS CLI `aws` is not on PATH, so the botocore portal check did not run)');
    return;
  }
  e = await startEmulator({ org: generateOrg({ accounts: 7 }), approveAfter: 0 });
  const { accessToken } = await deviceLogin(e);
  const cli = cliEnv({ AWS_ENDPOINT_URL_SSO: e.url, AWS_ENDPOINT_URL_SSO_OIDC: e.url });
  try {
    const list = await aws(['sso', 'list-accounts', '--access-token', accessToken, '--page-size', '3', '--output', 'json'], cli.env);
    assert.is(list.code, 0, `aws exited ${list.code}`);
    const ids = (JSON.parse(list.stdout) as { accountList: Array<{ accountId: string }> }).accountList.map((a) => a.accountId);
    assert.equal(ids, e.org.accounts.map((a) => a.accountId));
    const denied = await aws(['sso', 'list-accounts', '--access-token', 'bogus'], cli.env);
    assert.is.not(denied.code, 0);
    assert.match(denied.stderr, /UnauthorizedException/);
    const pending = await aws(['sso-oidc', 'create-token', '--client-id', 'x', '--client-secret', 'y', '--grant-type', 'refresh_token', '--refresh-token', 'z'], cli.env);
    assert.match(pending.stderr, /InvalidClientException/);
  } finally {
    cli.cleanup();
  }
});

test.run();
