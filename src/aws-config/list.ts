import { parseConfig, profileIdentity } from './parse.js';
import type { ManagedProfile } from './types.js';

/** One awsidc block as found in the file (1-based lines). */
export interface ManagedBlockInfo {
  integration: string;
  ssoSessionName: string | undefined;
  startLine: number;
  endLine: number;
}

// list, doctor and completion read the profiles back from the file, so they show what the SDKs will see.
/** Every profile in every awsidc block; throws CONFIG_MALFORMED when the markers do not pair up. */
export function listManagedProfiles(text: string): ManagedProfile[] {
  const out: ManagedProfile[] = [];
  for (const block of parseConfig(text).blocks) {
    for (const s of block.sections) {
      if (s.kind !== 'profile') continue;
      const id = profileIdentity(s.keys);
      out.push({
        integration: block.integration,
        name: s.name,
        accountId: id?.accountId,
        roleName: id?.roleName,
        region: s.keys.get('region'),
        hasCredentialProcess: s.keys.has('credential_process'),
        hasSsoKeys: s.keys.has('sso_session') && s.keys.has('sso_account_id') && s.keys.has('sso_role_name'),
        line: s.header + 1,
      });
    }
  }
  return out;
}

/** Every awsidc block: which integration, its sso-session, and where it is. */
export function listManagedBlocks(text: string): ManagedBlockInfo[] {
  return parseConfig(text).blocks.map((b) => ({
    integration: b.integration,
    ssoSessionName: b.sections.find((s) => s.kind === 'sso-session')?.name,
    startLine: b.start + 1,
    endLine: b.end + 1,
  }));
}
