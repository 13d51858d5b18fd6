import { lock } from 'proper-lockfile';
import { ensurePrivateDir } from './atomic-write.js';
import { dirname } from 'node:path';
import { AwsidcError } from '../core/errors.js';

// A holder refreshes its lock every second; a lock untouched for 5 s belongs to a dead process (kill -9) and is taken over.
const STALE_MS = 5000;
const UPDATE_MS = 1000;

export type Release = () => Promise<void>;

/** Tries once to take the lock for `file`; undefined when another live process holds it. */
export async function tryLock(file: string): Promise<Release | undefined> {
  ensurePrivateDir(dirname(file));
  try {
    return await lock(file, { stale: STALE_MS, update: UPDATE_MS, realpath: false, retries: 0, onCompromised: () => { /* we re-check the cache after work; nothing to undo */ } });
  } catch (err) {
    if ((err as { code?: string }).code === 'ELOCKED') return undefined;
    throw err;
  }
}

/**
 * Runs `work` under the lock for `file`. While another process holds it, polls `ready()` (a lock-free cache read)
 * every 40-100 ms, so waiters return the moment the holder has written, without queueing on the lock.
 */
export async function withLockOrResult<T>(
  file: string,
  ready: () => T | undefined,
  work: () => Promise<T>,
  timeoutMs = 120_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const release = await tryLock(file);
    if (release) {
      try {
        return ready() ?? (await work());
      } finally {
        await release().catch(() => undefined);
      }
    }
    const done = ready();
    if (done !== undefined) return done;
    if (Date.now() > deadline) {
      throw new AwsidcError('LOCK_TIMEOUT', `timed out waiting for another awsidc process (lock ${file}.lock)`, {
        hint: 'run `awsidc doctor` to find and clear a stale lock',
      });
    }
    await new Promise((r) => setTimeout(r, 40 + Math.random() * 60));
  }
}

/** Runs `work` while holding the lock for `file`, waiting for it as long as `timeoutMs`. */
export async function withLock<T>(file: string, work: () => Promise<T>, timeoutMs = 120_000): Promise<T> {
  return withLockOrResult<T>(file, () => undefined, work, timeoutMs);
}
