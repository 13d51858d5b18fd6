import {
  GetRoleCredentialsCommand,
  ListAccountRolesCommand,
  ListAccountsCommand,
  LogoutCommand,
  type SSOClient,
} from '@aws-sdk/client-sso';
import type { RoleCredentials } from '../core/process-output.js';
import { AwsidcError } from '../core/errors.js';

export interface Account {
  accountId: string;
  accountName: string;
  emailAddress?: string;
}

/** The portal's page-size ceiling (reference §2). */
export const MAX_PAGE = 100;

/** One page of ListAccounts or ListAccountRoles. */
export interface Page<T> {
  items: T[];
  nextToken?: string;
}

/**
 * The two listing flows, one call (one page) each, so the caller decides pacing and retries. The SDK-backed
 * implementation is sdkPortalLister; tests pass fakes.
 */
export interface PortalLister {
  listAccounts(accessToken: string, nextToken: string | undefined): Promise<Page<Account>>;
  listAccountRoles(accessToken: string, accountId: string, nextToken: string | undefined): Promise<Page<string>>;
}

/** A PortalLister over an SSO client (use listingClient: its SDK retries are off, ours are on). */
export function sdkPortalLister(client: SSOClient): PortalLister {
  return {
    async listAccounts(accessToken, nextToken) {
      const page = await client.send(new ListAccountsCommand({ accessToken, maxResults: MAX_PAGE, nextToken }));
      const items: Account[] = [];
      for (const a of page.accountList ?? []) {
        if (a.accountId) items.push({ accountId: a.accountId, accountName: a.accountName ?? a.accountId, ...(a.emailAddress ? { emailAddress: a.emailAddress } : {}) });
      }
      return page.nextToken ? { items, nextToken: page.nextToken } : { items };
    },
    async listAccountRoles(accessToken, accountId, nextToken) {
      const page = await client.send(new ListAccountRolesCommand({ accessToken, accountId, maxResults: MAX_PAGE, nextToken }));
      const items: string[] = [];
      for (const r of page.roleList ?? []) if (r.roleName) items.push(r.roleName);
      return page.nextToken ? { items, nextToken: page.nextToken } : { items };
    },
  };
}

export async function getRoleCredentials(client: SSOClient, accessToken: string, accountId: string, roleName: string): Promise<RoleCredentials> {
  const res = await client.send(new GetRoleCredentialsCommand({ accessToken, accountId, roleName }));
  const c = res.roleCredentials;
  if (!c?.accessKeyId || !c.secretAccessKey || !c.sessionToken || typeof c.expiration !== 'number') {
    throw new AwsidcError('SERVICE', 'GetRoleCredentials returned an incomplete answer');
  }
  return { accessKeyId: c.accessKeyId, secretAccessKey: c.secretAccessKey, sessionToken: c.sessionToken, expiration: c.expiration };
}

export async function logout(client: SSOClient, accessToken: string): Promise<void> {
  await client.send(new LogoutCommand({ accessToken }));
}
