import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { ListAccountsCommand, ListAccountRolesCommand } from '@aws-sdk/client-sso';
import { startEmulator, type Emulator } from '../../src/emulator/server.js';
import { RegisterClientCommand } from '@aws-sdk/client-sso-oidc';
import { deviceLogin, FakeClock, oidcClient, portalClient, rejection } from './helpers.js';

const test = suite('emulator fault injection: throttling, latency, counters');

let e: Emulator | undefined;
test.after.each(async () => {
  await e?.close();
  e = undefined;
});

test('should answer 429 TooManyRequestsException beyond throttleRps, shared across operations, and count it apart', async () => {
  const clock = new FakeClock();
  e = await startEmulator({ approveAfter: 0, now: clock.now });
  const { accessToken } = await deviceLogin(e);
  e.resetCounters();
  e.setOptions({ throttleRps: 2, retryAfterSeconds: 3 });
  const c = portalClient(e);
  await c.send(new ListAccountsCommand({ accessToken }));
  await c.send(new ListAccountRolesCommand({ accessToken, accountId: e.org.accounts[0]?.accountId ?? '' }));
  const err = await rejection(c.send(new ListAccountsCommand({ accessToken })));
  assert.is(err.name, 'TooManyRequestsException');
  assert.is(err.$metadata?.httpStatusCode, 429);
  const raw = await fetch(`${e.url}/assignment/accounts`, { headers: { 'x-amz-sso_bearer_token': accessToken } });
  assert.is(raw.status, 429);
  assert.is(raw.headers.get('retry-after'), '3');
  // OIDC operations share the same bucket and the same error name.
  const oidcErr = await rejection(oidcClient(e).send(new RegisterClientCommand({ clientName: 'x', clientType: 'public' })));
  assert.is(oidcErr.name, 'TooManyRequestsException');
  assert.is(e.counters()['throttled:RegisterClient'], 1);
  clock.advance(1_000); // the bucket refills
  await c.send(new ListAccountsCommand({ accessToken }));
  const counts = e.counters();
  assert.is(counts.ListAccounts, 2, 'throttled calls are not served calls');
  assert.is(counts.ListAccountRoles, 1);
  assert.is(counts['throttled:ListAccounts'], 2);
  assert.is(counts['error:ListAccounts'], undefined);
  e.setOptions({ throttleRps: undefined });
  for (let i = 0; i < 5; i++) await c.send(new ListAccountsCommand({ accessToken }));
  assert.is(e.counters().ListAccounts, 7);
});

test('should fail ListAccountRoles with 500 for the accounts in failRolesFor, and count faults apart', async () => {
  e = await startEmulator({ approveAfter: 0 });
  const { accessToken } = await deviceLogin(e);
  const [bad, good] = e.org.accounts.map((a) => a.accountId);
  e.setOptions({ failRolesFor: [bad as string] });
  e.resetCounters();
  const c = portalClient(e);
  const err = await rejection(c.send(new ListAccountRolesCommand({ accessToken, accountId: bad as string })));
  assert.is(err.name, 'InternalServerException');
  assert.is(err.$metadata?.httpStatusCode, 500);
  const ok = await c.send(new ListAccountRolesCommand({ accessToken, accountId: good as string }));
  assert.ok((ok.roleList ?? []).length > 0);
  const counts = e.counters();
  assert.is(counts.ListAccountRoles, 1, 'only the served call');
  assert.is(counts['fault:ListAccountRoles'], 1);
  e.setOptions({ failRolesFor: undefined });
  await c.send(new ListAccountRolesCommand({ accessToken, accountId: bad as string }));
});

test('should drop every Nth listing connection (resetEvery) and fail every Nth with 500 (errorEvery)', async () => {
  e = await startEmulator({ approveAfter: 0 });
  const { accessToken } = await deviceLogin(e);
  const c = portalClient(e);
  e.setOptions({ resetEvery: 2 });
  await c.send(new ListAccountsCommand({ accessToken }));
  const reset = await rejection(c.send(new ListAccountsCommand({ accessToken })));
  assert.is((reset as { code?: string }).code, 'ECONNRESET');
  await c.send(new ListAccountsCommand({ accessToken }));
  e.setOptions({ resetEvery: undefined, errorEvery: 3 });
  const results = [];
  for (let i = 0; i < 6; i++) results.push(await c.send(new ListAccountsCommand({ accessToken })).then(() => 'ok', (x: Error) => x.name));
  assert.is(results.filter((r) => r === 'InternalServerException').length, 2);
  const counts = e.counters();
  assert.is(counts['reset:ListAccounts'], 1);
  assert.is(counts['fault:ListAccounts'], 2);
  assert.is(counts.ListAccounts, 6);
});

test('should delay every response by latencyMs', async () => {
  e = await startEmulator({ approveAfter: 0 });
  const { accessToken } = await deviceLogin(e);
  e.setOptions({ latencyMs: 150 });
  const t0 = performance.now();
  await portalClient(e).send(new ListAccountsCommand({ accessToken }));
  const took = performance.now() - t0;
  assert.ok(took >= 140, `took ${took.toFixed(0)} ms`);
});

test('should expose counters and controls over HTTP under /__emulator/', async () => {
  const clock = new FakeClock(); // frozen, so the 1 rps window cannot roll over mid-test
  e = await startEmulator({ deviceInterval: 0, now: clock.now });
  const post = (path: string, body?: unknown) =>
    fetch(`${e!.url}/__emulator/${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: body === undefined ? '' : JSON.stringify(body) });
  assert.is((await post('options', { approveAfter: 0 })).status, 200);
  const login = await deviceLogin(e);
  const counters = (await (await fetch(`${e.url}/__emulator/counters`)).json()) as Record<string, number>;
  assert.is(counters.RegisterClient, 1);
  assert.is(counters.StartDeviceAuthorization, 1);
  assert.is(counters.CreateToken, 1);
  assert.is(counters.ListAccounts, 0);

  assert.is((await post('reset-counters')).status, 200);
  assert.is(((await (await fetch(`${e.url}/__emulator/counters`)).json()) as Record<string, number>).CreateToken, 0);

  assert.is((await post('expire-access-tokens')).status, 200);
  const expired = await rejection(portalClient(e).send(new ListAccountsCommand({ accessToken: login.accessToken })));
  assert.is(expired.name, 'UnauthorizedException');
  assert.is((await post('revoke-refresh-tokens')).status, 200);
  assert.is((await post('approve-all')).status, 200);

  assert.is((await post('options', { throttleRps: 1 })).status, 200);
  await fetch(`${e.url}/assignment/accounts`);
  assert.is((await fetch(`${e.url}/assignment/accounts`)).status, 429);
  assert.is((await post('options', { throttleRps: null })).status, 200);
  assert.is((await fetch(`${e.url}/assignment/accounts`)).status, 401);

  assert.is((await post('options', { failRolesFor: ['111111111111'], errorEvery: null })).status, 200);
  assert.is((await post('options', { failRolesFor: 'x' })).status, 400);
  assert.is((await post('options', { bogus: 1 })).status, 400);
  assert.is((await post('options', { latencyMs: -5 })).status, 400);
  assert.is((await post('nope')).status, 404);
});

test.run();
