import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { startEmulator, type Emulator } from '../../src/emulator/server.js';
import { oidcClient } from '../../src/sso/clients.js';
import { deviceLogin, type Clock } from '../../src/sso/device-login.js';
import type { LoginPrompt, LoginUi } from '../../src/sso/login-ui.js';
import { getRegistration } from '../../src/sso/register.js';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const START_URL = 'https://d-1234567890.awsapps.com/start';
const test = suite('device-code login: pending, slow_down, expiry (real SDK, emulator on a shared fake clock)');

/** A clock the emulator shares: sleeping advances time instantly; `speed` < 1 makes early polls arrive too fast. */
class FakeClock implements Clock {
  t = Date.UTC(2026, 0, 1);
  sleeps: number[] = [];
  constructor(private readonly advance: (ms: number, i: number) => number = (ms) => ms) {}
  now = () => this.t;
  sleep = async (ms: number) => {
    this.t += this.advance(ms, this.sleeps.length);
    this.sleeps.push(ms);
  };
}

function ui(prompts: LoginPrompt[]): LoginUi {
  return {
    prompt: (p) => void prompts.push(p),
    openBrowser: async () => {
      throw new Error('must not open a browser');
    },
    note: () => undefined,
  };
}

async function setup(clock: FakeClock, o: { approveAfter?: number }): Promise<{ emu: Emulator; run: (prompts: LoginPrompt[]) => ReturnType<typeof deviceLogin> }> {
  const emu = await startEmulator({ now: clock.now, deviceInterval: 1, ...o });
  const client = oidcClient({ ssoRegion: 'us-east-1', endpointUrl: emu.url });
  const reg = await getRegistration(client, { cacheDir: mkdtempSync(join(tmpdir(), 'awsidc-dev-')), alias: 'acme', flow: 'device', startUrl: START_URL, endpoint: emu.url, now: clock.now() });
  return { emu, run: (prompts) => deviceLogin(client, reg, START_URL, ui(prompts), { openBrowser: false, clock }) };
}

test('should keep polling through authorization_pending at the server interval, then return a refreshable token', async () => {
  const clock = new FakeClock();
  const { emu, run } = await setup(clock, { approveAfter: 2 });
  try {
    const prompts: LoginPrompt[] = [];
    const grant = await run(prompts);
    assert.ok(grant.accessToken && grant.refreshToken);
    assert.equal(clock.sleeps, [1000, 1000, 1000]);
    assert.is(emu.counters().CreateToken, 3);
    assert.is(emu.counters()['error:CreateToken'], 2, 'two pending answers');
    const p = prompts[0];
    assert.ok(p?.flow === 'device');
    assert.match(p.url, `${emu.url}/device?user_code=`);
    assert.is(p.opening, false);
    assert.match(p.userCode ?? '', /^[A-Z]{4}-[A-Z]{4}$/);
  } finally {
    await emu.close();
  }
});

test('should add 5 seconds to the interval after slow_down and keep it for the rest of the login', async () => {
  // The first three waits come back after a tenth of the time (a drifting timer): the third poll is too fast.
  const clock = new FakeClock((ms, i) => (i < 3 ? ms / 10 : ms));
  const { emu, run } = await setup(clock, { approveAfter: 3 });
  try {
    const grant = await run([]);
    assert.ok(grant.accessToken);
    assert.equal(clock.sleeps, [1000, 1000, 1000, 6000, 6000]);
  } finally {
    await emu.close();
  }
});

test('should stop with LOGIN_TIMEOUT when the device code expires unapproved', async () => {
  const clock = new FakeClock((ms) => ms + 601_000);
  const { emu, run } = await setup(clock, {});
  try {
    const err = await run([]).then(() => undefined, (e: { code?: string }) => e);
    assert.is(err?.code, 'LOGIN_TIMEOUT');
  } finally {
    await emu.close();
  }
});

test.run();
