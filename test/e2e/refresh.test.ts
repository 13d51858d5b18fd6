import { CreateTokenCommand } from '@aws-sdk/client-sso-oidc';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { Org } from '../../src/emulator/org.js';
import { startEmulator, type Emulator } from '../../src/emulator/server.js';
import { oidcClient } from '../../src/sso/clients.js';
import { browser, loggedInBox, credentials, readTokenOf, type Box } from '../helpers/e2e.js';
import { assertNoSecrets, requireBuild, runCli, runCliOpenStdin, type RunResult } from '../helpers/sandbox.js';
import { editToken, inMs } from '../helpers/session.js';

// 10 accounts x 5 roles: 50 distinct role caches, so 50 processes all miss and all need the session at once.
const org: Org = {
  user: { userName: 'alice', email: 'alice@example.com' },
  accounts: Array.from({ length: 10 }, (_, i) => ({
    accountId: String(100000000000 + i),
    accountName: `Account ${i}`,
    emailAddress: `a${i}@example.com`,
    roles: ['Admin', 'Developer', 'ReadOnly', 'Billing', 'Audit'],
  })),
};
const ACME = { ssoSessionName: 'acme' };
const roles = org.accounts.flatMap((a) => a.roles.map((r) => [a.accountId, r] as const));

const test = suite<{ emu: Emulator; b: Box }>('end to end: silent refresh, rotation, 401, expiry under automation', {} as never);

test.before(async (ctx) => {
  requireBuild();
  ctx.emu = await startEmulator({ org, autoApprove: true });
  ctx.b = await loggedInBox(ctx.emu);
});
test.after(async (ctx) => {
  await ctx.emu.close();
  ctx.b.cleanup();
});

const clearRoleCache = (b: Box) => rmSync(join(b.paths.cacheDir, 'credentials'), { recursive: true, force: true });
const creds = (b: Box, [accountId, role]: readonly [string, string], env: NodeJS.ProcessEnv = {}) => runCli(credentials('acme', accountId, role), { ...b.env, ...env }, 30_000);

function assertAllSucceeded(results: RunResult[]): void {
  for (const r of results) {
    assert.is(r.code, 0, r.stderr);
    assert.is(JSON.parse(r.stdout).Version, 1);
  }
}

test('should refresh ONCE for 50 concurrent credential_process calls inside the refresh window, and rotate the refresh token', async ({ emu, b }) => {
  const before = readTokenOf(b)!;
  editToken(b.paths, ACME, (t) => ({ ...t, expiresAt: inMs(5 * 60_000) }));
  clearRoleCache(b);
  emu.resetCounters();
  const results = await Promise.all(roles.map((role) => creds(b, role)));
  assertAllSucceeded(results);
  assert.is(emu.counters().CreateToken, 1, 'one refresh for everyone');
  assert.is(emu.counters().GetRoleCredentials, 50);
  const after = readTokenOf(b)!;
  assert.is.not(after.accessToken, before.accessToken);
  assert.ok(Date.parse(after.expiresAt) > Date.now() + 7 * 3600_000);
  assert.ok(after.refreshToken && after.refreshToken !== before.refreshToken, 'the file holds the rotated refresh token');
  const old = await oidcClient({ ssoRegion: 'us-east-1', endpointUrl: emu.url })
    .send(new CreateTokenCommand({ clientId: before.clientId!, clientSecret: before.clientSecret!, grantType: 'refresh_token', refreshToken: before.refreshToken! }))
    .then(() => 'accepted', (e: Error) => e.name);
  assert.is(old, 'InvalidGrantException', 'the old refresh token no longer works');
  assertNoSecrets(results.map((r) => r.stderr).join(''), [after.accessToken, after.refreshToken!, before.refreshToken!]);
});

test('should refresh once and succeed when the portal answers 401 although expiresAt is in the future', async ({ emu, b }) => {
  const before = readTokenOf(b)!;
  clearRoleCache(b);
  emu.expireAccessTokens();
  emu.resetCounters();
  const r = await creds(b, roles[0]!);
  assertAllSucceeded([r]);
  const c = emu.counters();
  assert.equal([c.CreateToken, c.GetRoleCredentials, c['error:GetRoleCredentials']], [1, 2, 1], 'one 401, one refresh, one retry');
  assert.is.not(readTokenOf(b)!.accessToken, before.accessToken);
  assert.ok(Date.parse(before.expiresAt) > Date.now() + 3600_000, 'expiresAt had said the token was good for hours');
});

test('should still make one refresh when 20 concurrent processes all get the 401', async ({ emu, b }) => {
  clearRoleCache(b);
  emu.expireAccessTokens();
  emu.resetCounters();
  const results = await Promise.all(roles.slice(0, 20).map((role) => creds(b, role)));
  assertAllSucceeded(results);
  assert.is(emu.counters().CreateToken, 1);
  assert.ok(emu.counters()['error:GetRoleCredentials']! >= 1);
});

test('should refresh once when `sync` gets a 401 for a token whose expiresAt looks fine', async ({ emu, b }) => {
  emu.expireAccessTokens();
  emu.resetCounters();
  const r = await runCli(['sync', '--integration', 'acme'], b.env, 30_000);
  assert.is(r.code, 0, r.stderr);
  assert.is(emu.counters().CreateToken, 1);
  assert.match(r.stderr, /50 profiles from 10 accounts/);
});

test('should exit 3 at once with one stderr line naming the login command when the session expired and cannot be refreshed', async ({ emu, b }) => {
  clearRoleCache(b);
  editToken(b.paths, ACME, ({ refreshToken: _gone, ...t }) => ({ ...t, expiresAt: inMs(-60_000) }));
  emu.resetCounters();
  // stdin stays open and unwritten, as the JS SDK runs credential_process: a prompt would hang until the kill.
  const r = await runCliOpenStdin(credentials('acme', ...roles[0]!), b.env, 10_000);
  assert.is(r.code, 3, r.stderr);
  assert.is(r.stdout, '');
  assert.equal(r.stderr.split('\n').filter(Boolean), ['awsidc: the Identity Center session has expired for integration "acme"; run `awsidc login --integration acme`']);
  assert.ok(r.ms < 1000, `took ${r.ms} ms; expected well under 1 s`);
  assert.is(emu.counters().CreateToken, 0);
});

test('should exit 3 the same way when the refresh token is refused', async ({ emu, b }) => {
  const r0 = await runCli(['login', '--integration', 'acme', '--force'], { ...b.env, AWSIDC_BROWSER: browser('follow-redirect') });
  assert.is(r0.code, 0, r0.stderr);
  clearRoleCache(b);
  editToken(b.paths, ACME, (t) => ({ ...t, expiresAt: inMs(-60_000) }));
  emu.revokeRefreshTokens();
  emu.resetCounters();
  const r = await runCliOpenStdin(credentials('acme', ...roles[0]!), b.env, 10_000);
  assert.is(r.code, 3, r.stderr);
  assert.is(r.stderr.trim().split('\n').length, 1, r.stderr);
  assert.match(r.stderr, /could not be refreshed.*run `awsidc login --integration acme`/);
  assert.is(emu.counters().CreateToken, 1);
  assert.ok(r.ms < 3000, `took ${r.ms} ms`);
});

test.run();
