import type { SSOClient } from '@aws-sdk/client-sso';
import { listAllAccounts, listAllRoles, type Account } from './portal.js';

export interface OrgListing {
  accounts: Array<Account & { roles: string[] }>;
  /** Accounts whose roles could not be listed; the caller keeps their old profiles. */
  failed: Array<{ accountId: string; error: unknown }>;
}

/** Lists every account, then the roles of each with bounded concurrency; one failing account does not sink the rest. */
export async function listOrg(
  client: SSOClient,
  accessToken: string,
  o: { concurrency?: number; onProgress?: (done: number, total: number) => void } = {},
): Promise<OrgListing> {
  const accounts = await listAllAccounts(client, accessToken);
  const out: OrgListing = { accounts: [], failed: [] };
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < accounts.length) {
      const a = accounts[next++]!;
      try {
        out.accounts.push({ ...a, roles: await listAllRoles(client, accessToken, a.accountId) });
      } catch (error) {
        if ((error as { name?: string }).name === 'UnauthorizedException') throw error;
        out.failed.push({ accountId: a.accountId, error });
      }
      o.onProgress?.(++done, accounts.length);
    }
  };
  await Promise.all(Array.from({ length: Math.min(o.concurrency ?? 6, Math.max(1, accounts.length)) }, worker));
  out.accounts.sort((x, y) => x.accountId.localeCompare(y.accountId));
  return out;
}
