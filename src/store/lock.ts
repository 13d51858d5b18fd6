import { randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, renameSync, rmdirSync, rmSync, statSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { dirname, join } from 'node:path';
import { AwsidcError } from '../core/errors.js';
import { ensurePrivateDir } from './atomic-write.js';

// A lock on FILE is the directory FILE.lock holding exactly one empty file that names its holder, e.g.
//   credentials/acme/111111111111_Admin.json.lock/4242.9f1c2a7b.my-laptop
// (pid, random nonce, URI-encoded host name). The holder touches that file every second (its heartbeat).
//
// Why not proper-lockfile: its lock is an empty directory, with nowhere to record the holder's pid, and taking over
// a stale one is "stat, rmdir, mkdir", so a waiter that judged the old lock stale can remove the lock another waiter
// has just taken (a second network call). Here every step is an atomic operation that can only succeed against the
// exact lock it was aimed at:
// - take: build FILE.lock.<nonce>.tmp with the holder file inside, then rename it to FILE.lock. rename(2) fails
//   with ENOTEMPTY/EEXIST when FILE.lock exists with a holder in it (it may replace an empty one), so exactly one
//   contender wins, and a lock never appears without its holder.
// - take over (holder dead or silent): unlink FILE.lock/<that holder's name>. The name carries a nonce, so this
//   cannot touch a newer lock; only the one process whose unlink succeeded goes on to rmdir the now-empty directory.
// - release: the same two steps, by the holder.

/** A holder on another host (shared home directory) that has not touched its lock for this long is presumed dead. */
export const STALE_MS = 5000;
/**
 * On this host a holder whose pid is gone (kill -9, crash) is replaced at once. One whose pid is alive is only
 * replaced after this long without a heartbeat: it is busy, or its pid has been reused by an unrelated process.
 */
export const STALE_LIVE_PID_MS = 30_000;
const HEARTBEAT_MS = 1000;
const HOST = hostname() || 'localhost';
// rename(2) onto a directory that has a holder in it; EPERM/EACCES/EBUSY are what Windows says instead.
const TAKEN = new Set(['ENOTEMPTY', 'EEXIST', 'EPERM', 'EACCES', 'EBUSY']);

export type Release = () => void;

/** Who holds a lock, from the name of the file inside it. */
export interface Holder {
  name: string;
  pid: number;
  host: string;
}

export function lockDirFor(file: string): string {
  return `${file}.lock`;
}

/** The current holder of FILE's lock; undefined when it is free (or mid-release). */
export function readHolder(file: string): Holder | undefined {
  let names: string[];
  try {
    names = readdirSync(lockDirFor(file));
  } catch {
    return undefined;
  }
  for (const name of names) {
    const m = /^(\d+)\.[0-9a-f]+\.(.+)$/.exec(name);
    if (!m) continue;
    try {
      return { name, pid: Number(m[1]), host: decodeURIComponent(m[2]!) };
    } catch {
      // not one of ours
    }
  }
  return undefined;
}

/** Takes the lock for `file` if it is free or its holder is dead; undefined while a live holder has it. */
export function tryLock(file: string): Release | undefined {
  const dir = lockDirFor(file);
  ensurePrivateDir(dirname(dir));
  const holder = readHolder(file);
  if (holder) {
    if (!isStale(dir, holder)) return undefined;
    takeOver(dir, holder);
  } else {
    clearAbandonedEmptyLock(dir);
  }
  const nonce = randomBytes(4).toString('hex');
  const own = `${process.pid}.${nonce}.${encodeURIComponent(HOST)}`;
  const tmp = `${dir}.${nonce}.tmp`;
  mkdirSync(tmp, { mode: 0o700 });
  try {
    writeFileSync(join(tmp, own), '', { flag: 'wx', mode: 0o600 });
    renameSync(tmp, dir);
  } catch (err) {
    rmSync(tmp, { recursive: true, force: true });
    if (TAKEN.has((err as NodeJS.ErrnoException).code ?? '')) return undefined;
    throw err;
  }
  const ownFile = join(dir, own);
  const heartbeat = setInterval(() => {
    const now = new Date();
    try {
      utimesSync(ownFile, now, now);
    } catch {
      // Taken over (we were presumed dead): the work goes on, and its cache write is atomic either way.
      clearInterval(heartbeat);
    }
  }, HEARTBEAT_MS);
  heartbeat.unref();
  let released = false;
  return () => {
    if (released) return;
    released = true;
    clearInterval(heartbeat);
    try {
      unlinkSync(ownFile);
    } catch {
      return; // taken over: what is at `dir` now belongs to someone else
    }
    try {
      rmdirSync(dir);
    } catch {
      // a new holder already renamed its lock over the empty directory
    }
  };
}

function isStale(dir: string, h: Holder): boolean {
  const sameHost = h.host === HOST;
  if (sameHost && !isAlive(h.pid)) return true;
  let mtime: number;
  try {
    mtime = statSync(join(dir, h.name)).mtimeMs;
  } catch {
    return false; // released or taken over since we looked: look again next time
  }
  return Date.now() - mtime > (sameHost ? STALE_LIVE_PID_MS : STALE_MS);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM'; // exists, owned by someone else
  }
}

function takeOver(dir: string, h: Holder): void {
  try {
    unlinkSync(join(dir, h.name));
  } catch {
    return; // someone else took it over, or it was released
  }
  try {
    rmdirSync(dir);
  } catch {
    // a contender already renamed its lock over the empty directory
  }
}

// An empty FILE.lock (a holder killed between its two release steps, or a lock from an older awsidc) is removed
// once it is old. rmdir(2) fails on a directory that has a holder in it, so this cannot remove a live lock.
function clearAbandonedEmptyLock(dir: string): void {
  try {
    if (Date.now() - statSync(dir).mtimeMs > STALE_MS) rmdirSync(dir);
  } catch {
    // absent, or not empty any more
  }
}

/**
 * Runs `work` under the lock for `file`. While another process holds it, polls `ready()` (a lock-free cache read)
 * every 20-50 ms, so waiters return the moment the holder has written, without queueing on the lock.
 */
export async function withLockOrResult<T>(
  file: string,
  ready: () => T | undefined,
  work: () => Promise<T>,
  timeoutMs = 120_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const release = tryLock(file);
    if (release) {
      try {
        return ready() ?? (await work());
      } finally {
        release();
      }
    }
    const done = ready();
    if (done !== undefined) return done;
    if (Date.now() > deadline) {
      throw new AwsidcError('LOCK_TIMEOUT', `timed out waiting for another awsidc process (lock ${lockDirFor(file)})`, {
        hint: 'run `awsidc doctor` to find and clear a stale lock',
      });
    }
    await new Promise((r) => setTimeout(r, 20 + Math.random() * 30));
  }
}

/** Runs `work` while holding the lock for `file`, waiting for it as long as `timeoutMs`. */
export async function withLock<T>(file: string, work: () => Promise<T>, timeoutMs = 120_000): Promise<T> {
  return withLockOrResult<T>(file, () => undefined, work, timeoutMs);
}
