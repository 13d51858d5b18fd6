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

/** Every account the token can see, all pages. */
export async function listAllAccounts(client: SSOClient, accessToken: string): Promise<Account[]> {
  const out: Account[] = [];
  let nextToken: string | undefined;
  do {
    const page = await client.send(new ListAccountsCommand({ accessToken, maxResults: MAX_PAGE, nextToken }));
    for (const a of page.accountList ?? []) {
      if (a.accountId) out.push({ accountId: a.accountId, accountName: a.accountName ?? a.accountId, emailAddress: a.emailAddress });
    }
    nextToken = page.nextToken || undefined;
  } while (nextToken);
  return out;
}

/** Every role name assigned in one account, all pages. */
export async function listAllRoles(client: SSOClient, accessToken: string, accountId: string): Promise<string[]> {
  const out: string[] = [];
  let nextToken: string | undefined;
  do {
    const page = await client.send(new ListAccountRolesCommand({ accessToken, accountId, maxResults: MAX_PAGE, nextToken }));
    for (const r of page.roleList ?? []) if (r.roleName) out.push(r.roleName);
    nextToken = page.nextToken || undefined;
  } while (nextToken);
  return out;
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
