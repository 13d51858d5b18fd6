import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { Org } from '../../src/emulator/org.js';
import { startEmulator, type Emulator } from '../../src/emulator/server.js';
import { loadIntegration } from '../../src/store/integrations.js';
import { addIntegration, box, browser, credentials, launches, readTokenOf, tokenFile, type Box } from '../helpers/e2e.js';
import { requireBuild, runCli } from '../helpers/sandbox.js';
import { START_URL } from '../helpers/session.js';

const org: Org = {
  user: { userName: 'alice', email: 'alice@example.com' },
  accounts: Array.from({ length: 5 }, (_, i) => ({
    accountId: String(200000000000 + i),
    accountName: `Account ${i}`,
    emailAddress: `a${i}@example.com`,
    roles: ['Admin', 'Developer', 'ReadOnly'],
  })),
};
// 20 processes over 15 roles: most wait on the login lock, a few also on another process's role lock.
const all = org.accounts.flatMap((a) => a.roles.map((r) => [a.accountId, r] as const));
const twenty = [...all, ...all.slice(0, 5)];

const test = suite<{ emu: Emulator; b: Box }>('end to end: --auto-login opens ONE browser for every waiting process', {} as never);

test.before(async (ctx) => {
  requireBuild();
  ctx.emu = await startEmulator({ org, autoApprove: true });
  ctx.b = box();
  addIntegration(ctx.b, ctx.emu);
});
test.after(async (ctx) => {
  await ctx.emu.close();
  ctx.b.cleanup();
});

function signedOut(b: Box): void {
  rmSync(tokenFile(b), { force: true });
  rmSync(join(b.paths.cacheDir, 'credentials'), { recursive: true, force: true });
  rmSync(b.browserLog, { force: true });
}

const run = (b: Box, role: readonly [string, string], env: NodeJS.ProcessEnv, ...flags: string[]) =>
  runCli(credentials('acme', role[0], role[1], ...flags), { ...b.env, ...env }, 30_000);

test('should open exactly one browser for 20 concurrent credential_process calls, which then all succeed', async ({ emu, b }) => {
  signedOut(b);
  emu.resetCounters();
  // The scripted browser waits a little before completing, so every process is already waiting when it does.
  const env = { AWSIDC_BROWSER: browser('follow-redirect'), BROWSER_DELAY_MS: '800' };
  const results = await Promise.all(twenty.map((role) => run(b, role, env, '--auto-login')));
  for (const r of results) {
    assert.is(r.code, 0, r.stderr);
    assert.is(JSON.parse(r.stdout).Version, 1);
  }
  assert.is(launches(b).length, 1, 'one browser launch');
  assert.equal([emu.counters().Authorize, emu.counters().CreateToken, emu.counters().GetRoleCredentials], [1, 1, 15]);
  const prompts = results.filter((r) => r.stderr.includes('signing in to "acme"'));
  assert.is(prompts.length, 1, 'only the process that signs in prints the prompt, on stderr');
  assert.ok(readTokenOf(b)?.refreshToken);
});

test('should take autoLogin from the integration record (set by `init --auto-login`) without the flag', async ({ emu, b }) => {
  const init = await runCli(
    ['init', '--start-url', START_URL, '--sso-region', 'us-east-1', '--alias', 'acme', '--endpoint-url', emu.url, '--auto-login'],
    { ...b.env, AWSIDC_BROWSER: browser('follow-redirect') },
  );
  assert.is(init.code, 0, init.stderr);
  assert.is(loadIntegration(b.paths.configDir, 'acme').autoLogin, true);
  signedOut(b);
  try {
    const results = await Promise.all(all.slice(0, 3).map((role) => run(b, role, { AWSIDC_BROWSER: browser('follow-redirect'), BROWSER_DELAY_MS: '300' })));
    for (const r of results) assert.is(r.code, 0, r.stderr);
    assert.is(launches(b).length, 1);
  } finally {
    addIntegration(b, emu);
  }
});

test('should fail at once with exit 3 when --auto-login has no browser to open (SSH session)', async ({ emu, b }) => {
  signedOut(b);
  emu.resetCounters();
  const r = await run(b, all[0]!, { SSH_CONNECTION: '10.0.0.2 50000 10.0.0.1 22', BROWSER: browser('follow-redirect') }, '--auto-login');
  assert.is(r.code, 3);
  assert.is(r.stdout, '');
  assert.equal(r.stderr.split('\n').filter(Boolean).length, 1, r.stderr);
  assert.match(r.stderr, /--auto-login cannot open a browser here \(this is an SSH session\).*run `awsidc login --integration acme`/);
  assert.ok(r.ms < 1000, `took ${r.ms} ms`);
  assert.is(launches(b).length, 0);
  assert.is(emu.counters().Authorize, 0);
});

test('should not open another browser for a minute after a sign-in is denied; `awsidc login` lifts that', async ({ emu, b }) => {
  signedOut(b);
  emu.setOptions({ autoApprove: false });
  const env = { AWSIDC_BROWSER: browser('approve-form'), BROWSER_DECISION: 'deny' };
  try {
    const results = await Promise.all(all.slice(0, 6).map((role) => run(b, role, env, '--auto-login')));
    for (const r of results) {
      assert.is(r.code, 3, r.stderr);
      assert.match(r.stderr, /run `awsidc login --integration acme`/);
    }
    assert.is(launches(b).length, 1);
    // A process the tool starts right after the denial fails too, instead of opening a new tab.
    const late = await run(b, all[7]!, env, '--auto-login');
    assert.is(late.code, 3);
    assert.match(late.stderr, /did not complete in the last minute/);
    assert.is(launches(b).length, 1);
  } finally {
    emu.setOptions({ autoApprove: true });
  }
  const relogin = await runCli(['login', '--integration', 'acme'], { ...b.env, AWSIDC_BROWSER: browser('follow-redirect') });
  assert.is(relogin.code, 0, relogin.stderr);
  rmSync(tokenFile(b));
  const after = await run(b, all[8]!, { AWSIDC_BROWSER: browser('follow-redirect') }, '--auto-login');
  assert.is(after.code, 0, after.stderr);
  assert.is(launches(b).length, 3, 'login, then a fresh auto-login');
});

test.run();
