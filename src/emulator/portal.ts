import type { Context } from './context.js';
import { portalError } from './errors.js';
import { json, type Incoming, type Reply } from './http.js';

const DEFAULT_PAGE_SIZE = 20;
const MAX_PAGE_SIZE = 100;

const unauthorized = (): Reply => portalError('UnauthorizedException', 'Session token not found or invalid');

// The bearer token header (note the underscore); undefined when absent or blank.
function bearer(inc: Incoming): string | undefined {
  const v = inc.headers['x-amz-sso_bearer_token'];
  const s = Array.isArray(v) ? v[0] : v;
  return s ? s : undefined;
}

function authorized(ctx: Context, inc: Incoming): boolean {
  return ctx.tokens.check(bearer(inc), ctx.now()) === 'ok';
}

// Page tokens are opaque to clients but must round-trip: base64url("<scope>:<offset>").
function encodeToken(scope: string, offset: number): string {
  return Buffer.from(`${scope}:${offset}`).toString('base64url');
}

type Page = { offset: number; size: number } | { error: Reply };

function pageParams(q: URLSearchParams, scope: string, total: number): Page {
  let size = DEFAULT_PAGE_SIZE;
  const max = q.get('max_result');
  if (max !== null) {
    size = /^-?\d+$/.test(max) ? Number(max) : NaN;
    if (!Number.isInteger(size) || size < 1 || size > MAX_PAGE_SIZE) {
      return {
        error: portalError(
          'InvalidRequestException',
          `1 validation error detected: Value '${max}' at 'maxResults' failed to satisfy constraint: Member must have value between 1 and ${MAX_PAGE_SIZE}`,
        ),
      };
    }
  }
  let offset = 0;
  const next = q.get('next_token');
  if (next !== null) {
    const m = /^(.*):(\d+)$/.exec(Buffer.from(next, 'base64url').toString('utf8'));
    offset = m && m[1] === scope ? Number(m[2]) : NaN;
    if (!Number.isSafeInteger(offset) || offset < 0 || offset > total) {
      return { error: portalError('InvalidRequestException', 'Invalid nextToken provided') };
    }
  }
  return { offset, size };
}

// The response fields shared by both list operations: the slice and, when more remain, nextToken.
function slice<T>(items: T[], scope: string, p: { offset: number; size: number }): { items: T[]; nextToken?: string } {
  const end = p.offset + p.size;
  return end < items.length ? { items: items.slice(p.offset, end), nextToken: encodeToken(scope, end) } : { items: items.slice(p.offset) };
}

// GET /assignment/accounts
export function listAccounts(ctx: Context, inc: Incoming): Reply {
  if (!authorized(ctx, inc)) return unauthorized();
  const accounts = ctx.org.accounts;
  const p = pageParams(inc.url.searchParams, 'accounts', accounts.length);
  if ('error' in p) return p.error;
  const s = slice(accounts, 'accounts', p);
  return json(200, {
    accountList: s.items.map((a) => ({ accountId: a.accountId, accountName: a.accountName, emailAddress: a.emailAddress })),
    ...(s.nextToken !== undefined ? { nextToken: s.nextToken } : {}),
  });
}

// GET /assignment/roles; an account the user cannot reach simply has no roles.
export function listAccountRoles(ctx: Context, inc: Incoming): Reply {
  if (!authorized(ctx, inc)) return unauthorized();
  const accountId = inc.url.searchParams.get('account_id');
  if (!accountId) return portalError('InvalidRequestException', 'account_id is required');
  const roles = ctx.org.accounts.find((a) => a.accountId === accountId)?.roles ?? [];
  const scope = `roles/${accountId}`;
  const p = pageParams(inc.url.searchParams, scope, roles.length);
  if ('error' in p) return p.error;
  const s = slice(roles, scope, p);
  return json(200, {
    roleList: s.items.map((roleName) => ({ roleName, accountId })),
    ...(s.nextToken !== undefined ? { nextToken: s.nextToken } : {}),
  });
}

// GET /federation/credentials; expiration is epoch MILLISECONDS (reference §2).
export function getRoleCredentials(ctx: Context, inc: Incoming): Reply {
  if (!authorized(ctx, inc)) return unauthorized();
  const q = inc.url.searchParams;
  const roleName = q.get('role_name');
  const accountId = q.get('account_id');
  if (!roleName) return portalError('InvalidRequestException', 'role_name is required');
  if (!accountId) return portalError('InvalidRequestException', 'account_id is required');
  const account = ctx.org.accounts.find((a) => a.accountId === accountId);
  if (!account || !account.roles.includes(roleName)) return portalError('ForbiddenException', 'No access');
  const k = ctx.keys.issue(accountId, roleName, ctx.now(), ctx.settings.roleCredentialTtlSeconds);
  return json(200, {
    roleCredentials: {
      accessKeyId: k.accessKeyId,
      secretAccessKey: k.secretAccessKey,
      sessionToken: k.sessionToken,
      expiration: k.expirationMs,
    },
  });
}

// POST /logout: ends the access token's whole session (its refresh token too); empty 200.
export function logout(ctx: Context, inc: Incoming): Reply {
  const token = bearer(inc);
  if (token === undefined || !authorized(ctx, inc)) return unauthorized();
  ctx.tokens.logout(token);
  return { status: 200, body: '' };
}
