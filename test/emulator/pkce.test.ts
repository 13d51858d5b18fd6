import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { createHash, randomBytes } from 'node:crypto';
import { CreateTokenCommand } from '@aws-sdk/client-sso-oidc';
import { startEmulator, type Emulator } from '../../src/emulator/server.js';
import { oidcClient, register, rejection, type Registration } from './helpers.js';

const test = suite('emulator OIDC: PKCE authorization code');

let e: Emulator | undefined;
test.after.each(async () => {
  await e?.close();
  e = undefined;
});

const REDIRECT = 'http://127.0.0.1:49152/oauth/callback';

function pkcePair(): { verifier: string; challenge: string } {
  const verifier = randomBytes(48).toString('base64url').slice(0, 64);
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

// Registers like the AWS CLI v2 does for the PKCE flow (redirect URI without a port).
async function registerPkce(em: Emulator): Promise<Registration> {
  return register(oidcClient(em), {
    scopes: ['sso:account:access'],
    grantTypes: ['authorization_code', 'refresh_token'],
    redirectUris: ['http://127.0.0.1/oauth/callback'],
  });
}

// The /authorize URL with the CLI's parameter order; code_challenge last and unencoded.
function authorizeUrl(em: Emulator, clientId: string, challenge: string, redirectUri = REDIRECT): string {
  const q = new URLSearchParams({
    response_type: 'code',
    client_id: clientId,
    redirect_uri: redirectUri,
    state: 'state-123',
    code_challenge_method: 'S256',
    scopes: 'sso:account:access',
  });
  return `${em.url}/authorize?${q}&code_challenge=${challenge}`;
}

function exchange(em: Emulator, reg: Registration, code: string, verifier: string, redirectUri = REDIRECT) {
  return oidcClient(em).send(new CreateTokenCommand({ ...reg, grantType: 'authorization_code', code, redirectUri, codeVerifier: verifier }));
}

test('should redirect straight to the callback with a code when autoApprove is on, and exchange it once', async () => {
  e = await startEmulator({ autoApprove: true });
  const reg = await registerPkce(e);
  const { verifier, challenge } = pkcePair();
  const res = await fetch(authorizeUrl(e, reg.clientId, challenge), { redirect: 'manual' });
  assert.is(res.status, 302);
  const loc = new URL(res.headers.get('location') ?? '');
  assert.is(`${loc.origin}${loc.pathname}`, REDIRECT);
  assert.is(loc.searchParams.get('state'), 'state-123');
  const code = loc.searchParams.get('code') ?? '';
  assert.ok(code);
  const t = await exchange(e, reg, code, verifier);
  assert.ok(t.accessToken);
  assert.ok(t.refreshToken);
  assert.is((await rejection(exchange(e, reg, code, verifier))).name, 'InvalidGrantException', 'codes are single-use');
  assert.is(e.counters().Authorize, 1);
});

test('should approve via the consent form and reject a wrong verifier or redirect URI', async () => {
  e = await startEmulator();
  const reg = await registerPkce(e);
  const { verifier, challenge } = pkcePair();
  const get = async () => {
    const page = await fetch(authorizeUrl(e!, reg.clientId, challenge), { redirect: 'manual' });
    assert.is(page.status, 200);
    const html = await page.text();
    const id = /name="request_id" value="([^"]+)"/.exec(html)?.[1] ?? '';
    assert.ok(id, 'form carries a request id');
    const res = await fetch(`${e!.url}/authorize`, {
      method: 'POST',
      body: new URLSearchParams({ request_id: id, decision: 'approve' }),
      redirect: 'manual',
    });
    assert.is(res.status, 302);
    return new URL(res.headers.get('location') ?? '').searchParams.get('code') ?? '';
  };
  const wrongVerifier = await rejection(exchange(e, reg, await get(), pkcePair().verifier));
  assert.is(wrongVerifier.name, 'InvalidGrantException');
  const wrongRedirect = await rejection(exchange(e, reg, await get(), verifier, 'http://127.0.0.1:1/oauth/callback'));
  assert.is(wrongRedirect.name, 'InvalidGrantException');
  const ok = await exchange(e, reg, await get(), verifier);
  assert.ok(ok.accessToken);
});

test('should redirect with error=access_denied when the user denies', async () => {
  e = await startEmulator();
  const reg = await registerPkce(e);
  const page = await (await fetch(authorizeUrl(e, reg.clientId, pkcePair().challenge))).text();
  const id = /name="request_id" value="([^"]+)"/.exec(page)?.[1] ?? '';
  const res = await fetch(`${e.url}/authorize`, { method: 'POST', body: new URLSearchParams({ request_id: id, decision: 'deny' }), redirect: 'manual' });
  assert.is(res.status, 302);
  const loc = new URL(res.headers.get('location') ?? '');
  assert.is(loc.searchParams.get('error'), 'access_denied');
  assert.is(loc.searchParams.get('state'), 'state-123');
  assert.is(loc.searchParams.get('code'), null);
});

test('should answer 400 without redirecting for an unknown client or unregistered redirect URI', async () => {
  e = await startEmulator({ autoApprove: true });
  const reg = await registerPkce(e);
  const { challenge } = pkcePair();
  for (const url of [
    authorizeUrl(e, 'unknown-client', challenge),
    authorizeUrl(e, reg.clientId, challenge, 'https://evil.example/oauth/callback'),
    authorizeUrl(e, reg.clientId, challenge, 'http://127.0.0.1:5000/other'),
  ]) {
    const res = await fetch(url, { redirect: 'manual' });
    assert.is(res.status, 400);
    assert.is(res.headers.get('location'), null);
    assert.match(res.headers.get('content-type') ?? '', /text\/html/);
  }
});

test('should reject a device-flow registration at /authorize and its codes at /token', async () => {
  e = await startEmulator({ autoApprove: true });
  const reg = await register(oidcClient(e), { scopes: ['sso:account:access'] });
  // No redirect URI was registered, so the emulator must not redirect anywhere.
  const res = await fetch(authorizeUrl(e, reg.clientId, pkcePair().challenge), { redirect: 'manual' });
  assert.is(res.status, 400);
  const err = await rejection(exchange(e, reg, 'some-code', pkcePair().verifier));
  assert.is(err.name, 'UnauthorizedClientException');
});

test.run();
