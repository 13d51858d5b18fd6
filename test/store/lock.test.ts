import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmdirSync, rmSync, statSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { lockDirFor, readHolder, STALE_LIVE_PID_MS, STALE_MS, tryLock } from '../../src/store/lock.js';

const HOST = hostname() || 'localhost';
const scratch = mkdtempSync(join(tmpdir(), 'awsidc-lock-'));
let n = 0;
const target = () => join(scratch, String(n++), 'roles', 'r.json');
test.after(() => rmSync(scratch, { recursive: true, force: true }));

/** Puts a lock in place as another process would have left it, with its heartbeat `ageMs` ago. */
function plant(file: string, pid: number, host: string, ageMs: number): string {
  const dir = lockDirFor(file);
  mkdirSync(dir, { recursive: true });
  const holder = join(dir, `${pid}.0badc0de.${encodeURIComponent(host)}`);
  writeFileSync(holder, '');
  const t = new Date(Date.now() - ageMs);
  utimesSync(holder, t, t);
  return holder;
}

async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '0'], { stdio: 'ignore' });
  await new Promise((r) => child.on('exit', r));
  return child.pid!;
}

test('should hold the lock until release, record its pid and host, and leave nothing behind', () => {
  const file = target();
  const release = tryLock(file);
  assert.ok(release);
  assert.equal({ ...readHolder(file), name: '' }, { name: '', pid: process.pid, host: HOST });
  assert.is(tryLock(file), undefined, 'a live holder keeps it');
  release!();
  assert.not.ok(existsSync(lockDirFor(file)));
  assert.equal(readdirSync(join(file, '..')), [], 'no temporary directories left');
  const again = tryLock(file);
  assert.ok(again, 'free again after release');
  again!();
});

test('should take over at once from a holder on this host whose process is gone', async () => {
  const file = target();
  plant(file, await deadPid(), HOST, 0);
  const release = tryLock(file);
  assert.ok(release);
  assert.is(readHolder(file)?.pid, process.pid);
  release!();
});

test('should trust a holder on another host until its heartbeat is older than STALE_MS', () => {
  const file = target();
  const holder = plant(file, 1, 'build-server', STALE_MS - 2000);
  assert.is(tryLock(file), undefined, 'recent heartbeat: held (its pid cannot be checked from here)');
  const t = new Date(Date.now() - STALE_MS - 1000);
  utimesSync(holder, t, t);
  const release = tryLock(file);
  assert.ok(release, 'silent for longer than STALE_MS: presumed dead');
  release!();
});

test('should give a live holder on this host STALE_LIVE_PID_MS before presuming it hung', () => {
  const file = target();
  const holder = plant(file, process.ppid, HOST, STALE_MS + 1000);
  assert.is(tryLock(file), undefined, 'alive and only briefly silent: held');
  const t = new Date(Date.now() - STALE_LIVE_PID_MS - 1000);
  utimesSync(holder, t, t);
  const release = tryLock(file);
  assert.ok(release, 'alive but silent for 30 s (hung, or its pid was reused): taken over');
  release!();
});

test('should take an empty lock directory (a holder killed mid-release, or an older awsidc)', () => {
  const file = target();
  mkdirSync(lockDirFor(file), { recursive: true });
  const t = new Date(Date.now() - STALE_MS - 1000);
  utimesSync(lockDirFor(file), t, t);
  const release = tryLock(file);
  assert.ok(release);
  release!();
});

test('should not remove the lock of whoever took over when a holder presumed dead releases late', () => {
  const file = target();
  const first = tryLock(file)!;
  const firstHolder = readHolder(file)!;
  // What takeOver() does to a holder presumed dead.
  unlinkSync(join(lockDirFor(file), firstHolder.name));
  rmdirSync(lockDirFor(file));
  const second = tryLock(file)!;
  const secondHolder = readHolder(file)!.name;
  assert.is.not(secondHolder, firstHolder.name);
  first();
  assert.is(readHolder(file)?.name, secondHolder, 'the late release left the new lock alone');
  second();
  assert.not.ok(existsSync(lockDirFor(file)));
});

test('should beat its heartbeat every second while held', async () => {
  const file = target();
  const release = tryLock(file)!;
  const holder = join(lockDirFor(file), readHolder(file)!.name);
  const old = new Date(Date.now() - 60_000);
  utimesSync(holder, old, old);
  await new Promise((r) => setTimeout(r, 1300));
  assert.ok(Date.now() - statSync(holder).mtimeMs < 1000, 'touched within the last second');
  release();
});

test.run();
