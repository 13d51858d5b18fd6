import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { CreateTokenCommand, RegisterClientCommand, StartDeviceAuthorizationCommand } from '@aws-sdk/client-sso-oidc';
import { startEmulator, type Emulator } from '../../src/emulator/server.js';
import { DEVICE_GRANT, FakeClock, oidcClient, register, rejection, START_URL } from './helpers.js';

const test = suite('emulator OIDC: register + device flow');

let e: Emulator | undefined;
test.after.each(async () => {
  await e?.close();
  e = undefined;
});

test('should register a public client with epoch-second timestamps 90 days apart', async () => {
  const clock = new FakeClock();
  e = await startEmulator({ now: clock.now });
  const r = await oidcClient(e).send(new RegisterClientCommand({ clientName: 'x', clientType: 'public', scopes: ['sso:account:access'] }));
  assert.ok(r.clientId && r.clientSecret);
  assert.is(r.clientIdIssuedAt, Math.floor(clock.t / 1000));
  assert.is((r.clientSecretExpiresAt ?? 0) - (r.clientIdIssuedAt ?? 0), 90 * 24 * 3600);
});

test('should reject a non-public client type with InvalidClientMetadataException', async () => {
  e = await startEmulator();
  const err = await rejection(oidcClient(e).send(new RegisterClientCommand({ clientName: 'x', clientType: 'confidential' })));
  assert.is(err.name, 'InvalidClientMetadataException');
  assert.is(err.$metadata?.httpStatusCode, 400);
});

test('should answer a wrong client secret with a 401 InvalidClientException', async () => {
  e = await startEmulator();
  const c = oidcClient(e);
  const reg = await register(c);
  const err = await rejection(c.send(new StartDeviceAuthorizationCommand({ clientId: reg.clientId, clientSecret: 'wrong', startUrl: START_URL })));
  assert.is(err.name, 'InvalidClientException');
  assert.is(err.$metadata?.httpStatusCode, 401);
});

test('should return a device authorization pointing at the emulator verification page', async () => {
  e = await startEmulator({ deviceInterval: 3 });
  const c = oidcClient(e);
  const d = await c.send(new StartDeviceAuthorizationCommand({ ...(await register(c)), startUrl: START_URL }));
  assert.match(d.userCode ?? '', /^[A-Z]{4}-[A-Z]{4}$/);
  assert.is(d.verificationUri, `${e.url}/device`);
  assert.is(d.verificationUriComplete, `${e.url}/device?user_code=${d.userCode}`);
  assert.is(d.expiresIn, 600);
  assert.is(d.interval, 3);
});

test('should answer pending, then slow_down for fast polls, then a token once approved, exactly once', async () => {
  const clock = new FakeClock();
  e = await startEmulator({ now: clock.now, deviceInterval: 5 });
  const c = oidcClient(e);
  const reg = await register(c, { scopes: ['sso:account:access'] });
  const d = await c.send(new StartDeviceAuthorizationCommand({ ...reg, startUrl: START_URL }));
  const poll = () => c.send(new CreateTokenCommand({ ...reg, grantType: DEVICE_GRANT, deviceCode: d.deviceCode ?? '' }));
  // The first two polls are back-to-back in botocore, so they are allowed.
  assert.is((await rejection(poll())).name, 'AuthorizationPendingException');
  assert.is((await rejection(poll())).name, 'AuthorizationPendingException');
  const slow = await rejection(poll());
  assert.is(slow.name, 'SlowDownException');
  assert.is((slow as unknown as { error?: string }).error, 'slow_down');
  clock.advance(4_100); // within the 20% jitter allowance of 5 s
  assert.is((await rejection(poll())).name, 'AuthorizationPendingException');
  e.approveAll();
  clock.advance(5_000);
  const t = await poll();
  assert.ok(t.accessToken);
  assert.is(t.tokenType, 'Bearer');
  assert.is(t.expiresIn, 28800);
  assert.ok(t.refreshToken);
  clock.advance(5_000);
  assert.is((await rejection(poll())).name, 'InvalidGrantException');
});

test('should auto-approve after approveAfter polls', async () => {
  e = await startEmulator({ approveAfter: 2, deviceInterval: 0 });
  const c = oidcClient(e);
  const reg = await register(c);
  const d = await c.send(new StartDeviceAuthorizationCommand({ ...reg, startUrl: START_URL }));
  const poll = () => c.send(new CreateTokenCommand({ ...reg, grantType: DEVICE_GRANT, deviceCode: d.deviceCode ?? '' }));
  assert.is((await rejection(poll())).name, 'AuthorizationPendingException');
  assert.is((await rejection(poll())).name, 'AuthorizationPendingException');
  const t = await poll();
  assert.ok(t.accessToken);
  assert.is(t.refreshToken, undefined, 'no sso:account:access scope, so no refresh token');
});

test('should approve through the verification page form', async () => {
  e = await startEmulator({ deviceInterval: 0 });
  const c = oidcClient(e);
  const reg = await register(c);
  const d = await c.send(new StartDeviceAuthorizationCommand({ ...reg, startUrl: START_URL }));
  const entry = await fetch(d.verificationUri ?? '');
  assert.is(entry.status, 200);
  assert.match(await entry.text(), /name="user_code"/);
  assert.is((await fetch(`${e.url}/device?user_code=AAAA-AAAA`)).status, 404);
  const page = await fetch(d.verificationUriComplete ?? '');
  assert.is(page.status, 200);
  const body = await page.text();
  assert.ok(body.includes(d.userCode ?? '?'), 'page shows the user code');
  assert.ok(body.includes('value="approve"') && body.includes('value="deny"'));
  const form = new URLSearchParams({ user_code: (d.userCode ?? '').toLowerCase(), decision: 'approve' });
  const done = await fetch(`${e.url}/device`, { method: 'POST', body: form });
  assert.is(done.status, 200);
  assert.match(await done.text(), /approved/i);
  const t = await c.send(new CreateTokenCommand({ ...reg, grantType: DEVICE_GRANT, deviceCode: d.deviceCode ?? '' }));
  assert.ok(t.accessToken);
});

test('should answer AccessDeniedException after Deny', async () => {
  e = await startEmulator({ deviceInterval: 0 });
  const c = oidcClient(e);
  const reg = await register(c);
  const d = await c.send(new StartDeviceAuthorizationCommand({ ...reg, startUrl: START_URL }));
  await fetch(`${e.url}/device`, { method: 'POST', body: new URLSearchParams({ user_code: d.userCode ?? '', decision: 'deny' }) });
  const err = await rejection(c.send(new CreateTokenCommand({ ...reg, grantType: DEVICE_GRANT, deviceCode: d.deviceCode ?? '' })));
  assert.is(err.name, 'AccessDeniedException');
});

test('should answer ExpiredTokenException after expiresIn', async () => {
  const clock = new FakeClock();
  e = await startEmulator({ now: clock.now, approveAfter: 0 });
  const c = oidcClient(e);
  const reg = await register(c);
  const d = await c.send(new StartDeviceAuthorizationCommand({ ...reg, startUrl: START_URL }));
  clock.advance(600_000);
  const err = await rejection(c.send(new CreateTokenCommand({ ...reg, grantType: DEVICE_GRANT, deviceCode: d.deviceCode ?? '' })));
  assert.is(err.name, 'ExpiredTokenException');
});

test('should reject a device code presented by another client and unknown grant types', async () => {
  e = await startEmulator({ approveAfter: 0 });
  const c = oidcClient(e);
  const a = await register(c);
  const b = await register(c);
  const d = await c.send(new StartDeviceAuthorizationCommand({ ...a, startUrl: START_URL }));
  const err = await rejection(c.send(new CreateTokenCommand({ ...b, grantType: DEVICE_GRANT, deviceCode: d.deviceCode ?? '' })));
  assert.is(err.name, 'InvalidGrantException');
  const bad = await rejection(c.send(new CreateTokenCommand({ ...a, grantType: 'password' })));
  assert.is(bad.name, 'UnsupportedGrantTypeException');
});

test('should send the x-amzn-ErrorType header and {error, error_description} body on the wire', async () => {
  e = await startEmulator();
  const res = await fetch(`${e.url}/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ clientId: 'nope', clientSecret: 'nope', grantType: DEVICE_GRANT, deviceCode: 'x' }),
  });
  assert.is(res.status, 401);
  assert.is(res.headers.get('x-amzn-errortype'), 'InvalidClientException:http://internal.amazon.com/coral/com.amazonaws.sso.oidc/');
  assert.equal(await res.json(), { error: 'invalid_client', error_description: 'Invalid client credentials provided' });
});

test.run();
