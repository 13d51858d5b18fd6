import { AwsidcError, loginRequired } from '../core/errors.js';

interface SdkErrorShape {
  name?: string;
  code?: string;
  message?: string;
  error_description?: string;
  $metadata?: { httpStatusCode?: number };
}

const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'TimeoutError']);

/** The portal refused the access token (401 UnauthorizedException), whatever its expiresAt said. */
export function isUnauthorized(err: unknown): boolean {
  const e = err as SdkErrorShape | undefined;
  return e?.name === 'UnauthorizedException' || e?.$metadata?.httpStatusCode === 401;
}

/** Turns an SDK or socket error into an AwsidcError with a fix; never copies request data (tokens) into the message. */
export function mapSsoError(err: unknown, integration: string, what: string): AwsidcError {
  if (err instanceof AwsidcError) return err;
  const e = (err ?? {}) as SdkErrorShape;
  const name = e.name ?? '';
  const status = e.$metadata?.httpStatusCode;
  if (name === 'UnauthorizedException' || status === 401) {
    return loginRequired(integration, 'the Identity Center session is expired or was signed out');
  }
  if (name === 'ForbiddenException' || status === 403) {
    return new AwsidcError('ACCESS_DENIED', `${what}: access denied (the role may no longer be assigned to you)`, {
      hint: `run \`awsidc sync --integration ${integration}\` to refresh your profiles`,
      cause: err,
    });
  }
  if (name === 'TooManyRequestsException' || status === 429) {
    return new AwsidcError('THROTTLED', `${what}: Identity Center is throttling requests`, { hint: 'wait a moment and try again', cause: err });
  }
  if (name === 'ResourceNotFoundException' || status === 404) {
    return new AwsidcError('ACCESS_DENIED', `${what}: the account or role was not found`, {
      hint: `run \`awsidc sync --integration ${integration}\` to refresh your profiles`,
      cause: err,
    });
  }
  if (NETWORK_CODES.has(e.code ?? '') || NETWORK_CODES.has(name)) {
    return new AwsidcError('NETWORK', `${what}: cannot reach Identity Center (${e.code ?? name})`, {
      hint: 'check your network connection, proxy settings and the integration\'s SSO region',
      cause: err,
    });
  }
  const detail = e.error_description || (e.message && e.message !== 'UnknownError' ? e.message : '') || name || 'unknown error';
  return new AwsidcError('SERVICE', `${what}: ${detail}${status ? ` (HTTP ${status})` : ''}`, { cause: err });
}
