import { json, type Reply } from './http.js';

// SDKs pick the exception from this header, never from the body (reference §1), so every error sends it.
const OIDC_NS = 'http://internal.amazon.com/coral/com.amazonaws.sso.oidc/';
const PORTAL_NS = 'http://internal.amazon.com/coral/com.amazonaws.switchboard.portal/';

export type OidcErrorName =
  | 'AuthorizationPendingException'
  | 'SlowDownException'
  | 'ExpiredTokenException'
  | 'AccessDeniedException'
  | 'InvalidGrantException'
  | 'InvalidRequestException'
  | 'InvalidScopeException'
  | 'UnauthorizedClientException'
  | 'UnsupportedGrantTypeException'
  | 'InvalidClientMetadataException'
  | 'InvalidRedirectUriException'
  | 'InvalidClientException'
  | 'InternalServerException';

// RFC 6749/8628-style `error` codes that go in the body next to the header.
const OIDC_ERRORS: Record<OidcErrorName, { status: number; error: string }> = {
  AuthorizationPendingException: { status: 400, error: 'authorization_pending' },
  SlowDownException: { status: 400, error: 'slow_down' },
  ExpiredTokenException: { status: 400, error: 'expired_token' },
  AccessDeniedException: { status: 400, error: 'access_denied' },
  InvalidGrantException: { status: 400, error: 'invalid_grant' },
  InvalidRequestException: { status: 400, error: 'invalid_request' },
  InvalidScopeException: { status: 400, error: 'invalid_scope' },
  UnauthorizedClientException: { status: 400, error: 'unauthorized_client' },
  UnsupportedGrantTypeException: { status: 400, error: 'unsupported_grant_type' },
  InvalidClientMetadataException: { status: 400, error: 'invalid_client_metadata' },
  InvalidRedirectUriException: { status: 400, error: 'invalid_redirect_uri' },
  InvalidClientException: { status: 401, error: 'invalid_client' },
  InternalServerException: { status: 500, error: 'server_error' },
};

export function oidcError(name: OidcErrorName, description: string): Reply {
  const e = OIDC_ERRORS[name];
  return json(e.status, { error: e.error, error_description: description }, { 'x-amzn-ErrorType': `${name}:${OIDC_NS}` });
}

export type PortalErrorName =
  | 'InvalidRequestException'
  | 'UnauthorizedException'
  | 'ForbiddenException'
  | 'ResourceNotFoundException'
  | 'TooManyRequestsException'
  | 'InternalServerException';

const PORTAL_STATUS: Record<PortalErrorName, number> = {
  InvalidRequestException: 400,
  UnauthorizedException: 401,
  ForbiddenException: 403,
  ResourceNotFoundException: 404,
  TooManyRequestsException: 429,
  InternalServerException: 500,
};

export function portalError(name: PortalErrorName, message: string): Reply {
  return json(PORTAL_STATUS[name], { message }, { 'x-amzn-ErrorType': `${name}:${PORTAL_NS}` });
}

// Throttling for either service: rest-json shape, optional Retry-After (seconds) for clients that honour it.
export function throttledReply(retryAfterSeconds: number | undefined): Reply {
  const r = portalError('TooManyRequestsException', 'Rate exceeded');
  if (retryAfterSeconds !== undefined) r.headers = { ...r.headers, 'retry-after': String(retryAfterSeconds) };
  return r;
}
