import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from './atomic-write.js';

/** What the last sync saw, so `list`, the profile picker and completion work offline. */
export interface OrgSnapshot {
  integration: string;
  syncedAt: string;
  profiles: Array<{ name: string; accountId: string; accountName: string; roleName: string; region: string }>;
}

function fileFor(configDir: string, alias: string): string {
  return join(configDir, 'state', `${alias}.json`);
}

export function readSnapshot(configDir: string, alias: string): OrgSnapshot | undefined {
  try {
    return JSON.parse(readFileSync(fileFor(configDir, alias), 'utf8')) as OrgSnapshot;
  } catch {
    return undefined;
  }
}

export function writeSnapshot(configDir: string, snap: OrgSnapshot): void {
  writeFileAtomic(fileFor(configDir, snap.integration), JSON.stringify(snap, null, 2) + '\n');
}

export function deleteSnapshot(configDir: string, alias: string): void {
  rmSync(fileFor(configDir, alias), { force: true });
}
