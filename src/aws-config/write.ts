import { randomBytes } from 'node:crypto';
import { closeSync, constants, fchmodSync, fsyncSync, lstatSync, mkdirSync, openSync, readFileSync, readlinkSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, resolve } from 'node:path';
import { AwsidcError } from '../core/errors.js';
import { configChanged, writeFailed } from './errors.js';

// Writes the user's config file so a crash or a full disk can never leave half a file: temp file beside the
// real target, fsync, rename, fsync the directory. A symlinked config (dotfile managers) stays a symlink.
// Synchronous on purpose: it runs once per command, under the caller's lock, and nothing else should interleave.

/** Options for writeConfigFile. */
export interface WriteConfigOptions {
  /** Keep the previous version as `<path>.awsidc.bak` (mode 0600), replacing any older backup. */
  backup: boolean;
  /** When given, refuse to write if the file no longer has this content (someone edited it meanwhile); "" = absent. */
  expectedCurrent?: string;
}

/** What writeConfigFile did. */
export interface WriteConfigResult {
  /** false when the file already had exactly this content. */
  written: boolean;
  /** The file actually written (the symlink target when `path` is a link). */
  target: string;
  backupPath: string | undefined;
}

/** The suffix of the single backup kept beside the config file. */
export const BACKUP_SUFFIX = '.awsidc.bak';

// Follows symlinks one hop at a time, so a link to a file that does not exist yet still resolves.
function resolveTarget(path: string): string {
  let p = resolve(path);
  for (let hops = 0; hops < 40; hops++) {
    let st;
    try {
      st = lstatSync(p);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return p;
      throw err;
    }
    if (!st.isSymbolicLink()) return p;
    const link = readlinkSync(p);
    p = isAbsolute(link) ? link : resolve(dirname(p), link);
  }
  throw Object.assign(new Error(`too many levels of symbolic links: ${path}`), { code: 'ELOOP' });
}

function readIfExists(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
}

function fsyncDir(dir: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(dir, constants.O_RDONLY);
    fsyncSync(fd);
  } catch {
    // Some platforms (Windows) and file systems cannot fsync a directory; the rename is still atomic.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

// Temp file in the target's directory (same file system, so rename is atomic), explicit chmod (umask-proof).
function atomicWrite(target: string, data: string, mode: number): void {
  const dir = dirname(target);
  const tmp = join(dir, `.${basename(target)}.awsidc-${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  const fd = openSync(tmp, 'wx', mode);
  try {
    fchmodSync(fd, mode);
    writeFileSync(fd, data, 'utf8');
    fsyncSync(fd);
    closeSync(fd);
  } catch (err) {
    try { closeSync(fd); } catch { /* already closed */ }
    try { unlinkSync(tmp); } catch { /* already gone */ }
    throw err;
  }
  try {
    renameSync(tmp, target);
  } catch (err) {
    try { unlinkSync(tmp); } catch { /* already gone */ }
    throw err;
  }
  fsyncDir(dir);
}

/**
 * Atomically replaces the config file with `text`. Resolves symlinks and writes the real target (the link is
 * kept); keeps the existing file's mode (0600 for a new file); creates a missing parent folder with 0700; keeps
 * one backup beside `path`. Does nothing when the content is already `text`. Throws CONFIG_WRITE_FAILED.
 */
export function writeConfigFile(path: string, text: string, opts: WriteConfigOptions = { backup: true }): WriteConfigResult {
  let target = path;
  try {
    target = resolveTarget(path);
    const current = readIfExists(target);
    if (opts.expectedCurrent !== undefined && (current ?? '') !== opts.expectedCurrent) throw configChanged(path);
    if (current === text) return { written: false, target, backupPath: undefined };
    mkdirSync(dirname(target), { recursive: true, mode: 0o700 });
    const mode = current === undefined ? 0o600 : statSync(target).mode & 0o7777;
    let backupPath: string | undefined;
    if (opts.backup && current !== undefined) {
      // Beside the path the user knows (~/.aws/config.awsidc.bak), not inside a dotfiles repo the link points to;
      // a symlink already at the backup path is replaced, not followed.
      backupPath = `${resolve(path)}${BACKUP_SUFFIX}`;
      atomicWrite(backupPath, current, 0o600);
    }
    atomicWrite(target, text, mode);
    return { written: true, target, backupPath };
  } catch (err) {
    if (err instanceof AwsidcError) throw err;
    throw writeFailed(target, err);
  }
}
