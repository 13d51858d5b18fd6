import { statSync } from 'node:fs';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { startEmulator, type Emulator } from '../../src/emulator/server.js';
import { addIntegration, box, browser, launches, readTokenOf, tokenFile, type Box } from '../helpers/e2e.js';
import { assertNoSecrets, requireBuild, runCli } from '../helpers/sandbox.js';

const test = suite<{ emu: Emulator; b: Box }>('end to end: sign-in flows (PKCE, device code, fallbacks)', {} as never);

test.before(async (ctx) => {
  requireBuild();
  ctx.emu = await startEmulator({ autoApprove: true });
  ctx.b = box();
  addIntegration(ctx.b, ctx.emu);
});
test.after(async (ctx) => {
  await ctx.emu.close();
  ctx.b.cleanup();
});

const login = (b: Box, env: NodeJS.ProcessEnv, ...args: string[]) => runCli(['login', '--integration', 'acme', ...args], { ...b.env, ...env }, 20_000);

test('should sign in with PKCE through a scripted browser following the redirect, and write a refreshable AWS CLI token', async ({ emu, b }) => {
  emu.resetCounters();
  const r = await login(b, { AWSIDC_BROWSER: browser('follow-redirect') });
  assert.is(r.code, 0, r.stderr);
  const c = emu.counters();
  assert.equal([c.RegisterClient, c.Authorize, c.CreateToken, c.StartDeviceAuthorization], [1, 1, 1, 0]);
  const [launch] = launches(b);
  assert.is(launches(b).length, 1);
  // /authorize on the OIDC endpoint (the emulator, by endpoint override), parameters in the AWS CLI's order.
  assert.match(
    launch!,
    new RegExp(
      `^follow-redirect ${emu.url}/authorize\\?response_type=code&client_id=[\\w-]+` +
        '&redirect_uri=http%3A%2F%2F127\\.0\\.0\\.1%3A\\d+%2Foauth%2Fcallback&state=[0-9a-f-]{36}' +
        '&code_challenge_method=S256&scopes=sso%3Aaccount%3Aaccess&code_challenge=[\\w-]{43}$',
    ),
  );
  const t = readTokenOf(b)!;
  assert.equal(Object.keys(t).sort(), ['accessToken', 'clientId', 'clientSecret', 'expiresAt', 'refreshToken', 'region', 'registrationExpiresAt', 'startUrl']);
  assert.is(t.startUrl, 'https://d-1234567890.awsapps.com/start');
  assert.is(t.region, 'us-east-1');
  assert.match(t.expiresAt, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
  assert.is(statSync(tokenFile(b)).mode & 0o777, 0o600);
  assert.match(r.stderr, /refreshes silently/);
  assertNoSecrets(r.stdout + r.stderr, [t.accessToken, t.refreshToken!, t.clientSecret!]);
});

test('should keep a valid session without --force, and with --force sign in again reusing the registration', async ({ emu, b }) => {
  const before = readTokenOf(b)!;
  emu.resetCounters();
  const kept = await login(b, { AWSIDC_BROWSER: browser('follow-redirect') });
  assert.is(kept.code, 0, kept.stderr);
  assert.match(kept.stderr, /already logged in to "acme".*--force/);
  assert.is(emu.counters().CreateToken, 0);
  assert.is(launches(b).length, 1, 'no browser opened');
  assert.is(readTokenOf(b)!.accessToken, before.accessToken);
  const forced = await login(b, { AWSIDC_BROWSER: browser('follow-redirect') }, '--force');
  assert.is(forced.code, 0, forced.stderr);
  assert.equal([emu.counters().RegisterClient, emu.counters().Authorize, emu.counters().CreateToken], [0, 1, 1]);
  assert.is.not(readTokenOf(b)!.accessToken, before.accessToken);
  assert.is(readTokenOf(b)!.clientId, before.clientId, 'same registration');
});

test('should sign in when the scripted browser posts the Approve form', async ({ emu, b }) => {
  emu.setOptions({ autoApprove: false });
  try {
    emu.resetCounters();
    const r = await login(b, { AWSIDC_BROWSER: browser('approve-form') }, '--force');
    assert.is(r.code, 0, r.stderr);
    assert.equal([emu.counters().Authorize, emu.counters().CreateToken], [1, 1]);
    assert.match(launches(b).at(-1)!, /^approve-form /);
  } finally {
    emu.setOptions({ autoApprove: true });
  }
});

test('should fail with exit 3 when the browser sign-in is denied', async ({ emu, b }) => {
  emu.setOptions({ autoApprove: false });
  try {
    const r = await login(b, { AWSIDC_BROWSER: browser('approve-form'), BROWSER_DECISION: 'deny' }, '--force');
    assert.is(r.code, 3);
    assert.match(r.stderr, /denied/);
  } finally {
    emu.setOptions({ autoApprove: true });
  }
});

test('should sign in with --use-device-code: browser at the complete URL, pending polls, then approved', async ({ emu, b }) => {
  emu.setOptions({ approveAfter: undefined });
  emu.resetCounters();
  const r = await login(b, { AWSIDC_BROWSER: browser('approve-device'), BROWSER_DELAY_MS: '1300' }, '--force', '--use-device-code');
  assert.is(r.code, 0, r.stderr);
  const c = emu.counters();
  assert.equal([c.RegisterClient, c.StartDeviceAuthorization, c.Authorize], [1, 1, 0], 'a device registration of its own');
  assert.ok(c['error:CreateToken']! >= 1, 'at least one authorization_pending');
  assert.match(launches(b).at(-1)!, new RegExp(`^approve-device ${emu.url}/device\\?user_code=[A-Z]{4}-[A-Z]{4}$`));
  assert.match(r.stderr, /user_code=[A-Z]{4}-[A-Z]{4}/);
  assert.ok(readTokenOf(b)!.refreshToken, 'the device registration asked for sso:account:access too');
});

test('should never open a browser with --no-browser and print the complete device URL', async ({ emu, b }) => {
  emu.setOptions({ approveAfter: 0 });
  const seen = launches(b).length;
  emu.resetCounters();
  const r = await login(b, { AWSIDC_BROWSER: browser('follow-redirect') }, '--force', '--no-browser');
  assert.is(r.code, 0, r.stderr);
  assert.is(launches(b).length, seen, 'no launch');
  assert.is(emu.counters().Authorize, 0);
  assert.match(r.stderr, new RegExp(`open this URL in a browser:\\n  ${emu.url}/device\\?user_code=([A-Z]{4}-[A-Z]{4})\\nand check that it shows the code \\1`));
});

test('should switch to the device code by itself in an SSH session, without opening BROWSER', async ({ emu, b }) => {
  emu.setOptions({ approveAfter: 0 });
  const seen = launches(b).length;
  emu.resetCounters();
  const r = await login(b, { SSH_CONNECTION: '10.0.0.2 50000 10.0.0.1 22', BROWSER: browser('follow-redirect') }, '--force', '--verbose');
  assert.is(r.code, 0, r.stderr);
  assert.is(launches(b).length, seen);
  assert.equal([emu.counters().StartDeviceAuthorization, emu.counters().Authorize], [1, 0]);
  assert.match(r.stderr, /device code \(this is an SSH session\)/);
});

test('should fall back to the device code when the browser cannot be opened', async ({ emu, b }) => {
  emu.setOptions({ approveAfter: 0 });
  emu.resetCounters();
  const r = await login(b, { AWSIDC_BROWSER: '/nonexistent/awsidc-test-browser' }, '--force');
  assert.is(r.code, 0, r.stderr);
  assert.match(r.stderr, /could not open a browser; signing in with a device code instead/);
  assert.equal([emu.counters().Authorize, emu.counters().StartDeviceAuthorization, emu.counters().CreateToken], [0, 1, 1]);
});

test.run();
