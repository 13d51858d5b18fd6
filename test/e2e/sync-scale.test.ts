import { readFileSync } from 'node:fs';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { listManagedProfiles } from '../../src/aws-config/list.js';
import { generateOrg, type Org } from '../../src/emulator/org.js';
import { startEmulator, type Emulator } from '../../src/emulator/server.js';
import { emulatorToken, seedIntegration, stateBox } from '../helpers/integration.js';
import { requireBuild, runCli } from '../helpers/sandbox.js';

// A sync must survive a flaky, throttling portal, and when it cannot list everything it must keep what it had.

const keys = (file: string) => new Set(listManagedProfiles(readFileSync(file, 'utf8')).map((p) => `${p.accountId}/${p.roleName}`));
const rolesOf = (org: Org) => org.accounts.reduce((n, a) => n + a.roles.length, 0);

const partial = suite<{ emu: Emulator; token: string }>('sync through the CLI: partial failure and flaky portal', {} as never);

partial.before(async (ctx) => {
  requireBuild();
  ctx.emu = await startEmulator({ org: generateOrg({ accounts: 30, seed: 5 }), approveAfter: 0 });
  ctx.token = await emulatorToken(ctx.emu);
});
partial.after(async (ctx) => {
  await ctx.emu.close();
});

partial('should keep the old profiles of accounts whose roles fail, update the rest, say which failed and exit 5', async ({ emu, token }) => {
  const box = stateBox();
  const [failing, other] = emu.org.accounts as [Org['accounts'][number], Org['accounts'][number]];
  const saved = { failing: failing.roles, other: other.roles };
  try {
    seedIntegration(emu, box, token);
    assert.is((await runCli(['sync'], box.env)).code, 0);
    const before = keys(box.configFile);
    assert.is(before.size, rolesOf(emu.org));

    // The failing account loses a role (must be kept: we cannot know), the other gains one (must appear).
    failing.roles = failing.roles.slice(1);
    other.roles = [...other.roles, 'SupportUser-New'];
    emu.setOptions({ failRolesFor: [failing.accountId] });
    const r = await runCli(['sync'], box.env);
    assert.is(r.code, 5, r.stderr);
    assert.match(r.stderr, new RegExp(`could not list roles in 1 account \\(${failing.accountId}\\): listing roles: .*HTTP 500.*; kept their existing profiles`));
    assert.match(r.stderr, /awsidc: "acme": roles of 1 account\(s\) could not be listed; their existing profiles were kept; run `awsidc sync --integration acme` again to retry/);
    const after = keys(box.configFile);
    for (const k of before) assert.ok(after.has(k), `kept ${k}`);
    assert.ok(after.has(`${other.accountId}/SupportUser-New`), 'the rest is updated');
    assert.ok((emu.counters()['fault:ListAccountRoles'] ?? 0) >= 4, 'retried before giving up');

    const json = await runCli(['sync', '--json'], box.env);
    assert.is(json.code, 5);
    assert.equal((JSON.parse(json.stdout) as Array<{ failed: Array<{ accountId: string }> }>)[0]?.failed.map((f) => f.accountId), [failing.accountId]);

    emu.setOptions({ failRolesFor: undefined });
    const healed = await runCli(['sync'], box.env);
    assert.is(healed.code, 0, healed.stderr);
    assert.not.ok(keys(box.configFile).has(`${failing.accountId}/${saved.failing[0]}`), 'pruned once it could be listed');
  } finally {
    failing.roles = saved.failing;
    other.roles = saved.other;
    emu.setOptions({ failRolesFor: undefined });
    box.cleanup();
  }
});

partial('should retry 500s, dropped connections and 429s with Retry-After, and finish with every profile', async ({ emu, token }) => {
  const box = stateBox();
  try {
    seedIntegration(emu, box, token);
    // Sparse enough that no account meets a fault on all five of its attempts (about 1 run in 700 otherwise).
    emu.setOptions({ errorEvery: 13, resetEvery: 17, throttleRps: 8, retryAfterSeconds: 1 });
    emu.resetCounters();
    const r = await runCli(['sync', '--verbose'], box.env);
    assert.is(r.code, 0, r.stderr);
    assert.is(keys(box.configFile).size, rolesOf(emu.org));
    const c = emu.counters();
    assert.ok((c['fault:ListAccountRoles'] ?? 0) + (c['fault:ListAccounts'] ?? 0) > 0, 'saw 500s');
    assert.ok((c['reset:ListAccountRoles'] ?? 0) + (c['reset:ListAccounts'] ?? 0) > 0, 'saw resets');
    assert.match(r.stderr, /portal calls, \d+ throttled and retried, \d+ retried after a server or network error/);
  } finally {
    emu.setOptions({ errorEvery: undefined, resetEvery: undefined, throttleRps: undefined, retryAfterSeconds: undefined });
    box.cleanup();
  }
});

partial.run();

const scale = suite('sync through the CLI: 500 accounts, throttled');

scale('should list 500 accounts at 50 requests/s with no failure, fewer 429s than calls, and a few progress lines', async () => {
  requireBuild();
  const org = generateOrg({ accounts: 500, seed: 3 });
  const emu = await startEmulator({ org, approveAfter: 0 });
  const box = stateBox();
  try {
    seedIntegration(emu, box, await emulatorToken(emu));
    emu.setOptions({ throttleRps: 50 });
    emu.resetCounters();
    const r = await runCli(['sync'], box.env, 60_000);
    assert.is(r.code, 0, r.stderr);
    assert.is(keys(box.configFile).size, rolesOf(org));
    const c = emu.counters();
    const served = (c.ListAccounts ?? 0) + (c.ListAccountRoles ?? 0);
    const throttled = (c['throttled:ListAccounts'] ?? 0) + (c['throttled:ListAccountRoles'] ?? 0);
    assert.is(c.ListAccountRoles, 500, 'one call per account, none repeated after success');
    assert.ok(throttled < served, `${throttled} throttled of ${served}`);
    assert.ok(r.ms < 40_000, `took ${r.ms} ms`);
    const progress = r.stderr.split('\n').filter((l) => l.includes('listing roles'));
    assert.ok(progress.length >= 1 && progress.length <= 3, r.stderr);
  } finally {
    await emu.close();
    box.cleanup();
  }
});

scale.run();
