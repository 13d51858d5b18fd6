import { CreateTokenCommand } from '@aws-sdk/client-sso-oidc';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { startEmulator, type Emulator } from '../../src/emulator/server.js';
import { login } from '../../src/services/login.js';
import { getAccessToken } from '../../src/services/session.js';
import { oidcClient } from '../../src/sso/clients.js';
import type { LoginUi } from '../../src/sso/login-ui.js';
import { editToken, inMs, integration, readTokenFile, signIn, tempPaths } from '../helpers/session.js';

const test = suite<{ emu: Emulator }>('session: silent refresh under a lock, 401 handling, login required', {} as never);

test.before(async (ctx) => {
  ctx.emu = await startEmulator({ autoApprove: true });
});
test.after(async (ctx) => {
  await ctx.emu.close();
});

const code = (p: Promise<unknown>) => p.then(() => 'resolved', (e: { code?: string }) => e.code ?? String(e));

test('should return a token with more than 15 minutes left without calling the service', async ({ emu }) => {
  const paths = tempPaths();
  const integ = integration(emu);
  const t = await signIn(paths, integ);
  emu.resetCounters();
  assert.is(await getAccessToken(integ, paths), t.accessToken);
  assert.is(emu.counters().CreateToken, 0);
});

test('should refresh once for ten concurrent callers inside the window, rotate the refresh token and keep foreign fields', async ({ emu }) => {
  const paths = tempPaths();
  const integ = integration(emu);
  const old = await signIn(paths, integ);
  editToken(paths, integ, (t) => ({ ...t, expiresAt: inMs(5 * 60_000), otherTool: { keep: true } }));
  emu.resetCounters();
  const tokens = await Promise.all(Array.from({ length: 10 }, () => getAccessToken(integ, paths)));
  assert.is(emu.counters().CreateToken, 1);
  const now = readTokenFile(paths, integ);
  assert.equal(new Set(tokens), new Set([now.accessToken]));
  assert.is.not(now.accessToken, old.accessToken);
  assert.is.not(now.refreshToken, old.refreshToken, 'rotated');
  assert.equal(now.otherTool, { keep: true });
  assert.ok(Date.parse(now.expiresAt) > Date.now() + 7 * 3600_000);
  const reuse = await oidcClient(integ)
    .send(new CreateTokenCommand({ clientId: old.clientId!, clientSecret: old.clientSecret!, grantType: 'refresh_token', refreshToken: old.refreshToken! }))
    .then(() => 'accepted', (e: Error) => e.name);
  assert.is(reuse, 'InvalidGrantException', 'the old refresh token no longer works');
});

test('should refresh a token the portal refused although expiresAt is in the future, once, however late the callers arrive', async ({ emu }) => {
  const paths = tempPaths();
  const integ = integration(emu);
  const old = await signIn(paths, integ);
  emu.resetCounters();
  const first = await getAccessToken(integ, paths, { rejected: old.accessToken });
  assert.is.not(first, old.accessToken);
  // A process whose 401 was for the same old token, arriving after the refresh, takes the new token.
  assert.is(await getAccessToken(integ, paths, { rejected: old.accessToken }), first);
  assert.is(emu.counters().CreateToken, 1);
});

test('should say LOGIN_REQUIRED only when no refresh is possible', async ({ emu }) => {
  const paths = tempPaths();
  const integ = integration(emu);
  assert.is(await code(getAccessToken(integ, paths)), 'LOGIN_REQUIRED', 'no token at all');
  const t = await signIn(paths, integ);
  editToken(paths, integ, ({ refreshToken: _drop, ...rest }) => ({ ...rest, expiresAt: inMs(5 * 60_000) }));
  assert.is(await getAccessToken(integ, paths), t.accessToken, 'no refresh token: used while it lasts');
  assert.is(await code(getAccessToken(integ, paths, { rejected: t.accessToken })), 'LOGIN_REQUIRED', 'refused and not refreshable');
  editToken(paths, integ, (x) => ({ ...x, expiresAt: inMs(-60_000) }));
  assert.is(await code(getAccessToken(integ, paths)), 'LOGIN_REQUIRED', 'expired and not refreshable');
  await signIn(paths, integ);
  editToken(paths, integ, (x) => ({ ...x, expiresAt: inMs(-60_000), registrationExpiresAt: inMs(-1000) }));
  assert.is(await code(getAccessToken(integ, paths)), 'LOGIN_REQUIRED', 'registration expired');
  await signIn(paths, integ);
  editToken(paths, integ, (x) => ({ ...x, expiresAt: inMs(-60_000) }));
  emu.revokeRefreshTokens();
  assert.is(await code(getAccessToken(integ, paths)), 'LOGIN_REQUIRED', 'refresh token refused');
});

test('should keep using an unexpired token when the refresh cannot reach the service, and say NETWORK once it expired', async ({ emu }) => {
  const paths = tempPaths();
  const live = integration(emu);
  const t = await signIn(paths, live);
  const offline = { ...live, endpointUrl: 'http://127.0.0.1:9' };
  editToken(paths, live, (x) => ({ ...x, expiresAt: inMs(5 * 60_000) }));
  assert.is(await getAccessToken(offline, paths), t.accessToken);
  editToken(paths, live, (x) => ({ ...x, expiresAt: inMs(-60_000) }));
  assert.is(await code(getAccessToken(offline, paths)), 'NETWORK');
});

test('should keep a valid session on login without --force, and refresh one inside the window instead of opening a browser', async ({ emu }) => {
  const paths = tempPaths();
  const integ = integration(emu);
  await signIn(paths, integ);
  const noBrowser: LoginUi = {
    prompt: () => assert.unreachable('no prompt'),
    openBrowser: async () => assert.unreachable('no browser') as never,
    note: () => undefined,
  };
  const choice = { flow: 'pkce' as const, openBrowser: true, fallbackToDevice: true, why: 'test' };
  emu.resetCounters();
  assert.is((await login(integ, paths, noBrowser, { choice })).how, 'kept');
  editToken(paths, integ, (x) => ({ ...x, expiresAt: inMs(5 * 60_000) }));
  const r = await login(integ, paths, noBrowser, { choice });
  assert.is(r.how, 'refreshed');
  assert.is(r.loggedIn, false);
  assert.equal([emu.counters().CreateToken, emu.counters().Authorize], [1, 0]);
});

test.run();
