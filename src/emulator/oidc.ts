import { allowsGrant, DEVICE_GRANT, GRANT_TYPES, isLoopbackRedirect, type RegisteredClient } from './clients.js';
import type { Context } from './context.js';
import { DEVICE_CODE_TTL_SECONDS } from './devices.js';
import { oidcError } from './errors.js';
import { json, jsonBody, type Incoming, type Reply } from './http.js';
import type { TokenSet } from './tokens.js';

// Scope that makes the real service issue refresh tokens.
const REFRESH_SCOPE = 'sso:account:access';

function isStringArray(v: unknown): v is string[] {
  return Array.isArray(v) && v.every((x) => typeof x === 'string');
}

function optionalStrings(body: Record<string, unknown>, key: string): string[] | undefined | 'bad' {
  const v = body[key];
  if (v === undefined || v === null) return undefined;
  return isStringArray(v) ? v : 'bad';
}

const badBody = (): Reply => oidcError('InvalidRequestException', 'Request body must be a JSON object');
const missing = (field: string): Reply => oidcError('InvalidRequestException', `Missing required parameter: ${field}`);
const badClient = (): Reply => oidcError('InvalidClientException', 'Invalid client credentials provided');

// POST /client/register
export function registerClient(ctx: Context, inc: Incoming): Reply {
  const body = jsonBody(inc);
  if (!body) return badBody();
  if (typeof body.clientName !== 'string' || body.clientName === '') return missing('clientName');
  if (typeof body.clientType !== 'string') return missing('clientType');
  if (body.clientType !== 'public') return oidcError('InvalidClientMetadataException', 'Invalid client type: only "public" is supported');
  const scopes = optionalStrings(body, 'scopes');
  const grantTypes = optionalStrings(body, 'grantTypes');
  const redirectUris = optionalStrings(body, 'redirectUris');
  if (scopes === 'bad') return oidcError('InvalidScopeException', 'scopes must be a list of strings');
  if (grantTypes === 'bad' || grantTypes?.some((g) => !GRANT_TYPES.includes(g))) {
    return oidcError('InvalidClientMetadataException', 'Invalid grant types');
  }
  if (redirectUris === 'bad' || redirectUris?.some((u) => !isLoopbackRedirect(u))) {
    return oidcError('InvalidRedirectUriException', 'Redirect URIs must be http loopback addresses');
  }
  if (grantTypes?.includes('authorization_code') && !redirectUris?.length) {
    return oidcError('InvalidRedirectUriException', 'authorization_code requires at least one redirect URI');
  }
  if (body.issuerUrl !== undefined && typeof body.issuerUrl !== 'string') return oidcError('InvalidRequestException', 'issuerUrl must be a string');
  const c = ctx.clients.register(
    {
      clientName: body.clientName,
      scopes: scopes ?? [],
      grantTypes,
      redirectUris: redirectUris ?? [],
      issuerUrl: body.issuerUrl,
    },
    ctx.now(),
  );
  return json(200, {
    clientId: c.clientId,
    clientSecret: c.clientSecret,
    clientIdIssuedAt: Math.floor(c.issuedAtMs / 1000),
    clientSecretExpiresAt: Math.floor(c.expiresAtMs / 1000),
    authorizationEndpoint: `${ctx.url}/authorize`,
    tokenEndpoint: `${ctx.url}/token`,
  });
}

// POST /device_authorization
export function startDeviceAuthorization(ctx: Context, inc: Incoming): Reply {
  const body = jsonBody(inc);
  if (!body) return badBody();
  for (const f of ['clientId', 'clientSecret', 'startUrl']) if (typeof body[f] !== 'string' || body[f] === '') return missing(f);
  const client = ctx.clients.authenticate(body.clientId, body.clientSecret, ctx.now());
  if (!client) return badClient();
  if (!allowsGrant(client, DEVICE_GRANT)) return oidcError('UnauthorizedClientException', 'Client is not registered for the device code grant');
  const auth = ctx.devices.start(client.clientId, String(body.startUrl), ctx.now(), ctx.settings.deviceInterval);
  return json(200, {
    deviceCode: auth.deviceCode,
    userCode: auth.userCode,
    verificationUri: `${ctx.url}/device`,
    verificationUriComplete: `${ctx.url}/device?user_code=${auth.userCode}`,
    expiresIn: DEVICE_CODE_TTL_SECONDS,
    interval: auth.intervalSeconds,
  });
}

function tokenReply(t: TokenSet): Reply {
  const out: Record<string, unknown> = { accessToken: t.accessToken, tokenType: 'Bearer', expiresIn: t.expiresIn };
  if (t.refreshToken !== undefined) out.refreshToken = t.refreshToken;
  return json(200, out);
}

function issueFor(ctx: Context, client: RegisteredClient): Reply {
  const withRefreshToken = ctx.settings.refreshTokens && client.scopes.includes(REFRESH_SCOPE);
  return tokenReply(ctx.tokens.issue(client.clientId, ctx.now(), { ttlSeconds: ctx.settings.accessTokenTtlSeconds, withRefreshToken }));
}

// POST /token
export function createToken(ctx: Context, inc: Incoming): Reply {
  if (inc.url.searchParams.has('aws_iam')) return oidcError('InvalidRequestException', 'CreateTokenWithIAM is not supported by the emulator');
  const body = jsonBody(inc);
  if (!body) return badBody();
  for (const f of ['clientId', 'clientSecret', 'grantType']) if (typeof body[f] !== 'string' || body[f] === '') return missing(f);
  const now = ctx.now();
  const client = ctx.clients.authenticate(body.clientId, body.clientSecret, now);
  if (!client) return badClient();
  const grantType = String(body.grantType);
  if (!GRANT_TYPES.includes(grantType)) return oidcError('UnsupportedGrantTypeException', `Unsupported grant type: ${grantType}`);
  if (!allowsGrant(client, grantType)) return oidcError('UnauthorizedClientException', `Client is not registered for grant type ${grantType}`);

  if (grantType === DEVICE_GRANT) {
    if (typeof body.deviceCode !== 'string') return missing('deviceCode');
    switch (ctx.devices.poll(body.deviceCode, client.clientId, now, ctx.settings.approveAfter)) {
      case 'issue':
        return issueFor(ctx, client);
      case 'pending':
        return oidcError('AuthorizationPendingException', 'Authorization is still pending');
      case 'slow_down':
        return oidcError('SlowDownException', 'Client is polling too quickly');
      case 'expired':
        return oidcError('ExpiredTokenException', 'Device code has expired');
      case 'denied':
        return oidcError('AccessDeniedException', 'The user denied the authorization request');
      case 'invalid':
        return oidcError('InvalidGrantException', 'Invalid grant provided');
    }
  }

  if (grantType === 'refresh_token') {
    if (typeof body.refreshToken !== 'string') return missing('refreshToken');
    const s = ctx.settings;
    const t = ctx.tokens.redeemRefresh(client.clientId, body.refreshToken, now, s.accessTokenTtlSeconds, s.rotateRefreshTokens);
    return t ? tokenReply(t) : oidcError('InvalidGrantException', 'Invalid refresh token provided');
  }

  // authorization_code
  if (typeof body.code !== 'string') return missing('code');
  const redirectUri = typeof body.redirectUri === 'string' ? body.redirectUri : undefined;
  const verifier = typeof body.codeVerifier === 'string' ? body.codeVerifier : undefined;
  if (!ctx.pkce.redeem(body.code, client.clientId, redirectUri, verifier, now)) {
    return oidcError('InvalidGrantException', 'Invalid authorization code, redirect URI or code verifier');
  }
  return issueFor(ctx, client);
}
