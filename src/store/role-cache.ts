import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { isFresh, ROLE_CREDENTIAL_REFRESH_WINDOW_MS } from '../core/expiry.js';
import { parseProcessOutput } from '../core/process-output.js';
import { writeFileAtomic } from './atomic-write.js';

/** The cached credential_process document when it has more than 15 minutes left; no lock (writes are atomic renames). */
export function readFreshRoleCache(path: string, now: number): string | undefined {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
  const doc = parseProcessOutput(text);
  return doc && isFresh(doc.Expiration, now, ROLE_CREDENTIAL_REFRESH_WINDOW_MS) ? text : undefined;
}

export function writeRoleCache(path: string, processOutput: string): void {
  writeFileAtomic(path, processOutput);
}

/** Removes every cached role credential of one integration (logout). */
export function clearRoleCache(cacheDir: string, integration: string): void {
  rmSync(join(cacheDir, 'credentials', integration), { recursive: true, force: true });
}
