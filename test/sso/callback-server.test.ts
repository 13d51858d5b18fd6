import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { startCallbackServer } from '../../src/sso/callback-server.js';

const STATE = 'state-0123';

test('should listen on 127.0.0.1 and resolve with the code when our state comes back, answering with an HTML page', async () => {
  const s = await startCallbackServer({ state: STATE, timeoutMs: 5000 });
  try {
    assert.match(s.redirectUri, /^http:\/\/127\.0\.0\.1:\d+\/oauth\/callback$/);
    const res = await fetch(`${s.redirectUri}?code=the-code&state=${STATE}`);
    assert.is(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /text\/html/);
    assert.match(await res.text(), /close this tab/);
    assert.equal(await s.result, { code: 'the-code' });
  } finally {
    await s.close();
  }
});

test('should ignore other paths and requests carrying another state, and keep waiting', async () => {
  const s = await startCallbackServer({ state: STATE, timeoutMs: 5000 });
  try {
    const origin = new URL(s.redirectUri).origin;
    assert.is((await fetch(`${origin}/favicon.ico`)).status, 404);
    const forged = await fetch(`${s.redirectUri}?code=evil&state=other`);
    assert.is(forged.status, 400);
    assert.not.match(await forged.text(), /evil/, 'nothing from the query is echoed');
    await fetch(`${s.redirectUri}?code=good&state=${STATE}`);
    assert.equal(await s.result, { code: 'good' });
  } finally {
    await s.close();
  }
});

test('should fail with LOGIN_FAILED when the browser comes back with error=access_denied', async () => {
  const s = await startCallbackServer({ state: STATE, timeoutMs: 5000 });
  try {
    await fetch(`${s.redirectUri}?error=access_denied&state=${STATE}`);
    const err = await s.result.then(() => undefined, (e: { code?: string; message?: string }) => e);
    assert.is(err?.code, 'LOGIN_FAILED');
    assert.match(err?.message ?? '', /denied/);
  } finally {
    await s.close();
  }
});

test('should time out with LOGIN_TIMEOUT', async () => {
  const s = await startCallbackServer({ state: STATE, timeoutMs: 50 });
  const err = await s.result.then(() => undefined, (e: { code?: string }) => e);
  assert.is(err?.code, 'LOGIN_TIMEOUT');
  await s.close();
});

test.run();
