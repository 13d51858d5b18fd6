import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { startEmulator, type Emulator } from '../../src/emulator/server.js';
import { oidcClient } from '../../src/sso/clients.js';
import { getRegistration, registrationPath, reusable, type Flow } from '../../src/sso/register.js';

const START_URL = 'https://d-1234567890.awsapps.com/start';
const test = suite<{ emu: Emulator }>('client registration: scopes, grant types, reuse', {} as never);

test.before(async (ctx) => {
  ctx.emu = await startEmulator();
});
test.after(async (ctx) => {
  await ctx.emu.close();
});

function reg(emu: Emulator, cacheDir: string, flow: Flow, now = Date.now(), endpoint = emu.url) {
  return getRegistration(oidcClient({ ssoRegion: 'us-east-1', endpointUrl: emu.url }), { cacheDir, alias: 'acme', flow, startUrl: START_URL, endpoint, now });
}

test('should register with sso:account:access and the grant types of each flow, and cache the registration privately', async ({ emu }) => {
  const dir = mkdtempSync(join(tmpdir(), 'awsidc-reg-'));
  emu.resetCounters();
  const pkce = await reg(emu, dir, 'pkce');
  const device = await reg(emu, dir, 'device');
  assert.is(emu.counters().RegisterClient, 2);
  assert.equal(pkce.scopes, ['sso:account:access']);
  assert.equal(pkce.grantTypes, ['authorization_code', 'refresh_token']);
  assert.equal(device.grantTypes, ['urn:ietf:params:oauth:grant-type:device_code', 'refresh_token']);
  assert.is.not(pkce.clientId, device.clientId);
  const onDisk = JSON.parse(readFileSync(registrationPath(dir, 'acme', 'pkce'), 'utf8'));
  assert.is(onDisk.clientId, pkce.clientId);
  assert.is(onDisk.startUrl, START_URL);
  assert.is(onDisk.endpoint, emu.url);
  assert.match(onDisk.expiresAt, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
});

test('should reuse a registration until 15 minutes before it expires, then register again', async ({ emu }) => {
  const dir = mkdtempSync(join(tmpdir(), 'awsidc-reg-'));
  const first = await reg(emu, dir, 'pkce');
  const expires = Date.parse(first.expiresAt);
  emu.resetCounters();
  assert.is((await reg(emu, dir, 'pkce', expires - 16 * 60_000)).clientId, first.clientId);
  assert.is(emu.counters().RegisterClient, 0, 'reused with 16 minutes left');
  const renewed = await reg(emu, dir, 'pkce', expires - 14 * 60_000);
  assert.is(emu.counters().RegisterClient, 1, 'renewed with 14 minutes left');
  assert.is.not(renewed.clientId, first.clientId);
});

test('should not reuse a registration with other grant types, scopes, start URL or OIDC endpoint', async ({ emu }) => {
  const dir = mkdtempSync(join(tmpdir(), 'awsidc-reg-'));
  const good = await reg(emu, dir, 'pkce');
  const now = Date.now();
  const o = { flow: 'pkce' as const, startUrl: START_URL, endpoint: emu.url, now };
  assert.ok(reusable(good, o));
  assert.not.ok(reusable({ ...good, grantTypes: ['urn:ietf:params:oauth:grant-type:device_code', 'refresh_token'] }, o), 'PKCE needs authorization_code');
  assert.not.ok(reusable(good, { ...o, flow: 'device' }), 'the device flow refuses an authorization_code registration');
  assert.not.ok(reusable({ ...good, scopes: [] }, o), 'without sso:account:access there is no refresh token');
  assert.not.ok(reusable(good, { ...o, startUrl: 'https://other.awsapps.com/start' }));
  assert.not.ok(reusable(good, { ...o, endpoint: 'https://oidc.us-east-1.amazonaws.com' }));
  // An old-format file (no startUrl/endpoint) is replaced rather than trusted.
  writeFileSync(registrationPath(dir, 'acme', 'pkce'), JSON.stringify({ ...good, startUrl: undefined, endpoint: undefined }));
  emu.resetCounters();
  await reg(emu, dir, 'pkce');
  assert.is(emu.counters().RegisterClient, 1);
});

test.run();
