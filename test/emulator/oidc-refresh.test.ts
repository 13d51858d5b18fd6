import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { CreateTokenCommand } from '@aws-sdk/client-sso-oidc';
import { ListAccountsCommand } from '@aws-sdk/client-sso';
import { startEmulator, type Emulator } from '../../src/emulator/server.js';
import { deviceLogin, oidcClient, portalClient, rejection } from './helpers.js';

const test = suite('emulator OIDC: refresh tokens');

let e: Emulator | undefined;
test.after.each(async () => {
  await e?.close();
  e = undefined;
});

test('should rotate refresh tokens and reject the old one', async () => {
  e = await startEmulator({ approveAfter: 0 });
  const login = await deviceLogin(e);
  assert.ok(login.refreshToken);
  const c = oidcClient(e);
  const refresh = (rt: string) => c.send(new CreateTokenCommand({ clientId: login.clientId, clientSecret: login.clientSecret, grantType: 'refresh_token', refreshToken: rt }));
  const t = await refresh(login.refreshToken ?? '');
  assert.ok(t.accessToken && t.accessToken !== login.accessToken);
  assert.ok(t.refreshToken && t.refreshToken !== login.refreshToken);
  assert.is(t.tokenType, 'Bearer');
  assert.is((await rejection(refresh(login.refreshToken ?? ''))).name, 'InvalidGrantException');
  const again = await refresh(t.refreshToken ?? '');
  assert.ok(again.accessToken);
  // The refreshed access token works on the portal.
  const accounts = await portalClient(e).send(new ListAccountsCommand({ accessToken: again.accessToken ?? '' }));
  assert.is(accounts.accountList?.length, 5);
});

test('should keep the same refresh token when rotation is off', async () => {
  e = await startEmulator({ approveAfter: 0, rotateRefreshTokens: false });
  const login = await deviceLogin(e);
  const c = oidcClient(e);
  const args = { clientId: login.clientId, clientSecret: login.clientSecret, grantType: 'refresh_token', refreshToken: login.refreshToken ?? '' };
  const t1 = await c.send(new CreateTokenCommand(args));
  const t2 = await c.send(new CreateTokenCommand(args));
  assert.is(t1.refreshToken, login.refreshToken);
  assert.is(t2.refreshToken, login.refreshToken);
});

test('should reject refresh tokens after revokeRefreshTokens() and for another client', async () => {
  e = await startEmulator({ approveAfter: 0 });
  const a = await deviceLogin(e);
  const b = await deviceLogin(e);
  const c = oidcClient(e);
  const wrongClient = await rejection(
    c.send(new CreateTokenCommand({ clientId: b.clientId, clientSecret: b.clientSecret, grantType: 'refresh_token', refreshToken: a.refreshToken ?? '' })),
  );
  assert.is(wrongClient.name, 'InvalidGrantException');
  e.revokeRefreshTokens();
  const revoked = await rejection(
    c.send(new CreateTokenCommand({ clientId: a.clientId, clientSecret: a.clientSecret, grantType: 'refresh_token', refreshToken: a.refreshToken ?? '' })),
  );
  assert.is(revoked.name, 'InvalidGrantException');
  assert.is((revoked as unknown as { error?: string }).error, 'invalid_grant');
});

test('should issue no refresh token without the sso:account:access scope or when disabled', async () => {
  e = await startEmulator({ approveAfter: 0 });
  assert.is((await deviceLogin(e, [])).refreshToken, undefined);
  await e.close();
  e = await startEmulator({ approveAfter: 0, refreshTokens: false });
  assert.is((await deviceLogin(e)).refreshToken, undefined);
});

test.run();
