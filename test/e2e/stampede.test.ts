import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { dirname, join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { toProcessOutput } from '../../src/core/process-output.js';
import type { Org } from '../../src/emulator/org.js';
import { startEmulator, type Emulator } from '../../src/emulator/server.js';
import { lockDirFor, readHolder, tryLock } from '../../src/store/lock.js';
import { credentialsArgs, initAgainst, roleCacheFile } from '../helpers/login.js';
import { accessKeyId, documentProblem } from '../helpers/process-document.js';
import { CLI, requireBuild, runCli, sandbox, type RunResult, type Sandbox } from '../helpers/sandbox.js';

// Many AWS tool processes asking at once (terraform starts dozens): one GetRoleCredentials per role, no matter what.

const ROLES = ['AdministratorAccess', 'ReadOnlyAccess', 'PowerUserAccess', 'Billing'];
const org: Org = {
  user: { userName: 'alice', email: 'alice@example.com' },
  accounts: ['111111111111', '222222222222', '333333333333'].map((accountId) => ({ accountId, accountName: `Account ${accountId}`, emailAddress: 'a@example.com', roles: ROLES })),
};

const s = suite<{ emu: Emulator; box: Sandbox }>('calm under concurrency: one call per role, locks that survive kill -9', {} as never);

s.before(async (ctx) => {
  requireBuild();
  ctx.emu = await startEmulator({ org, approveAfter: 0 });
  ctx.box = sandbox();
  await initAgainst(ctx.emu, ctx.box);
});

s.after(async (ctx) => {
  await ctx.emu.close();
  ctx.box.cleanup();
});

s.before.each(({ emu, box }) => {
  rmSync(dirname(dirname(roleCacheFile(box, 'acme', '111111111111', 'x'))), { recursive: true, force: true });
  emu.setOptions({ latencyMs: 0 });
  emu.resetCounters();
});

const credentials = (box: Sandbox, accountId: string, roleName: string): Promise<RunResult> => runCli(credentialsArgs('acme', accountId, roleName), box.env, 30_000);

/** A pid that certainly belonged to a process which has exited. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '0'], { stdio: 'ignore' });
  await new Promise((r) => child.on('exit', r));
  return child.pid!;
}

s('should make exactly one GetRoleCredentials call for 32 concurrent processes on a cold cache', async ({ emu, box }) => {
  const results = await Promise.all(Array.from({ length: 32 }, () => credentials(box, '111111111111', 'AdministratorAccess')));
  assert.is(emu.counters().GetRoleCredentials, 1);
  assert.is(emu.counters().CreateToken, 0, 'the access token was fresh: no refresh');
  assert.equal(results.map((r) => r.code), Array(32).fill(0));
  assert.equal(results.map((r) => r.stderr), Array(32).fill(''), 'nothing on stderr');
  assert.is(documentProblem(results[0]!.stdout.trim()), undefined);
  assert.ok(results.every((r) => r.stdout === results[0]!.stdout), 'all 32 outputs are identical');
  assert.not.ok(existsSync(lockDirFor(roleCacheFile(box, 'acme', '111111111111', 'AdministratorAccess'))), 'the lock is gone');
});

s('should make exactly one call per role when 8 roles are asked for at once', async ({ emu, box }) => {
  const pairs = org.accounts.flatMap((a) => a.roles.map((r) => [a.accountId, r] as const)).slice(0, 8);
  const results = await Promise.all(pairs.flatMap(([a, r]) => [credentials(box, a, r), credentials(box, a, r)]));
  assert.is(emu.counters().GetRoleCredentials, 8);
  assert.equal(results.map((r) => r.code), Array(16).fill(0));
  assert.is(new Set(results.map((r) => accessKeyId(r.stdout))).size, 8, 'one credential set per role, shared by its two callers');
});

s('should not make one role wait for another role’s lock', async ({ emu, box }) => {
  const release = tryLock(roleCacheFile(box, 'acme', '111111111111', 'AdministratorAccess'));
  assert.ok(release, 'this test process holds the lock of role A');
  let aDone = false;
  const a = credentials(box, '111111111111', 'AdministratorAccess').then((r) => ((aDone = true), r));
  const b = await credentials(box, '111111111111', 'ReadOnlyAccess');
  assert.is(b.code, 0, b.stderr);
  assert.not.ok(aDone, 'role A is still waiting for its lock');
  release!();
  const ra = await a;
  assert.is(ra.code, 0, ra.stderr);
  assert.is(emu.counters().GetRoleCredentials, 2);
});

s('should take over at once, exactly once, a lock whose holder process is dead', async ({ emu, box }) => {
  const file = roleCacheFile(box, 'acme', '222222222222', 'Billing');
  const pid = await deadPid();
  // The lock exactly as a holder killed mid-call leaves it, with a fresh heartbeat, so only the pid says it is dead.
  const lock = lockDirFor(file);
  mkdirSync(lock, { recursive: true });
  writeFileSync(join(lock, `${pid}.0badc0de.${encodeURIComponent(hostname() || 'localhost')}`), '');
  assert.is(readHolder(file)?.pid, pid);
  const results = await Promise.all(Array.from({ length: 16 }, () => credentials(box, '222222222222', 'Billing')));
  assert.equal(results.map((r) => r.code), Array(16).fill(0));
  assert.is(emu.counters().GetRoleCredentials, 1, 'sixteen contenders for one dead lock: one call');
  // Without the pid rule a same-host lock is only presumed dead after 30 s without a heartbeat.
  assert.ok(Math.max(...results.map((r) => r.ms)) < 10_000, 'nobody waited for the heartbeat rule');
});

s('should recover within seconds, with a clean stderr, after the lock holder is killed with SIGKILL', async ({ emu, box }) => {
  const file = roleCacheFile(box, 'acme', '333333333333', 'PowerUserAccess');
  // The holder's GetRoleCredentials hangs, so it is certainly inside the lock when it is killed.
  emu.setOptions({ latencyMs: 60_000 });
  const holder = spawn(process.execPath, [CLI, ...credentialsArgs('acme', '333333333333', 'PowerUserAccess')], { env: box.env, stdio: 'ignore' });
  const exited = new Promise((r) => holder.on('exit', r));
  const until = Date.now() + 15_000;
  while (emu.counters().GetRoleCredentials === 0 && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
  assert.is(emu.counters().GetRoleCredentials, 1, 'the holder is waiting for the portal');
  assert.is(readHolder(file)?.pid, holder.pid, 'and holds the lock, under its own pid');
  holder.kill('SIGKILL');
  await exited;
  emu.setOptions({ latencyMs: 0 });
  const next = await credentials(box, '333333333333', 'PowerUserAccess');
  assert.is(next.code, 0);
  assert.is(next.stderr, '', 'nothing odd on stderr');
  assert.is(documentProblem(next.stdout.trim()), undefined);
  assert.ok(next.ms < 10_000, `the next call finished in ${next.ms} ms, not after the 30 s heartbeat rule`);
  assert.is(emu.counters().GetRoleCredentials, 2);
  assert.not.ok(existsSync(lockDirFor(file)), 'the lock is gone');
});

s('should replace cached credentials with 14 minutes left and serve those with 16', async ({ emu, box }) => {
  const file = roleCacheFile(box, 'acme', '111111111111', 'Billing');
  const seed = (minutes: number) => {
    const doc = toProcessOutput({ accessKeyId: `ASIASEED${minutes}`, secretAccessKey: 'seed-secret', sessionToken: 'seed-token', expiration: Date.now() + minutes * 60_000 }, '111111111111');
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, doc);
    return doc;
  };
  seed(14);
  const replaced = await credentials(box, '111111111111', 'Billing');
  assert.is(replaced.code, 0, replaced.stderr);
  assert.is(emu.counters().GetRoleCredentials, 1, '14 minutes left: fetched again');
  assert.is.not(accessKeyId(replaced.stdout), 'ASIASEED14');
  const kept = seed(16);
  const served = await credentials(box, '111111111111', 'Billing');
  assert.is(served.code, 0, served.stderr);
  assert.ok(served.stdout === kept + '\n', '16 minutes left: served from the cache, byte for byte');
  assert.is(emu.counters().GetRoleCredentials, 1);
});

s.run();
