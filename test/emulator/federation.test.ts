import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { GetRoleCredentialsCommand } from '@aws-sdk/client-sso';
import { startEmulator, type Emulator } from '../../src/emulator/server.js';
import { deviceLogin, FakeClock, portalClient } from './helpers.js';

const test = suite('emulator federation: getSigninToken + login');

let e: Emulator | undefined;
test.after.each(async () => {
  await e?.close();
  e = undefined;
});

async function session(em: Emulator): Promise<{ sessionId: string; sessionKey: string; sessionToken: string }> {
  const account = em.org.accounts[0];
  const { accessToken } = await deviceLogin(em);
  const r = await portalClient(em).send(new GetRoleCredentialsCommand({ accessToken, accountId: account?.accountId ?? '', roleName: account?.roles[0] ?? '' }));
  const rc = r.roleCredentials;
  return { sessionId: rc?.accessKeyId ?? '', sessionKey: rc?.secretAccessKey ?? '', sessionToken: rc?.sessionToken ?? '' };
}

const DEST = 'https://console.aws.amazon.com/console/home?region=eu-west-1';

test('should mint a sign-in token (GET and POST) and redirect login to the destination', async () => {
  e = await startEmulator({ approveAfter: 0 });
  const s = await session(e);
  const q = new URLSearchParams({ Action: 'getSigninToken', SessionDuration: '3600', Session: JSON.stringify(s) });
  const viaGet = await fetch(`${e.url}/federation?${q}`);
  assert.is(viaGet.status, 200);
  const { SigninToken } = (await viaGet.json()) as { SigninToken?: string };
  assert.ok(SigninToken);
  const viaPost = await fetch(`${e.url}/federation`, { method: 'POST', body: q });
  assert.is(viaPost.status, 200);

  const login = new URLSearchParams({ Action: 'login', Issuer: 'awsidc', Destination: DEST, SigninToken: SigninToken ?? '' });
  const res = await fetch(`${e.url}/federation?${login}`, { redirect: 'manual' });
  assert.is(res.status, 302);
  assert.is(res.headers.get('location'), DEST);
  const c = e.counters();
  assert.is(c.GetSigninToken, 2);
  assert.is(c.Login, 1);
});

test('should answer 400 for unknown, mismatched or expired credentials and bad sign-in tokens', async () => {
  const clock = new FakeClock();
  e = await startEmulator({ approveAfter: 0, now: clock.now, roleCredentialTtlSeconds: 900 });
  const s = await session(e);
  const get = (sess: unknown, extra: Record<string, string> = {}) =>
    fetch(`${e!.url}/federation?${new URLSearchParams({ Action: 'getSigninToken', Session: JSON.stringify(sess), ...extra })}`);
  assert.is((await get({ ...s, sessionKey: 'wrong' })).status, 400);
  assert.is((await get({ ...s, sessionId: 'ASIAAAAAAAAAAAAAAAAA' })).status, 400);
  assert.is((await get({ sessionId: s.sessionId })).status, 400);
  assert.is((await get(s, { SessionDuration: '60' })).status, 400);
  const bad = await fetch(`${e.url}/federation?${new URLSearchParams({ Action: 'login', Destination: DEST, SigninToken: 'nope' })}`, { redirect: 'manual' });
  assert.is(bad.status, 400);
  clock.advance(900_000);
  assert.is((await get(s)).status, 400);
  assert.is(e.counters()['error:GetSigninToken'], 5);
});

test.run();
